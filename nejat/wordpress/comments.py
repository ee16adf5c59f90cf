"""Comments: approved ones published, pending ones kept for moderation, spam, trash,
pingbacks and trackbacks left behind; WordPress's threads kept as deep as they were
(the page shows them one level deep), and a reply by the site's own account marked as
the team's."""

from django.utils.crypto import salted_hmac

from articles.models import Comment
from nejat.wordpress.markup import comment_text, plain_text
from nejat.wordpress.survey import wordpress_date

STATUS = {"1": Comment.Status.APPROVED, "0": Comment.Status.PENDING}


class Comments:
    def __init__(self, records, report, zone):
        self.records = records
        self.report = report
        self.zone = zone

    def import_all(self, item, article, language):
        by_id = {comment.id: comment for comment in item.comments}
        kept = {}
        for comment in item.comments:
            reason = skip_reason(comment)
            if reason:
                self.report.skip("comments", reason)
            else:
                kept[comment.id] = comment
        answers = {cid: answered(comment, by_id, kept) for cid, comment in kept.items()}
        ours = {}
        for comment in sorted(kept.values(), key=lambda c: (depth(c.id, answers), c.id)):
            parent = ours.get(answers[comment.id])
            ours[comment.id] = self.import_one(comment, article, parent, language)

    def import_one(self, comment, article, parent, language):
        record = self.records.get("comment", comment.id)
        obj = record.content_object if record else None
        created = obj is None
        obj = obj or Comment()
        obj.article, obj.parent, obj.language = article, parent, language
        obj.name = (plain_text(comment.author) or "?")[:100]
        obj.email = comment.email[:254]
        obj.text = comment_text(comment.content)
        obj.status = STATUS[comment.approved]
        obj.from_team = bool(comment.user_id)
        # Hashed as the comment form hashes a visitor's address: comparable, not readable.
        obj.ip_hash = (
            salted_hmac("nejat.ip", comment.ip, algorithm="sha256").hexdigest()
            if comment.ip
            else ""
        )
        obj.save()
        written = wordpress_date(comment.date, comment.date_gmt, self.zone)
        if written:
            Comment.objects.filter(pk=obj.pk).update(created_at=written)
        self.records.save(record, "comment", comment.id, obj, language)
        kind = "approved comments" if obj.status == Comment.Status.APPROVED else "pending comments"
        self.report.count(kind, "created" if created else "updated", language)
        return obj


def skip_reason(comment):
    if comment.type in ("pingback", "trackback"):
        return f"{comment.type}s"
    if comment.approved == "spam":
        return "spam"
    if comment.approved in ("trash", "post-trashed"):
        return "in the trash"
    if comment.approved not in STATUS:
        return f"status “{comment.approved}”"
    return ""


def answered(comment, by_id, kept):
    """The id of the nearest comment kept that this one answers (None: a new thread)."""
    parent, seen = comment.parent, {comment.id}
    while parent in by_id and parent not in seen:
        if parent in kept:
            return parent
        seen.add(parent)
        parent = by_id[parent].parent
    return None


def depth(comment_id, answers):
    level, seen = 0, set()
    while answers.get(comment_id) is not None and comment_id not in seen:
        seen.add(comment_id)
        comment_id, level = answers[comment_id], level + 1
    return level
