import django.db.models.deletion
from django.db import migrations, models

from nejat.media.moving_in import first_title, languages_of, library_image, words_of


def into_library(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    LibraryImage = apps.get_model("nejat_media", "LibraryImage")
    languages = languages_of(Article, "image_alt")
    for article in Article._base_manager.exclude(image="").order_by("pk").iterator():
        article.library_image = library_image(
            LibraryImage,
            article.image,
            article.image_width,
            article.image_height,
            first_title(article, languages),
            words_of(article, "image_alt", "image_caption", languages),
        )
        article.save(update_fields=["library_image"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_category_slugs_per_language"),
        ("nejat_media", "0002_library_words_and_focal_point"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
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
