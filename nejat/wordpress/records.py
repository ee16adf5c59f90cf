"""What was imported from where (``ImportRecord``) and where old addresses now lead
(``Redirect``): the two tables that make a second import change nothing."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from nejat.site.models import Redirect, redirect_path
from nejat.wordpress.models import ImportRecord


class Records:
    def __init__(self, site):
        self.site = site

    def get(self, kind, wordpress_id):
        if not wordpress_id:
            return None
        return ImportRecord.objects.filter(
            source_site=self.site, kind=kind, wordpress_id=wordpress_id
        ).first()

    def object_of(self, kind, wordpress_ids):
        """The object imported for any of these WordPress ids, or None."""
        return self.linked_object(kind, [(self.site, number) for number in wordpress_ids])

    def linked_object(self, kind, sites_and_ids):
        """The object imported for any of these (site, WordPress id), or None."""
        if not sites_and_ids:
            return None
        wanted = Q()
        for site, wordpress_id in sites_and_ids:
            wanted |= Q(source_site=site, wordpress_id=wordpress_id)
        record = ImportRecord.objects.filter(wanted, kind=kind).first()
        return record.content_object if record else None

    def imported_elsewhere(self, obj):
        """Whether ``obj`` was imported from a site other than this one."""
        return (
            ImportRecord.objects.filter(
                content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
            )
            .exclude(source_site=self.site)
            .exists()
        )

    def save(self, record, kind, wordpress_id, obj, language="", checksum=""):
        """Record what ``obj`` was imported from; ``record`` is the earlier record, if any."""
        if not wordpress_id:
            return
        values = {
            "content_type": ContentType.objects.get_for_model(obj),
            "object_id": obj.pk,
            "language": language,
            "checksum": checksum,
        }
        if record is None:
            ImportRecord.objects.create(
                source_site=self.site, kind=kind, wordpress_id=wordpress_id, **values
            )
        elif any(getattr(record, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(record, name, value)
            record.save()


class Redirects:
    """Adds old addresses to the redirects table, for one old host (or any host: "").

    A path two items claim keeps the first; one already leading elsewhere from an
    earlier import of the same host follows the item (its slug changed). ``claimed``
    is shared by every site of one run, so two sites without hosts that had the same
    path are reported, never overwritten one by the other."""

    def __init__(self, report, host="", claimed=None):
        self.report = report
        self.host = host
        self.claimed = {} if claimed is None else claimed

    def add(self, olds, new):
        """Send each of the old addresses to ``new`` ("" for gone: 410); one query."""
        wanted = {}
        for old in map(redirect_path, olds):
            # "/" of any host is our own home page; an old host's "/" is its edition's.
            if (old == "/" and not self.host) or (new and old == redirect_path(new)):
                continue
            key = (self.host, old)
            if key in self.claimed:
                if self.claimed[key] != new:
                    self.report.skip(
                        "redirects", "old address claimed twice; first kept", self.host + old
                    )
                continue
            self.claimed[key] = wanted[old] = new
        if not wanted:
            return
        existing = {
            redirect.old_path: redirect
            for redirect in Redirect.objects.filter(old_host=self.host, old_path__in=wanted)
        }
        Redirect.objects.bulk_create(
            Redirect(old_host=self.host, old_path=old, new_path=new)
            for old in wanted
            if old not in existing
        )
        for _old in wanted.keys() - existing.keys():
            self.report.count("redirects", "created")
        for redirect in existing.values():
            if redirect.new_path != new:
                redirect.new_path = new
                redirect.save(update_fields=["new_path"])
                self.report.count("redirects", "updated")
