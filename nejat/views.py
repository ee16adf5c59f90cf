from django.db import DatabaseError, connection
from django.http import HttpResponse

from articles.views import ArticleListView


class HomeView(ArticleListView):
    template_name = "home.html"


def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
