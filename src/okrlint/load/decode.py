"""Turn raw file bytes into text: UTF-8 (with or without BOM), UTF-16, and Thai legacy encodings."""

from __future__ import annotations

import codecs

from okrlint.load import LoadError


def decode_text(data: bytes) -> str:
    """Decode a text file as people's tools really write them; raise LoadError for binary data."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[len(codecs.BOM_UTF8) :], "utf-8")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _decode(data, "utf-16")
    if data[:2].count(0) == 1 and len(data) % 2 == 0 and _looks_utf16_without_bom(data):
        return _decode(data, "utf-16-le" if data[1] == 0 else "utf-16-be")
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):  # zip (.xlsx, .docx) or old Office file
                raise LoadError("an Office document (a workbook or Word file), not text: give it its own "
                                "extension (.xlsx, .docx) so that it is read as one")
            raise LoadError("binary file, not text (it contains NUL bytes)")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Thai Excel and older Windows tools write TIS-620 / Windows-874; those bytes are rarely valid UTF-8.
    if any(0xA1 <= b <= 0xFB for b in data):
        try:
            text = data.decode("cp874")
            if _mostly_thai_or_ascii(text):
                return text
        except UnicodeDecodeError:
            pass
    line = data[: utf8_error.start].count(b"\n") + 1
    raise LoadError(f"not valid UTF-8 text (byte 0x{data[utf8_error.start]:02x}); save the file as UTF-8", line)


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise LoadError(f"not valid {encoding} text: {exc.reason}") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM whose ASCII share is too small for the zero-byte test (mostly Thai)."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and _mostly_thai_or_ascii(text):
            return text
    return None


def _looks_utf16_without_bom(data: bytes) -> bool:
    sample = data[:200]
    zeros_odd = sample[1::2].count(0)
    zeros_even = sample[0::2].count(0)
    half = len(sample) // 2
    return max(zeros_odd, zeros_even) > half * 0.6 and min(zeros_odd, zeros_even) < half * 0.1


def _mostly_thai_or_ascii(text: str) -> bool:
    thai_or_ascii = sum(1 for ch in text if ch < "\x80" or "\u0e00" <= ch <= "\u0e7f")
    return thai_or_ascii >= len(text) * 0.97
