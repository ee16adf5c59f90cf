from django.urls import register_converter


class UnicodeSlugConverter:
    """A slug in any alphabet: letters, digits, underscores and hyphens, nothing else."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UnicodeSlugConverter, "uslug")
