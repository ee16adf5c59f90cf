"""Reading a WordPress eXtended RSS (WXR 1.0–1.2) export as a stream.

``read(path)`` yields the site's header (a ``Site``) and then one ``Item`` at a
time, clearing what it has read, so memory stays flat however big the file is.
The parser refuses entity declarations and external references: an export
never needs them, and they are how XML files expand into gigabytes or read
other files.
"""

from functools import lru_cache
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.ElementTree import iterparse

from nejat.wordpress.entries import Author, Comment, Item, Site, Term

__all__ = ["Comment", "ExportError", "Item", "Site", "Term", "read"]


class ExportError(Exception):
    """The file cannot be imported; the message says why, in the reader's terms."""


@lru_cache(maxsize=256)
def _key(tag):
    """``wp:post_id`` for any WXR version's namespace, ``content:encoded``, plain ``title``…"""
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    if "wordpress.org/export/" in uri:
        return f"excerpt:{local}" if "/excerpt/" in uri else f"wp:{local}"
    if "purl.org/rss/1.0/modules/content" in uri:
        return f"content:{local}"
    if "purl.org/dc/elements" in uri:
        return f"dc:{local}"
    return local


def _fields(element):
    return {_key(child.tag): (child.text or "").strip() for child in element}


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


# Bytes XML 1.0 forbids, which old WordPress exports sometimes carry: dropped, not fatal.
# (Safe in UTF-8: these bytes never occur inside a multi-byte character.)
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


class _CleanBytes:
    def __init__(self, raw):
        self.raw = raw

    def read(self, size=-1):
        return self.raw.read(size).translate(None, _CONTROL_BYTES)


def read(path, progress=None):
    """The ``Site`` header, then each ``Item`` of the export at ``path``.

    ``progress(bytes_read, file_size)`` is called after each item, if given.
    """
    name = Path(path).name
    try:
        with open(path, "rb") as raw:
            size = Path(path).stat().st_size
            for entry in _read(_CleanBytes(raw), str(path)):
                yield entry
                if progress and isinstance(entry, Item):
                    progress(raw.tell(), size)
    except EntitiesForbidden as error:
        raise ExportError(
            f"{name}: refused. The file declares an XML entity ({error.name}); a WordPress "
            "export never does, and entities are how a file can expand without end "
            "(“billion laughs”) or read other files. Nothing was imported."
        ) from error
    except (DTDForbidden, DefusedXmlException) as error:
        raise ExportError(
            f"{name}: refused. The file uses XML features a WordPress export never needs "
            f"({type(error).__name__}). Nothing was imported."
        ) from error
    except ParseError as error:
        raise ExportError(f"{name}: this is not well-formed XML ({error}).") from error
    except OSError as error:
        raise ExportError(f"{name}: cannot be read ({error.strerror or error}).") from error


def _read(source, path):
    name = Path(path).name
    events = iterparse(source, events=("start", "end"), forbid_entities=True, forbid_external=True)
    depth, channel, site, sent = 0, None, None, False
    for event, element in events:
        if event == "start":
            depth += 1
            key = _key(element.tag)
            if depth == 1 and key != "rss":
                raise ExportError(f"{name}: not a WordPress export (no <rss>).")
            if depth == 2 and key == "channel":
                channel, site = element, Site(path=path, url="")
            if depth == 3 and channel is not None and key == "item" and not sent:
                if not site.wxr_version:
                    raise ExportError(f"{name}: not a WordPress export (no wp:wxr_version).")
                sent = True
                yield site
            continue
        depth -= 1
        if depth != 2 or channel is None:
            continue
        if _key(element.tag) == "item":
            yield _item(element)
        else:
            _header(site, _key(element.tag), element)
        channel.remove(element)
    if site is None or not site.wxr_version:
        raise ExportError(f"{name}: not a WordPress export (no wp:wxr_version).")
    if not sent:
        yield site


def _header(site, key, element):
    text = (element.text or "").strip()
    if key == "title":
        site.title = text
    elif key == "link" and not site.url:
        site.url = text.rstrip("/")
    elif key == "wp:base_blog_url":
        site.url = text.rstrip("/")
    elif key == "language":
        site.language = text
    elif key == "wp:wxr_version":
        site.wxr_version = text
    elif key == "wp:author":
        values = _fields(element)
        login = values.get("wp:author_login", "")
        site.authors[login] = Author(
            login,
            _int(values.get("wp:author_id")),
            values.get("wp:author_email", ""),
            values.get("wp:author_display_name", ""),
        )
    elif key == "wp:category":
        values = _fields(element)
        site.terms.append(
            Term(
                "category",
                _int(values.get("wp:term_id")),
                values.get("wp:category_nicename", ""),
                values.get("wp:cat_name", ""),
                values.get("wp:category_parent", ""),
                values.get("wp:category_description", ""),
            )
        )
    elif key == "wp:tag":
        values = _fields(element)
        site.terms.append(
            Term(
                "post_tag",
                _int(values.get("wp:term_id")),
                values.get("wp:tag_slug", ""),
                values.get("wp:tag_name", ""),
                description=values.get("wp:tag_description", ""),
            )
        )
    elif key == "wp:term":
        values = _fields(element)
        site.terms.append(
            Term(
                values.get("wp:term_taxonomy", ""),
                _int(values.get("wp:term_id")),
                values.get("wp:term_slug", ""),
                values.get("wp:term_name", ""),
                values.get("wp:term_parent", ""),
                values.get("wp:term_description", ""),
            )
        )


def _item(element):
    values, terms, meta, comments = {}, [], [], []
    for child in element:
        key = _key(child.tag)
        if key == "category":
            terms.append(
                (child.get("domain", ""), child.get("nicename", ""), (child.text or "").strip())
            )
        elif key == "wp:postmeta":
            entry = _fields(child)
            meta.append((entry.get("wp:meta_key", ""), entry.get("wp:meta_value", "")))
        elif key == "wp:comment":
            comments.append(_comment(child))
        else:
            values[key] = child.text or ""

    def value(key):
        return values.get(key, "").strip()

    return Item(
        post_id=_int(value("wp:post_id")),
        post_type=value("wp:post_type"),
        status=value("wp:status"),
        title=value("title"),
        link=value("link"),
        guid=value("guid"),
        creator=value("dc:creator"),
        content=values.get("content:encoded", ""),
        excerpt=value("excerpt:encoded"),
        post_date=value("wp:post_date"),
        post_date_gmt=value("wp:post_date_gmt"),
        modified=value("wp:post_modified"),
        modified_gmt=value("wp:post_modified_gmt"),
        post_name=value("wp:post_name"),
        parent=_int(value("wp:post_parent")),
        menu_order=_int(value("wp:menu_order")),
        comment_status=value("wp:comment_status"),
        password=value("wp:post_password"),
        is_sticky=value("wp:is_sticky") == "1",
        attachment_url=value("wp:attachment_url"),
        terms=terms,
        meta=meta,
        comments=comments,
    )


def _comment(element):
    values = _fields(element)
    return Comment(
        id=_int(values.get("wp:comment_id")),
        author=values.get("wp:comment_author", ""),
        email=values.get("wp:comment_author_email", ""),
        ip=values.get("wp:comment_author_IP", ""),
        date=values.get("wp:comment_date", ""),
        date_gmt=values.get("wp:comment_date_gmt", ""),
        content=values.get("wp:comment_content", ""),
        approved=values.get("wp:comment_approved", ""),
        type=values.get("wp:comment_type", ""),
        parent=_int(values.get("wp:comment_parent")),
        user_id=_int(values.get("wp:comment_user_id")),
    )
