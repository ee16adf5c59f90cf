"""Whether an uploaded video file is what it claims by its structure, not its first
bytes: an MP4 whose boxes tile the whole file and hold a video track, or a WebM
(Matroska) file whose tracks include a video track. A file that only starts like a
video (an ``ftyp`` box followed by HTML) is refused.
"""

import struct

# MP4 (ISO base media file format): boxes of [size][type], nested in these.
CONTAINER_BOXES = {b"moov", b"trak", b"mdia"}
MAX_BOXES = 10_000


def _boxes(fileobj, start, end):
    """(type, body start, box end) of each box between start and end; ValueError when
    a box does not fit."""
    position, count = start, 0
    while position < end:
        count += 1
        if count > MAX_BOXES or end - position < 8:
            raise ValueError("truncated box")
        fileobj.seek(position)
        size, kind = struct.unpack(">I4s", fileobj.read(8))
        header = 8
        if size == 1:
            size, header = struct.unpack(">Q", fileobj.read(8))[0], 16
        elif size == 0:
            size = end - position
        if size < header or position + size > end or not kind.isascii():
            raise ValueError("box does not fit")
        yield kind, position + header, position + size
        position += size


def _has_video_handler(fileobj, start, end):
    for kind, body, box_end in _boxes(fileobj, start, end):
        if kind == b"hdlr" and box_end - body >= 12:
            fileobj.seek(body + 8)  # version/flags, pre_defined
            if fileobj.read(4) == b"vide":
                return True
        elif kind in CONTAINER_BOXES and _has_video_handler(fileobj, body, box_end):
            return True
    return False


def is_mp4_with_video(fileobj):
    fileobj.seek(0, 2)
    end = fileobj.tell()
    try:
        boxes = list(_boxes(fileobj, 0, end))
        if not boxes or boxes[0][0] != b"ftyp":
            return False
        return any(
            kind == b"moov" and _has_video_handler(fileobj, body, box_end)
            for kind, body, box_end in boxes
        )
    except (ValueError, struct.error):
        return False
    finally:
        fileobj.seek(0)


# WebM (Matroska): EBML elements of [variable-length id][variable-length size].
EBML, SEGMENT, TRACKS, TRACK_ENTRY, TRACK_TYPE = 0x1A45DFA3, 0x18538067, 0x1654AE6B, 0xAE, 0x83
VIDEO_TRACK = 1
SEARCH_LIMIT = 4 * 1024 * 1024  # Tracks come near the start of the file


def _vint(data, position, keep_marker):
    """A variable-length integer: (value, position after it, its length in bytes)."""
    first = data[position]
    length = 9 - first.bit_length() if first else 9
    if length > 8 or position + length > len(data):
        raise ValueError("bad variable-length integer")
    value = first if keep_marker else first & (0xFF >> length)
    for byte in data[position + 1 : position + length]:
        value = (value << 8) | byte
    return value, position + length, length


def _elements(data, start, end):
    """(id, body start, end) of each element; one running past what was read (a large
    cluster, or a size left unknown by a live encoder) ends the list."""
    position = start
    while position < end:
        element, position, _ = _vint(data, position, keep_marker=True)
        size, position, length = _vint(data, position, keep_marker=False)
        unknown = size == (1 << (7 * length)) - 1
        if unknown or position + size > end:
            yield element, position, end
            return
        yield element, position, position + size
        position += size


def _webm_has_video(data, start, end, depth=0):
    for element, body, element_end in _elements(data, start, end):
        if element == TRACK_TYPE and depth >= 2:
            if int.from_bytes(data[body:element_end], "big") == VIDEO_TRACK:
                return True
        elif element in (SEGMENT, TRACKS, TRACK_ENTRY) and depth < 3:
            if _webm_has_video(data, body, element_end, depth + 1):
                return True
    return False


def is_webm_with_video(fileobj):
    fileobj.seek(0)
    data = fileobj.read(SEARCH_LIMIT)
    fileobj.seek(0)
    try:
        elements = _elements(data, 0, len(data))
        first, body, header_end = next(elements)
        if first != EBML or b"webm" not in data[body:header_end]:
            return False
        return any(
            element == SEGMENT and _webm_has_video(data, start, end, depth=1)
            for element, start, end in elements
        )
    except (ValueError, IndexError, StopIteration):
        return False
