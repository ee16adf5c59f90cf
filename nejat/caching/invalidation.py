"""What starts a new generation: a change to anything readers see.

Every ``Publishable`` and the tags are watched from here; the other apps say which
of their models and relations readers see (``watch`` and ``watch_links`` in their
``AppConfig.ready``). Changes made with ``QuerySet.update()`` send no signal: who
makes them calls ``invalidate()``.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from nejat.caching.generation import invalidate
from nejat.media.models import LibraryImage
from nejat.media.tasks import renditions_made
from nejat.publishing.models import publishable_models
from nejat.publishing.tags import Tag, TaggedItem


def watch(model, unless=None):
    """Start a new generation when an instance of ``model`` is saved or deleted,
    unless ``unless(instance, created)`` says readers cannot see that change."""

    def changed(sender, instance, created=False, raw=False, **kwargs):
        if not raw and not (unless and unless(instance, created)):
            invalidate()

    uid = f"page cache {model._meta.label_lower}"
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=uid)


def watch_links(through):
    """Start a new generation when links of a many-to-many relation (its ``through``
    model) are added or removed: an article's tags, its authors."""
    uid = f"page cache {through._meta.label_lower} links"
    m2m_changed.connect(links_changed, sender=through, weak=False, dispatch_uid=uid)


def links_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        invalidate()


def renditions_ready(sender, **kwargs):
    invalidate()


def watch_content():
    # A library image's words and focal point show on every page that chose it.
    for model in [*publishable_models(), Tag, TaggedItem, LibraryImage]:
        watch(model)
    watch_links(TaggedItem)
    # Pages showing an original while its renditions were made now get them.
    renditions_made.connect(renditions_ready, dispatch_uid="page cache renditions")
