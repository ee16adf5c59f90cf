"""Abstract pictures drawn on the spot for demo content and tests."""

import random
from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

PALETTES = [
    ("#0b6e4f", "#f2c14e", "#f78154"),
    ("#1b4965", "#5fa8d3", "#cae9ff"),
    ("#6a4c93", "#ff595e", "#ffca3a"),
    ("#2d6a4f", "#95d5b2", "#d8f3dc"),
    ("#9c6644", "#ede0d4", "#7f5539"),
    ("#003049", "#d62828", "#fcbf49"),
]


def abstract_picture(seed, size=(1200, 800), image_format="JPEG"):
    """A picture of soft circles and bands, different for every seed, as an upload."""
    generator = random.Random(seed)
    background, *colours = PALETTES[seed % len(PALETTES)]
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    width, height = size
    for _ in range(7):
        radius = generator.randint(height // 8, height // 2)
        x, y = generator.randint(0, width), generator.randint(0, height)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius), fill=generator.choice(colours)
        )
    for _ in range(3):
        y = generator.randint(0, height)
        draw.rectangle((0, y, width, y + generator.randint(10, 40)), fill=background)
    buffer = BytesIO()
    image.save(buffer, image_format, quality=85)
    extension = "png" if image_format == "PNG" else "jpg"
    return ContentFile(buffer.getvalue(), name=f"picture-{seed}.{extension}")
