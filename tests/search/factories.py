"""Search test data: articles with the words a test looks for, written for these tests."""

from tests.factories import localized, make_article


def make_text_article(category, texts, field="body", status="published", days_ago=1):
    """An article in the languages of ``texts`` ({language: text}) with that text in ``field``."""
    fields = {localized(field, language): text for language, text in texts.items()}
    if field == "body":
        fields = {name: f"<p>{text}</p>" for name, text in fields.items()}
    return make_article(
        category, languages=tuple(texts), status=status, days_ago=days_ago, **fields
    )
