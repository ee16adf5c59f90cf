"""An item's uploaded files (and an image's renditions) go when the item is deleted,
once the deletion has committed: a rolled-back delete keeps them."""

from functools import partial

from django.apps import apps
from django.db import models, transaction
from django.db.models.signals import post_delete


def file_fields(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def delete_files(sender, instance, **kwargs):
    for field in file_fields(sender):
        file = getattr(instance, field.attname)
        if file:
            transaction.on_commit(partial(file.delete, save=False))


def connect():
    for model in apps.get_models():
        if file_fields(model):
            post_delete.connect(delete_files, sender=model, dispatch_uid=f"files of {model}")
