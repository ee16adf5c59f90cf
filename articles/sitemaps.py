from articles.models import Article
from nejat.site.sitemaps import EditionItemSitemap

FRONT_PAGES = ["home", "articles:list"]


class ArticleSitemap(EditionItemSitemap):
    model = Article


SITEMAPS = {"articles": ArticleSitemap}
