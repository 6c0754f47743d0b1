"""Zip packages (Excel workbooks, Word documents) checked for zip bombs before any reader opens them.

A zip's headers say how large each part is, but they can lie, and not every reader stops where they say
(calamine's does not). So each part is inflated here, in chunks, counting what comes out and stopping at
the cap: a bomb costs at most MAX_UNZIPPED_BYTES of inflating and never that much memory.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator

from okrlint.load import LoadError
from okrlint.load.limits import MAX_UNZIPPED_BYTES, MAX_ZIP_MEMBERS, MEGABYTE

_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, then the lengths of the name and of the extra field
_END_RECORD = struct.Struct("<4s6xHI")  # signature, the number of parts in the whole zip, the directory's size
_END64_RECORD = struct.Struct("<4s28xQQ")
# The largest list of parts a document's zip may have: 10,000 parts named as Office names them take about 1 MB. A
# zip may say it has few parts and list millions; zipfile reads the whole list, so its size is what bounds the work.
MAX_DIRECTORY_BYTES = 4 * MEGABYTE
_END_SEARCH = 22 + 65_535  # the end record, then a comment of at most 64 KB
_CHUNK = MEGABYTE


def declared_directory(tail: bytes) -> tuple[int, int] | None:
    """(parts, size in bytes of the list of parts) the zip whose last bytes are ``tail`` says it has. Read before
    any zip reader is built: zipfile reads the whole list, and a list of a million parts costs seconds and a
    gigabyte before a cap on the count could apply."""
    at = tail.rfind(b"PK\x05\x06", max(0, len(tail) - _END_SEARCH))
    if at < 0 or len(tail) - at < _END_RECORD.size:
        return None
    _, count, size = _END_RECORD.unpack_from(tail, at)
    if count == 0xFFFF or size == 0xFFFFFFFF:  # zip64: in the zip64 end record, which comes before its locator
        at64 = tail.rfind(b"PK\x06\x06", 0, at)
        if at64 >= 0 and len(tail) - at64 >= _END64_RECORD.size:
            _, count, size = _END64_RECORD.unpack_from(tail, at64)
    return count, size


def _refused_directory(tail: bytes, document: str) -> LoadError | None:
    """The error of a zip whose list of parts is too long to read, by its count or by its size, else None."""
    directory = declared_directory(tail)
    if directory is None:
        return None
    count, size = directory
    if count > MAX_ZIP_MEMBERS:
        return _too_many_parts(count, document)
    if size > MAX_DIRECTORY_BYTES:
        return LoadError(f"the {document}'s list of parts takes {size // MEGABYTE:,} MB (more than "
                         f"{MAX_DIRECTORY_BYTES // MEGABYTE} MB: far more parts than it says); not read")
    return None


def _too_many_parts(count: int, document: str) -> LoadError:
    return LoadError(f"the {document} has {count:,} parts (more than {MAX_ZIP_MEMBERS:,}); not read")


def check_archive(data: bytes, document: str) -> None:
    """Raise LoadError when the zip ``data`` (a ``document``: "workbook", "document") has too many parts or
    expands past MAX_UNZIPPED_BYTES. A damaged zip passes: its reader reports it in its own words."""
    refused = _refused_directory(data[-(_END_SEARCH + 56):], document)
    if refused is not None:
        raise refused
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, ValueError, EOFError):
        return
    if len(parts) > MAX_ZIP_MEMBERS:
        raise _too_many_parts(len(parts), document)
    too_large = LoadError(f"the {document} expands to more than {MAX_UNZIPPED_BYTES // MEGABYTE:,} MB "
                          "when unzipped; not read")
    if sum(part.file_size for part in parts) > MAX_UNZIPPED_BYTES:
        raise too_large
    total = 0
    for part in parts:
        total += _unzipped_size(data, part, MAX_UNZIPPED_BYTES - total)
        if total > MAX_UNZIPPED_BYTES:
            raise too_large


def read_part(data: bytes, part: zipfile.ZipInfo) -> bytes:
    """The bytes of ``part`` as a reader that ignores the declared size sees them (call check_archive first)."""
    return b"".join(_inflate(data, part, MAX_UNZIPPED_BYTES))


def _unzipped_size(data: bytes, part: zipfile.ZipInfo, limit: int) -> int:
    """How many bytes ``part`` really inflates to, counted up to a little past ``limit``."""
    return sum(len(chunk) for chunk in _inflate(data, part, limit))


def _inflate(data: bytes, part: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
    """The inflated bytes of ``part`` in chunks, until its compressed data ends or ``limit`` is passed."""
    if part.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise LoadError(f"the part {part.filename!r} is compressed in a way Office documents never are "
                        f"(zip method {part.compress_type}); not read")
    header = data[part.header_offset:part.header_offset + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size:
        return  # damaged: the reader says so
    signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
    if signature != b"PK\x03\x04":
        return
    start = part.header_offset + _LOCAL_HEADER.size + name_length + extra_length
    pending = memoryview(data)[start:start + part.compress_size]
    if part.compress_type == zipfile.ZIP_STORED:
        yield bytes(pending)
        return
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, as zip stores it
    size = 0
    try:
        while size <= limit:
            chunk = inflater.decompress(pending, _CHUNK)
            pending = inflater.unconsumed_tail
            if not chunk:
                return
            size += len(chunk)
            yield chunk
    except zlib.error:
        return  # damaged: the reader says so


_WORKBOOK_SUFFIXES = (".xls", ".xlsx", ".xlsm", ".ods")
_HTML_START = (b"<!doctype html", b"<html", b"<table", b"<head", b"<body", b"<meta", b"<style")


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old Office file (.doc, .ppt), or an encrypted new one
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


# The part that tells which Office document a zip package is, and the name its file should have.
_PACKAGE_PARTS = (("word/document.xml", ".docx"), ("ppt/presentation.xml", ".pptx"), ("xl/workbook.xml", ".xlsx"))
_OPENDOCUMENT_TYPES = {b"application/vnd.oasis.opendocument.text": ".odt",
                       b"application/vnd.oasis.opendocument.spreadsheet": ".ods"}


def package_suffix(path) -> str | None:
    """The suffix of the Office document the file at ``path`` is, whatever its name says (a .pptx saved as
    "plan.ppt", a Word file named .doc): ".docx", ".pptx", ".xlsx", ".odt", ".ods", or None when it is none of them.
    Reads only the zip's directory (and an OpenDocument's mimetype), never the document. A zip of more parts
    than any document has is not opened: it is named by the parts its directory mentions, and its loader
    refuses it with the count."""
    try:
        with open(path, "rb") as handle:
            if handle.read(4) != b"PK\x03\x04":
                return None
            size = handle.seek(0, io.SEEK_END)
            handle.seek(max(0, size - _END_SEARCH - 56))
            if _refused_directory(handle.read(), "document") is not None:
                handle.seek(0)
                return _suffix_mentioned(handle)
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist()[:MAX_ZIP_MEMBERS])
            for part, suffix in _PACKAGE_PARTS:
                if part in names:
                    return suffix
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 100:
                return _OPENDOCUMENT_TYPES.get(archive.read("mimetype").strip())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, ValueError, EOFError, KeyError,
            RuntimeError, zlib.error):
        return None
    return None


def _suffix_mentioned(handle) -> str | None:
    """The suffix of the first Office package part named anywhere in the open file ``handle``, read in chunks."""
    names = [(part.encode(), suffix) for part, suffix in _PACKAGE_PARTS]
    overlap = max(len(name) for name, _ in names)
    previous = b""
    while chunk := handle.read(_CHUNK):
        window = previous + chunk
        for name, suffix in names:
            if name in window:
                return suffix
        previous = window[-overlap:]
    return None


def office_zip_problem(data: bytes, *, empty: str, old: str, encrypted: str | None, not_this: str) -> str | None:
    """The one-line error of ``data`` that is not a zip package of an Office document, or None: ``empty`` for no
    bytes, ``encrypted`` for a password-protected one (Office wraps those in an old-format file), ``old`` for an old
    binary document, ``not_this`` ("not a .docx document") with what the file seems to be otherwise."""
    if not data:
        return empty
    if data.startswith(OLE_MAGIC):
        return encrypted if encrypted is not None and ENCRYPTED_PACKAGE in data else old
    if not zipfile.is_zipfile(io.BytesIO(data)):
        hint = kind_of_bytes(data)
        return f"{not_this}: {hint}" if hint else f"{not_this} (the file is damaged or is another kind of file)"
    return None


def kind_of_bytes(data: bytes, suffix: str = "") -> str:
    """What a file that is not the kind its name says seems to be, as a hint for its error message ("" if unknown):
    a text or CSV file renamed .docx, a PDF, a web page, a picture. ``suffix`` is the name's extension: a web page
    named as a workbook (as ERP and reporting systems export a table "to Excel") is told to be saved as one."""
    head = data[:4096]
    if head.startswith(b"%PDF"):
        return "it is a PDF; name it .pdf"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "it is a picture, with no text to read"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    workbook = suffix.lower() in _WORKBOOK_SUFFIXES
    if workbook and text.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        return (f"it is an Excel 2003 XML spreadsheet saved with an {suffix.lower()} name: open it in a "
                "spreadsheet program and save it as an Excel workbook (.xlsx)")
    if text.startswith(_HTML_START) or (text.startswith(b"<?xml") and b"<html" in text[:1024]):
        if workbook:
            return (f"it is a web page (HTML) saved with an {suffix.lower()} name, as reporting systems export "
                    "tables: open it in a spreadsheet program and save it as an Excel workbook (.xlsx) or as CSV")
        return "it is a web page (HTML); name it .html to have it read"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "it is plain text; name it .txt, or .csv for a table"
    try:
        sample = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        sample = head[: exc.start].decode("utf-8") if exc.start > len(head) - 4 else ""
    if sample and sum(ch.isprintable() or ch in "\r\n\t" for ch in sample) >= 0.95 * len(sample):
        return "it is plain text; name it .txt, or .csv for a table"
    return ""
