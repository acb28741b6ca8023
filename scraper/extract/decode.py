"""Bytes -> text for HTML pages from Chinese portals.

A declared charset (HTTP header, then <meta>) is believed only when the bytes
decode cleanly under it: servers default to ISO-8859-1 or UTF-8 for GBK
pages, and a wrong belief is mojibake in every record. GB2312 and GBK are
read as GB18030, their superset, as browsers do.
"""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes


class NotHTMLError(ValueError):
    """The bytes are empty, binary, or not an HTML document."""


_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "csgb2312": "gb18030",
    "hz-gb-2312": "gb18030",
    "cp936": "gb18030",
    "windows-936": "gb18030",
    "big5-hkscs": "big5hkscs",
    "x-big5": "big5",
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
}
#: Charsets that decode any byte string: a declaration of one is no evidence
#: for non-ASCII bytes (it is usually a server default).
_PERMISSIVE = frozenset({"latin-1", "iso8859-1", "cp1252", "ascii", "cp1250", "iso8859-15"})

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([a-zA-Z0-9_\-:.]+)""", re.I)
_HTML_MARKER = re.compile(
    rb"<\s*(!doctype\s+html|html|head|body|meta|title|div|p|table|span|a\s|ul|h[1-6]|br|font|center|script)\b", re.I
)
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"Rar!", b"\xd0\xcf\x11\xe0")


def _normalise(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "gb18030" if name in ("gbk", "gb2312") else name


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return _normalise(match.group(1)) if match else None


def meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:8192])
    return _normalise(match.group(1).decode("ascii", "ignore")) if match else None


def _check_binary(body: bytes) -> None:
    if not body or body.isspace():  # (strip() would copy the page)
        raise NotHTMLError("empty document")
    head = body[:2048]
    if head.startswith(_BINARY_MAGIC):
        raise NotHTMLError("binary file, not HTML")
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise NotHTMLError("binary file, not HTML")


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return (text, encoding). Raises NotHTMLError for empty, binary or
    non-HTML input; malformed HTML is fine."""
    _check_binary(body)
    text, encoding = _decode(body, content_type)
    if not _HTML_MARKER.search(body[:65536] if encoding != "utf-16" else text[:65536].encode()):
        raise NotHTMLError("not an HTML document")
    return text, encoding


def _decode(body: bytes, content_type: str | None) -> tuple[str, str]:
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            text = _strict(body[len(bom):], encoding if encoding == "utf-8" else ("utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"))
            if text is not None:
                return text, encoding
    is_ascii = body.isascii()
    if not is_ascii:
        # Non-ASCII bytes that form valid UTF-8 are UTF-8 whatever the page
        # claims: GBK or Big5 text almost never happens to be valid UTF-8,
        # while GB18030 would decode UTF-8 bytes "cleanly" into mojibake.
        text = _strict(body, "utf-8")
        if text is not None:
            return text, "utf-8"
    for declared in (header_charset(content_type), meta_charset(body)):
        if declared is None or (declared in _PERMISSIVE and not is_ascii):
            continue
        text = _strict(body, declared)
        if text is not None:
            return text, declared
    text = _strict(body, "gb18030")
    if text is not None:
        return text, "gb18030"
    best = from_bytes(body).best()
    if best is not None and best.encoding:
        return str(best), _normalise(best.encoding) or best.encoding
    return body.decode("gb18030", errors="replace"), "gb18030"


#: Codecs in which every byte below 0x80 is that ASCII character, and no
#: other byte sequence decodes to a C0 control: the text holds a control
#: character only if the bytes hold that byte.
_ASCII_SAFE = frozenset({"utf-8", "gb18030", "big5", "big5hkscs", "ascii", "latin-1", "iso8859-1", "cp1252"})
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def may_hold_controls(body: bytes, encoding: str) -> bool:
    """False when text decoded from `body` surely has no C0 control
    characters: bytes.translate checks the bytes five times faster than a
    regex scans the text."""
    if encoding not in _ASCII_SAFE:
        return True
    return len(body.translate(None, _CONTROL_BYTES)) != len(body)
