"""Demo PDFs drawn on the spot: a cover page with the title, then pages of text.

Pages are pictures (Pillow writes them as a PDF), so any script shows as long as
a font for it is installed; without one the pages carry the cover picture only.
"""

import re
from functools import cache
from io import BytesIO
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils.html import strip_tags
from PIL import Image, ImageDraw, ImageFont, features

from nejat.media.demo_images import abstract_picture
from nejat.publishing.editions import localize_digits

PAGE = (874, 1240)  # A5 at 150 dpi
MARGIN = 90
FONT_FOLDERS = ("/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "C:/Windows/Fonts")
FONTS = {
    "latin": ("NotoSans-Regular.ttf", "DejaVuSans.ttf", "Arial.ttf"),
    "arabic": ("NotoNaskhArabic-Regular.ttf", "NotoSansArabic-Regular.ttf", "DejaVuSans.ttf"),
}
RIGHT_TO_LEFT = {"ar", "fa"}


@cache
def font_path(script):
    for folder in FONT_FOLDERS:
        for name in FONTS[script]:
            found = next(Path(folder).rglob(name), None) if Path(folder).is_dir() else None
            if found:
                return str(found)
    return None


def font(language, size):
    rtl = language in RIGHT_TO_LEFT
    path = font_path("arabic" if rtl else "latin")
    if path is None or (rtl and not features.check("raqm")):
        return None
    return ImageFont.truetype(path, size)


def text_options(language):
    if language in RIGHT_TO_LEFT:
        return {"direction": "rtl", "language": language}
    return {}


def wrap(text, face, width, options):
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and face.getlength(candidate, **options) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def draw_lines(draw, lines, face, language, top, spacing, fill="#1d232b"):
    rtl = language in RIGHT_TO_LEFT
    x, anchor = (PAGE[0] - MARGIN, "ra") if rtl else (MARGIN, "la")
    for line in lines:
        if top > PAGE[1] - MARGIN * 1.5:
            break
        draw.text((x, top), line, font=face, fill=fill, anchor=anchor, **text_options(language))
        top += spacing
    return top


def cover_page(seed, heading, title, language):
    page = Image.open(abstract_picture(seed, size=PAGE)).convert("RGB")
    face, small = font(language, 54), font(language, 30)
    if face:
        draw = ImageDraw.Draw(page)
        lines = wrap(title, face, PAGE[0] - 2 * MARGIN, text_options(language))
        band_top = PAGE[1] * 0.55
        band_height = 110 + 72 * len(lines)
        draw.rectangle((0, band_top, PAGE[0], band_top + band_height), fill="#ffffff")
        top = draw_lines(draw, [heading], small, language, band_top + 40, 50, "#0b6e4f")
        draw_lines(draw, lines, face, language, top + 10, 72)
    return page


def text_page(paragraphs, language, number):
    page = Image.new("L", PAGE, 255)
    face = font(language, 30)
    if face:
        draw = ImageDraw.Draw(page)
        top = MARGIN
        for paragraph in paragraphs:
            lines = wrap(paragraph, face, PAGE[0] - 2 * MARGIN, text_options(language))
            top = draw_lines(draw, lines, face, language, top, 50, 30) + 30
        folio = localize_digits(number, language)
        draw.text((PAGE[0] / 2, PAGE[1] - MARGIN / 2), folio, font=face, fill=90, anchor="mm")
    return page


def demo_pdf(seed, heading, title, html, language, pages, name):
    """A ``pages``-page PDF for one language's edition, as an upload."""
    paragraphs = [strip_tags(part).strip() for part in re.split(r"</(?:p|li|h\d)>", html)]
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    images = [cover_page(seed, heading, title, language)]
    images += [text_page(paragraphs, language, number) for number in range(2, pages + 1)]
    buffer = BytesIO()
    images[0].save(
        buffer, "PDF", save_all=True, append_images=images[1:], resolution=150, quality=70
    )
    return ContentFile(buffer.getvalue(), name=name)
