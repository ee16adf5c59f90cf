from django.utils.translation import get_language
from django.utils.translation import gettext as _

from nejat.publishing.editions import localize_digits
from nejat.site.feeds import FEED_LENGTH, EditionFeed
from publications.models import Issue
from publications.views import periodical_in_edition


class IssueFeed(EditionFeed):
    """The newest issues of one periodical in the current edition, each with its PDF
    as an enclosure."""

    def get_object(self, request, periodical):
        return periodical_in_edition(periodical)

    def title(self, periodical):
        return periodical.name

    def link(self, periodical):
        return periodical.get_absolute_url()

    def description(self, periodical):
        return periodical.description or periodical.name

    def items(self, periodical):
        return (
            Issue.objects.published()
            .in_language(get_language())
            .filter(periodical=periodical)
            .select_related("periodical")
            .order_by("-issue_date", "-number")[:FEED_LENGTH]
        )

    def item_title(self, issue):
        return _("No. %(number)s: %(title)s") % {
            "number": localize_digits(issue.number),
            "title": issue.title,
        }

    def item_description(self, issue):
        return issue.contents or issue.text

    def item_pubdate(self, issue):
        return issue.publish_at

    def item_updateddate(self, issue):
        return issue.updated_at

    def item_enclosure_url(self, issue):
        return self.request.build_absolute_uri(issue.get_download_url()) if issue.pdf else None

    def item_enclosure_length(self, issue):
        return issue.pdf_size

    def item_enclosure_mime_type(self, issue):
        return "application/pdf"
