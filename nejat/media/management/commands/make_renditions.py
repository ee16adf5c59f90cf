"""Make the renditions of images that lack them: those whose task never ran (a worker
that was down, a failed task), or, with ``--all``, every image (after a change of
``NEJAT_IMAGE_WIDTHS``). Works in place of the worker; safe to run again."""

from django.apps import apps
from django.core.management.base import BaseCommand

from nejat.media.images import ResponsiveImageField
from nejat.media.tasks import make_image_renditions


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Remake every image's renditions.")

    def handle(self, *args, all=False, **options):
        made = 0
        for model in apps.get_models():
            for field in model._meta.concrete_fields:
                if isinstance(field, ResponsiveImageField) and field.renditions_ready_field:
                    items = model._base_manager.exclude(**{field.attname: ""})
                    if not all:
                        items = items.filter(**{field.renditions_ready_field: False})
                    for pk in items.values_list("pk", flat=True).iterator():
                        model._base_manager.filter(pk=pk).update(
                            **{field.renditions_ready_field: False}
                        )
                        make_image_renditions.call(model._meta.label, pk, field.name)
                        made += 1
        self.stdout.write(self.style.SUCCESS(f"Made the renditions of {made} images."))
