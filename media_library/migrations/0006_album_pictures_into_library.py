import django.db.models.deletion
from django.db import migrations, models

from nejat.media.moving_in import first_title, languages_of, library_image, words_of


def into_library(apps, schema_editor):
    Album = apps.get_model("media_library", "Album")
    Photo = apps.get_model("media_library", "Photo")
    LibraryImage = apps.get_model("nejat_media", "LibraryImage")
    titles = languages_of(Album, "title")
    for album in Album._base_manager.exclude(cover="").order_by("pk").iterator():
        album.library_cover = library_image(
            LibraryImage,
            album.cover,
            album.cover_width,
            album.cover_height,
            first_title(album, titles),
            {},
        )
        album.save(update_fields=["library_cover"])
    languages = languages_of(Photo, "alt")
    for photo in Photo._base_manager.select_related("album").order_by("pk").iterator():
        photo.library_image = library_image(
            LibraryImage,
            photo.image,
            photo.image_width,
            photo.image_height,
            first_title(photo.album, titles),
            words_of(photo, "alt", "caption", languages),
        )
        photo.save(update_fields=["library_image"])


class Migration(migrations.Migration):
    dependencies = [
        ("media_library", "0005_video_poster_made_from"),
        ("nejat_media", "0002_library_words_and_focal_point"),
    ]

    operations = [
        migrations.AddField(
            model_name="album",
            name="library_cover",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="nejat_media.libraryimage",
            ),
        ),
        migrations.AddField(
            model_name="photo",
            name="library_image",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="nejat_media.libraryimage",
            ),
        ),
        migrations.RunPython(into_library, migrations.RunPython.noop, elidable=True),
    ]
