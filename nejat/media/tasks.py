"""Renditions made by the task worker (``manage.py db_worker``), off the request path."""

from django.apps import apps
from django.dispatch import Signal
from django_tasks import task

from nejat.media.renditions import make_renditions

# Sent when an item's renditions are ready, so its pages can show them.
renditions_made = Signal()


@task()
def make_image_renditions(model_label, pk, field_name):
    model = apps.get_model(model_label)
    field = model._meta.get_field(field_name)
    item = model._base_manager.filter(pk=pk).first()
    if item is None or getattr(item, field.renditions_ready_field):
        return True
    image = getattr(item, field.attname)
    if image:
        make_renditions(image)
    # Only if the item still holds this file: one replaced or moved meanwhile has
    # its own task, or needs another.
    marked = model._base_manager.filter(pk=pk, **{field.attname: image.name}).update(
        **{field.renditions_ready_field: True}
    )
    if marked:
        renditions_made.send(sender=model, instance=item)
    else:
        make_image_renditions.enqueue(model_label, pk, field_name)
    return bool(marked)
