"""Bytes -> text for input files: binary sniffing, encoding detection, HTML sniffing.

Order of trust: a byte-order mark, then strict UTF-8 (what nearly every page and scraper
dump is), then charset-normalizer for legacy code pages. Failures raise
:class:`~warta.errors.InputError` with the stable reasons ``binary``, ``empty`` and
``encoding``; readers turn them into yielded errors.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Signatures of common binary formats people drop into an input folder by mistake.
_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_SNIFF = 8192
# Above this share of control bytes a file is not text, whatever its encoding.
_MAX_CONTROL_RATIO = 0.10
# Unicode blocks charset-normalizer reports for Latin-script text.
_LATIN_BLOCKS = frozenset(
    {"Basic Latin", "Latin-1 Supplement", "Latin Extended-A", "Latin Extended-B",
     "Latin Extended Additional", "General Punctuation", "Currency Symbols"}
)  # fmt: skip

_HTML_DOC_RE = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAG_RE = re.compile(
    r"</?(?:p|br|div|span|a|article|section|header|footer|main|nav|h[1-6]|ul|ol|li|img"
    r"|figure|figcaption|strong|em|b|i|u|blockquote|table|tr|td|meta|link|script|style"
    r"|title|time|iframe)\b[^<>]*>",
    re.I,
)


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def is_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (NULs, magic, controls)."""
    if bom_encoding(data) in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        return False  # UTF-16/32 text is full of NULs by design
    head = data[:_SNIFF]
    if head.startswith(_MAGIC) or b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 0x20 and b not in _TEXT_CONTROLS)
    return controls / len(head) > _MAX_CONTROL_RATIO


def decode_bytes(data: bytes, path: str) -> str:
    """Decoded text of a whole input file; raises InputError (binary/empty/encoding)."""
    if not data.strip():
        raise InputError(path, "empty", "the file holds no text")
    if is_binary(data):
        raise InputError(path, "binary", "the file looks binary (NUL or control bytes)")
    text = _decode(data, path)
    if not text.strip():
        raise InputError(path, "empty", "the file holds only whitespace")
    return text


def _decode(data: bytes, path: str) -> str:
    bom = bom_encoding(data)
    if bom:
        try:
            # the -le/-be codecs keep the BOM as U+FEFF; drop it
            return data.decode(bom).removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            raise InputError(
                path, "encoding", f"bad {bom} after its byte-order mark: {exc}"
            ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = detect_encoding(data)
    if encoding is None:
        raise InputError(
            path, "encoding", "neither UTF-8 nor any encoding charset-normalizer knows"
        )
    return data.decode(encoding, errors="replace")


def detect_encoding(data: bytes) -> str | None:
    """A legacy encoding for non-UTF-8 bytes, or None when nothing fits."""
    from charset_normalizer import from_bytes  # imported late: only legacy files need it

    best = from_bytes(data).best()
    if best is None:
        return None
    # charset-normalizer cannot tell Latin code pages apart on short news text (it picks
    # cp1257 or cp850 for plain Latin-1); cp1252 is the web's default legacy page for
    # Latin script (WHATWG), so prefer it whenever it decodes and the text is Latin.
    if set(best.alphabets) <= _LATIN_BLOCKS:
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return str(best.encoding)


def is_html_document(text: str) -> bool:
    """Starts like an HTML document (doctype, <html>, <head> or <body>)."""
    return bool(_HTML_DOC_RE.match(text[:4096]))


def looks_like_html(text: str) -> bool:
    """HTML document, or a body that carries markup (two tags, or starts with one)."""
    head = text[:4096]
    if _HTML_DOC_RE.match(head):
        return True
    tags = _HTML_TAG_RE.findall(head)
    return len(tags) >= 2 or (len(tags) == 1 and head.lstrip().startswith("<"))


def scrub_surrogates(text: str) -> str:
    """``text`` with lone UTF-16 surrogates (JSON can carry ``"\\ud800"``) replaced by U+FFFD.

    No UTF-8 encoder (the store's, a terminal's) accepts them, so they are cut at the door.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # utf-16 joins escaped pairs into their character and replaces what is left alone
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text
