"""Pictures that items stored as their own files, moved into the image library by the
migrations that made those fields choices from it. The file stays where it is; its
renditions, with the new crops around the focal point, are made by ``manage.py
make_renditions`` after migrating (until then pages show the original)."""


def library_image(LibraryImage, fieldfile, width, height, title, words):
    """The library image of a stored picture, created with these words (``alt_fa``…)
    the first time: one file shown by two items is one image."""
    image, _created = LibraryImage.objects.get_or_create(
        file=fieldfile.name,
        defaults={
            "width": width,
            "height": height,
            "renditions_ready": False,
            "title": (title or "")[:200],
            **{
                name: (value or "")[: 250 if name.startswith("alt") else 500]
                for name, value in words.items()
            },
        },
    )
    return image


def words_of(item, alt_field, caption_field, languages):
    """An item's alt text and caption in each language, as the library names them."""
    words = {"alt": getattr(item, alt_field), "caption": getattr(item, caption_field)}
    for code in languages:
        words[f"alt_{code}"] = getattr(item, f"{alt_field}_{code}")
        words[f"caption_{code}"] = getattr(item, f"{caption_field}_{code}")
    return words


def first_title(item, languages):
    return next(
        (
            getattr(item, f"title_{code}")
            for code in languages
            if getattr(item, f"title_{code}", "")
        ),
        "",
    )


def languages_of(model, field):
    """The language codes the model has columns of ``field`` in (``image_alt_fa``…)."""
    prefix = f"{field}_"
    return [f.name[len(prefix) :] for f in model._meta.fields if f.name.startswith(prefix)]
