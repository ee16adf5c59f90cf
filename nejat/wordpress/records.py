"""What was imported from where (``ImportRecord``) and where old addresses now lead
(``Redirect``): the two tables that make a second import change nothing."""

from django.contrib.contenttypes.models import ContentType

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
        record = ImportRecord.objects.filter(
            source_site=self.site, kind=kind, wordpress_id__in=wordpress_ids
        ).first()
        return record.content_object if record else None

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
    """Adds old addresses to the redirects table; a path two items claim keeps the first."""

    def __init__(self, report):
        self.report = report
        self.claimed = {}

    def add(self, olds, new):
        """Send each of the old addresses to ``new``: one query to look them up."""
        wanted = {}
        for old in map(redirect_path, olds):
            if not new or old == redirect_path(new) or old == "/":
                continue
            if old in self.claimed:
                if self.claimed[old] != new:
                    self.report.skip("redirects", "old address claimed twice; first kept", old)
                continue
            self.claimed[old] = wanted[old] = new
        if not wanted:
            return
        existing = Redirect.objects.filter(old_path__in=wanted).in_bulk(field_name="old_path")
        Redirect.objects.bulk_create(
            Redirect(old_path=old, new_path=new) for old in wanted if old not in existing
        )
        for _old in wanted.keys() - existing.keys():
            self.report.count("redirects", "created")
        for redirect in existing.values():
            if redirect.new_path != new:
                redirect.new_path = new
                redirect.save(update_fields=["new_path"])
                self.report.count("redirects", "updated")
