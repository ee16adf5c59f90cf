"""Rename stored uploads whose extension is not that of their content (files stored
before names were made from the detected type: a PDF kept as ``report.html`` would be
served as a web page). Idempotent; ``--dry-run`` only lists."""

from pathlib import PurePosixPath

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from PIL import Image, UnidentifiedImageError

from nejat.media.cleanup import file_fields
from nejat.media.images import EXTENSIONS, ResponsiveImageFieldFile
from nejat.media.renditions import make_renditions
from nejat.media.uploads import stored_name
from nejat.media.video import SUFFIX_BY_TYPE, sniff_video_type

SAME = {".jpeg": ".jpg", ".m4v": ".mp4"}


def detected_extension(file):
    """The extension the file's content calls for, or None when it is none we know."""
    head = file.read(1024)
    file.seek(0)
    if head.startswith(b"%PDF-") or b"%PDF-" in head:
        return ".pdf"
    video = sniff_video_type(file)
    if video:
        return SUFFIX_BY_TYPE[video]
    try:
        with Image.open(file) as image:
            return EXTENSIONS.get(image.format)
    except (UnidentifiedImageError, OSError):
        return None
    finally:
        file.seek(0)


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, dry_run=False, **options):
        renamed = 0
        for model in apps.get_models():
            for field in file_fields(model):
                for item in model._base_manager.exclude(**{field.attname: ""}).iterator():
                    renamed += self.fix(item, field, dry_run)
        verb = "would rename" if dry_run else "renamed"
        self.stdout.write(self.style.SUCCESS(f"{verb} {renamed} files."))

    def fix(self, item, field, dry_run):
        fieldfile = getattr(item, field.attname)
        storage, old = fieldfile.storage, fieldfile.name
        if not storage.exists(old):
            return 0
        with storage.open(old, "rb") as file:
            content = file.read()
        with ContentFile(content) as probe:
            extension = detected_extension(probe)
        suffix = PurePosixPath(old).suffix.lower()
        if extension is None or SAME.get(suffix, suffix) == extension:
            return 0
        path = PurePosixPath(old)
        new = str(path.with_name(stored_name(path.name, extension)))
        self.stdout.write(f"{item._meta.label} {item.pk}: {old} → {new}")
        if dry_run:
            return 1
        new = storage.save(new, ContentFile(content))
        type(item)._base_manager.filter(pk=item.pk).update(**{field.attname: new})
        if isinstance(fieldfile, ResponsiveImageFieldFile):
            for name in fieldfile.rendition_names:
                storage.delete(name)
            setattr(item, field.attname, new)
            make_renditions(getattr(item, field.attname))
        storage.delete(old)
        return 1
