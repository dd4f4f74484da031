"""WARC / WARC.gz files (Common Crawl CC-NEWS style) -> one raw document per page.

Only ``response`` records with an HTTP 2xx status and an HTML or text payload are
pages; request, metadata and other records are skipped silently, as are non-HTML
payloads (images, PDFs). A page that cannot be decoded or is too large becomes an
:class:`~warta.errors.InputError` for ``file#N`` (N = 1-based index of the response
record in the file) and the file goes on. Records stream: memory is one page.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import IO

from ..errors import InputError
from ..settings import Settings
from . import RawDocument, RowMeta
from .decode import decode_bytes, looks_like_html

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_PAGE_TYPES = ("text/html", "application/xhtml", "text/plain")


def is_warc(path: str) -> bool:
    return path.lower().endswith(WARC_SUFFIXES)


def read_warc(path: str, settings: Settings) -> Iterator[RawDocument | InputError]:
    """Every HTML/text page in a WARC file, in file order."""
    try:
        stream = _open(path)
    except OSError as exc:
        yield InputError(path, "unreadable", exc.strerror or str(exc))
        return
    with stream:
        yield from read_warc_stream(stream, path, settings)


def _open(path: str) -> IO[bytes]:
    if "://" in path:  # object storage (s3://, gs://, ...) through fsspec when installed
        import fsspec

        return fsspec.open(path, "rb").open()
    return open(path, "rb")


def read_warc_stream(
    stream: IO[bytes], path: str, settings: Settings
) -> Iterator[RawDocument | InputError]:
    """Pages of an open WARC byte stream (gzip detected by warcio)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    # warcio logs each header it repairs (a spaced URI), quoting the whole header: on a
    # damaged file that floods stderr with its bytes; what matters is reported per page
    logging.getLogger("warcio").setLevel(logging.ERROR)
    number = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            if record.rec_type != "response":
                continue
            number += 1
            where = f"{path}#{number}"
            item = _page(record, where, settings)
            if item is not None:
                yield item
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        # a truncated or damaged file: report it, keep what was read before
        yield InputError(path, "malformed_row", f"WARC read stopped: {exc}")


def _page(record, where: str, settings: Settings) -> RawDocument | InputError | None:  # type: ignore[no-untyped-def]
    http = record.http_headers
    status = http.get_statuscode() if http is not None else None
    if status is not None and not str(status).startswith("2"):
        return None
    ctype = (http.get_header("Content-Type") if http is not None else None) or ""
    if ctype and not ctype.lower().startswith(_PAGE_TYPES):
        return None
    data = record.content_stream().read(settings.max_input_bytes + 1)
    if len(data) > settings.max_input_bytes:
        return InputError(where, "too_large", f"payload > {settings.max_input_bytes} bytes")
    try:
        text = _decode(data, ctype, where)
    except InputError as exc:
        return exc
    url = record.rec_headers.get_header("WARC-Target-URI")
    kind = "html" if "html" in ctype.lower() or looks_like_html(text) else "text"
    return RawDocument(where, text, kind, RowMeta(url=url or None))


def _decode(data: bytes, ctype: str, where: str) -> str:
    charset = None
    for part in ctype.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip("\"' ")
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, where)
