"""Files from a local copy of ``wp-content/uploads``: nothing is downloaded.

A file an article uses is copied once into our storage, under
``wordpress/<old site's host>/<its path in uploads>``, so a second import finds
it there. Images are checked as an editor's upload would be; only file types a
news site serves are copied (no HTML, SVG or scripts that could run on our domain).
"""

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_valid_filename, slugify

from nejat.media.images import ImageFormField

UPLOADS_MARK = "/wp-content/uploads/"
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
ACCEPTED_SUFFIXES = IMAGE_SUFFIXES | {
    ".mp4", ".m4v", ".webm", ".mp3", ".m4a", ".ogg", ".oga", ".wav",
    ".pdf", ".epub", ".txt", ".rtf", ".doc", ".docx", ".odt", ".xls", ".xlsx", ".ods",
    ".ppt", ".pptx", ".odp", ".zip",
}  # fmt: skip


def upload_path(url, attached_file=""):
    """The file's path inside ``wp-content/uploads`` (``2018/08/photo.jpg``), or ''."""
    if attached_file:
        return attached_file.strip().lstrip("/")
    parts = urlsplit((url or "").strip())
    path = unquote(parts.path)
    if UPLOADS_MARK in path:
        return path.split(UPLOADS_MARK, 1)[1]
    if (parts.hostname or "").endswith(".files.wordpress.com"):
        return path.lstrip("/")
    return ""


def without_scheme(url):
    """``//host/path`` for ``https://host/path``: the same file over http or https."""
    return re.sub(r"^[a-z]+:", "", url.strip(), flags=re.I)


def check_image(path):
    """None for an image an editor could upload, else the reason it could not be."""
    with path.open("rb") as opened:
        upload = UploadedFile(file=opened, name=path.name, size=path.stat().st_size)
        try:
            ImageFormField().to_python(upload)
        except ValidationError as error:
            return str(error.messages[0])
    return None


class Uploads:
    def __init__(self, root, report, dry_run=False, storage=None):
        self.root = Path(root).resolve() if root else None
        self.report = report
        self.dry_run = dry_run
        self.storage = storage or default_storage
        self.prefixes = []
        self.folder = "wordpress"
        self.found = {}

    def start_site(self, site_url, prefixes=(), root=None):
        """Files of another site: its own folder, where its uploads were served from, and
        (``root``) its own copy of them."""
        if root:
            self.root = Path(root).resolve()
        host = urlsplit(site_url).hostname or "site"
        self.folder = f"wordpress/{slugify(host) or 'site'}"
        self.found = {}
        self.prefixes = sorted((unquote(prefix) for prefix in prefixes), key=len, reverse=True)

    def relative(self, url):
        """The path inside uploads of an address that points there, else ''."""
        bare = unquote(without_scheme(url.split("?")[0].split("#")[0]))
        for prefix in self.prefixes:
            if bare.startswith(prefix):
                return bare[len(prefix) :]
        return upload_path(url)

    def local_file(self, relative):
        """The file in the local uploads folder, never outside it; None if it is not there."""
        if self.root is None or not relative:
            return None
        # A network site's files may sit under sites/<n>/ or have been copied without it.
        for candidate in (relative, re.sub(r"^sites/\d+/", "", relative)):
            path = (self.root / candidate).resolve()
            if path.is_relative_to(self.root) and path.is_file():
                return path
        return None

    def size_variants(self, relative):
        """(file name, width) of each size WordPress made of an upload, found beside it."""
        original = self.local_file(relative)
        if original is None:
            return []
        made = re.compile(rf"{re.escape(original.stem)}-(\d+)x\d+{re.escape(original.suffix)}")
        return [
            (path.name, int(match.group(1)))
            for path in sorted(original.parent.iterdir())
            if (match := made.fullmatch(path.name))
        ]

    def original(self, relative):
        """The upload WordPress made this size of (``photo-1024x683.jpg`` → ``photo.jpg``)
        when it is in the uploads folder, else the file itself."""
        path = PurePosixPath(relative)
        original = str(path.with_name(re.sub(r"-\d+x\d+$", "", path.stem) + path.suffix))
        return original if self.local_file(original) else relative

    def same_picture(self, relative):
        """Names of the files that are one picture with this one: the original upload
        and every size WordPress made of it (for a size, or for the original)."""
        original = self.original(relative)
        names = [name for name, _width in self.size_variants(original)]
        return [PurePosixPath(original).name, *names] if self.local_file(original) else names

    def image(self, relative):
        """The local path of a usable image, or None (missing or refused, and reported)."""
        path = self._usable(relative)
        return path if path and path.suffix.lower() in IMAGE_SUFFIXES else None

    def copy(self, relative):
        """The stored name of an uploaded file (its path inside uploads), copied the
        first time it is needed; None when the file cannot be used (reported)."""
        if relative not in self.found:
            path = self._usable(relative)
            self.found[relative] = self._store(path) if path else None
        return self.found[relative]

    def _usable(self, relative):
        suffix = PurePosixPath(relative).suffix.lower()
        if suffix not in ACCEPTED_SUFFIXES:
            self.report.refused_file(relative, "this type of file is not copied")
            return None
        path = self.local_file(relative)
        if path is None:
            self.report.missing_file(relative)
            return None
        if suffix in IMAGE_SUFFIXES:
            problem = check_image(path)
            if problem:
                self.report.refused_file(relative, problem)
                return None
        return path

    def _store(self, path):
        parts = [get_valid_filename(part) for part in path.relative_to(self.root).parts]
        name = "/".join([self.folder, *parts])
        if not self.storage.exists(name):
            if self.dry_run:
                self.report.count("files", "to copy")
            else:
                with path.open("rb") as opened:
                    name = self.storage.save(name, File(opened))
                self.report.count("files", "copied")
        return name
