"""A corpus of nasty input files, written into a folder by :func:`write_corpus`.

Every file is generated here (invented Indonesian/English news sentences, random bytes);
nothing is copied from any corpus. :func:`expected_paths` says which document paths
(``file`` or ``file#N``) each file must account for, so a test can check that every
input ended as a stored article or a failure with a reason.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import random
from pathlib import Path

SENTENCE = "Polisi menangkap tiga orang di Jakarta pada Senin setelah bentrokan dengan warga. "
ENGLISH = "Police arrested three people in Jakarta on Monday after clashes with residents. "
# Reasons a reader or the pipeline may give; "internal" means a bug and fails the tests.
# Characters that break naive text code: bidi controls, zero-width, BOM, NUL, lone
# surrogates, combining marks, line and paragraph separators, astral emoji.
NASTY_CHARS = "\u202e\u202d\u2066\u2067\u2069\u200b\u200c\u200d\u2060\ufeff\x00\ud800\udfff\u0301\u2028\u2029\x85\U0001f525"  # noqa: E501
REASONS = frozenset(
    {
        "binary",
        "empty",
        "encoding",
        "malformed_row",
        "unknown_format",
        "unreadable",
        "too_large",
        "failed",
        "timeout",
        "internal",
    }
)


def body(n: int, extra: str = "") -> str:
    """A distinct small article (its number is in the text, so doc_ids differ)."""
    return f"Berita nomor {n}. " + SENTENCE * 3 + extra


def _warc_record(
    url: str, payload: bytes, ctype: str = "text/html; charset=utf-8", encoding: str | None = None
) -> bytes:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\n"
    if encoding:
        head += f"Content-Encoding: {encoding}\r\n"
    http = (head + f"Content-Length: {len(payload)}\r\n\r\n").encode() + payload
    warc = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Record-ID: <urn:uuid:{abs(hash(url)):032x}>\r\n"
        "WARC-Date: 2025-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return warc + http + b"\r\n\r\n"


def _gz_member(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9)


def _zeros_gz(size: int) -> bytes:
    """gzip of ``size`` zero bytes, compressed in a stream (never held whole)."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as gz:
        chunk = b"\0" * (1 << 20)
        for _ in range(size // len(chunk)):
            gz.write(chunk)
    return out.getvalue()


def write_corpus(
    folder: Path, *, seed: int = 7, big_mb: int = 50, bomb_mb: int = 64, long_chars: int = 1_200_000
) -> list[Path]:
    """Write every nasty file into ``folder``; returns their paths.

    ``big_mb`` is the size of the one huge page, ``bomb_mb`` what each gzip bomb inflates
    to, ``long_chars`` the length of the enormous lines (keep them under the input limit
    to send them through the pipeline, over it to test the limit).
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {}
    # -- binary and empty ---------------------------------------------------------------
    files["random.txt"] = bytes(rng.randrange(256) for _ in range(4096))
    files["png-named.html"] = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(512))
    files["empty.txt"] = b""
    files["spaces.txt"] = b"  \n\t\r\n  "
    # a NUL past the 8 KB that binary sniffing looks at
    files["nul-late.txt"] = (body(33) + " " * 9000).encode() + b"\x00\x00" + SENTENCE.encode()
    files["controls.txt"] = bytes(rng.choice(range(1, 9)) for _ in range(2000))
    # -- HTML ---------------------------------------------------------------------------
    files["truncated.html"] = (
        "<!doctype html><html><head><title>Bentrok</title></head><body><article><p>"
        + SENTENCE * 4
        + "<p>Warga mengatakan <b>polisi <i>menembakkan gas air"
    ).encode()
    files["deep.html"] = ("<html><body>" + "<div><span>" * 40000 + body(1) + "</span>" * 7).encode()
    files["attrs.html"] = (
        "<html><body><p "
        + " ".join(f'a{i}="{"x" * 50}"' for i in range(5000))
        + ">"
        + body(2)
        + "</p></body></html>"
    ).encode()
    files["hostile.html"] = (
        "<html><head><script>alert(1)</script><style>p{}</style></head><body>"
        '<p onclick="alert(2)">' + body(3) + '<a href="javascript:alert(3)">x</a>'
        "<img src=x onerror=alert(4)><svg onload=alert(5)></svg><iframe src='javascript:1'>"
        "</iframe></p><script>document.write('<p>injected</p>')</script></body></html>"
    ).encode()
    files["comment-bomb.html"] = ("<html><body><!--" + "-" * 200000 + body(4)).encode()
    # -- encodings ----------------------------------------------------------------------
    latin = body(5, "Kafé über naïve señor façade — «citation» €5.")
    files["cp1252.txt"] = latin.encode("cp1252")
    files["mixed.txt"] = body(6, "kafé ").encode("utf-8") + "naïve señor".encode("cp1252")
    files["utf8-bom.txt"] = codecs.BOM_UTF8 + body(7, "dengan BOM").encode()
    files["utf16le-bom.txt"] = codecs.BOM_UTF16_LE + body(8).encode("utf-16-le")
    files["utf16be-bom.html"] = codecs.BOM_UTF16_BE + f"<p>{body(9)}</p>".encode("utf-16-be")
    files["utf32-bom.txt"] = codecs.BOM_UTF32_LE + body(10).encode("utf-32-le")
    files["utf16-nobom.txt"] = body(11).encode("utf-16-le")
    files["bom-then-garbage.txt"] = codecs.BOM_UTF16_LE + b"\x00\xd8abc"  # lone surrogate
    files["declared-wrong.html"] = (
        '<html><head><meta charset="utf-8"></head><body><p>'
        + body(12, "Señor café.")
        + "</p></body></html>"
    ).encode("cp1252")
    files["shift-jis.txt"] = (
        "東京で警察が三人を逮捕した。抗議デモが続いている。".encode("shift_jis") * 20
    )
    # -- unicode oddities ---------------------------------------------------------------
    files["rtl.txt"] = (
        "\u202eقالت الشرطة\u200b إن ثلاثة أشخاص\u200d اعتقلوا في القدس.\u202c "
        "שלושה עצורים בירושלים. \u2067" + body(13) + "\u2069"
    ).encode()
    files["zero-width.txt"] = (
        "\u200b\u200c\u200d\ufeff".join(body(14).split(" ")) + "\u00ad\u2060\u180e"
    ).encode()
    files["combining.txt"] = (body(15) + "Z" + "\u0301\u0302\u0303" * 3000 + ".").encode()
    files["emoji.txt"] = (body(16) + "🔥💥👮‍♂️🇮🇩" * 500).encode()
    # -- enormous lines and sizes ------------------------------------------------------
    files["one-long-line.txt"] = (body(17) + "x" * long_chars).encode()
    files["no-spaces.txt"] = ("a1" * (long_chars // 2)).encode()
    files["many-sentences.txt"] = "".join(
        f"Polisi {i} menangkap {i % 7} orang di Bandung. " for i in range(20000)
    ).encode()
    # -- dates in the far past and future ----------------------------------------------
    files["dates.txt"] = body(
        18,
        "Kejadian pada 1 Januari 0001, 31 Desember 9999, 15 Maret 44 SM, tahun 99999, "
        "30 Februari 2024, 2024-13-45, 1³ Januari 2024, 2⁰²⁴ dan 00/00/0000. "
        "It happened on 1 January 1 and in 10000 AD.",
    ).encode()
    # -- rows ---------------------------------------------------------------------------
    rows = [
        json.dumps({"body": body(19), "published": "0001-01-01T00:00:00Z", "url": "https://e.x/1"}),
        json.dumps({"body": body(20), "published": "9999-12-31T23:59:59+14:00"}),
        json.dumps({"body": body(21), "published": "-0044-03-15", "title": "\u202etitle"}),
        json.dumps({"body": body(22), "published": "1e400", "author": ["a", None, {"x": 1}]}),
        json.dumps({"body": body(23) + "\ud800 lone \udfff", "title": "t\ud83d"}),
        json.dumps({"body": body(24) + " nul \u0000 inside"}),
        '{"body": "unterminated',
        "[1, 2, 3]",
        '{"body": 42}',
        '{"title": "no body"}',
        '{"body": "   "}',
        "{" * 100000 + "}" * 100000,  # recursion bomb
        json.dumps({"body": "y" * 2_000_000}),  # over the per-row limit below
        json.dumps({"body": body(25)}).replace("Berita", "Ber\\u0000ita"),
    ]
    jsonl = "\n".join(rows).encode() + b"\n" + b'{"body": "bad \xff\xfe utf8"}\n'
    files["rows.jsonl"] = codecs.BOM_UTF8 + jsonl
    files["binary.jsonl"] = b"\x00\x01\x02" * 100
    csv_rows = [
        "title,body,published",
        f'ok,"{body(26)}",2025-01-01',
        f'quote,"{body(27)} ""quoted"" unterminated,2025-01-02',
        'extra,"x",2025,extra,columns',
        "short",
    ]
    files["rows.csv"] = ("\n".join(csv_rows) + "\n").encode()
    files["nobody.csv"] = b"title,text\nA,B\n"
    files["nul.csv"] = b'title,body\nA,"abc\x00def"\n'
    files["list.json"] = json.dumps([{"body": body(28)}, "str", {"body": None}]).encode()
    files["deep.json"] = b"[" * 50000 + b"]" * 50000
    # -- gzip and WARC ------------------------------------------------------------------
    files["bomb.jsonl.gz"] = _zeros_gz(8 << 20)
    page = f"<html><body><p>{body(29)}</p></body></html>".encode()
    warc = _warc_record("https://e.x/warc/1", page)
    warc += _warc_record("https://e.x/warc/bomb", _zeros_gz(bomb_mb << 20), encoding="gzip")
    warc += _warc_record("https://e.x/warc/2", f"<p>{body(30)}</p>".encode())
    files["news.warc"] = warc
    # a multi-member .warc.gz whose middle record is a bomb, then a truncated tail
    members = [
        _gz_member(_warc_record("https://e.x/gz/1", f"<p>{body(31)}</p>".encode())),
        _gz_member(_warc_record("https://e.x/gz/zeros", b"<p>" + b"a" * (bomb_mb << 20))),
        _gz_member(_warc_record("https://e.x/gz/2", f"<p>{body(32)}</p>".encode())),
    ]
    files["news.warc.gz"] = b"".join(members) + _gz_member(b"WARC/1.0\r\nWARC-Ty")[:-8]
    files["garbage.warc.gz"] = gzip.compress(b"not a warc at all" * 100)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    # the 50 MB page, written in chunks
    with open(folder / "huge.html", "wb") as f:
        f.write(b"<html><body>")
        chunk = (f"<p>{SENTENCE}</p>" * 1000).encode()
        for _ in range((big_mb << 20) // len(chunk) + 1):
            f.write(chunk)
    return sorted(folder.iterdir())
