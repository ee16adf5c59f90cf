from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, TemplateView

from nejat.publishing.editions import direction
from nejat.publishing.views import EditionDetailMixin
from nejat.site.antispam import ip_hash, over_limit, public_form, too_many_posts
from nejat.site.chrome import site_settings
from nejat.site.forms import ContactForm
from nejat.site.models import ContactMessage, Page
from nejat.site.notices import notify_staff


class PageView(EditionDetailMixin, DetailView):
    model = Page
    template_name = "site/page_detail.html"


@method_decorator(public_form, name="dispatch")
class ContactView(FormView):
    http_method_names = ["get", "head", "post"]
    form_class = ContactForm
    template_name = "site/contact/contact.html"

    def post(self, request, *args, **kwargs):
        if over_limit(request, "contact", settings.NEJAT_CONTACT_LIMIT_PER_HOUR):
            return too_many_posts(request)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=form.refusal_status)

    @transaction.atomic
    def form_valid(self, form):
        message = ContactMessage.objects.create(
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            subject=form.cleaned_data["subject"],
            message=form.cleaned_data["message"],
            language=get_language(),
            ip_hash=ip_hash(self.request),
        )
        notify_staff("contact", {"message": message}, about=message)
        return redirect("contact_thanks")


class ContactThanksView(TemplateView):
    template_name = "site/contact/thanks.html"


def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def web_manifest(request):
    """The edition as an installable web app: its own name, language and direction."""
    site = site_settings()
    name = (site.name if site else "") or _("Nejat")
    icons = [
        {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
        {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        {
            "src": static("icons/icon-maskable-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
    ]
    manifest = {
        "name": name,
        "short_name": name,
        "lang": get_language(),
        "dir": direction(get_language()),
        "start_url": reverse("home"),
        "scope": reverse("home"),
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": "#0b6e4f",
        "icons": icons,
    }
    return JsonResponse(
        manifest,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
