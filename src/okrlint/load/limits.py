"""Input limits: how much of a file any loader reads, and what every loader's result is held to.

The caps are far above real OKR documents (a large organisation's workbook unzips to a few megabytes and
holds tens of thousands of cells) and low enough that a hostile file (a zip bomb, a sheet that claims a
billion cells, a million-line text) is refused in seconds instead of filling the memory or the afternoon.
A file past a cap is an input error that names the cap; the other files are still linted.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from okrlint.model import InputError, OKRSet
from okrlint.text.facts import MAX_ANALYSED_CHARS

MEGABYTE = 1024 * 1024
# A workbook's or Word document's parts (XML, pictures), all together, once unzipped.
MAX_UNZIPPED_BYTES = 200 * MEGABYTE
MAX_ZIP_MEMBERS = 10_000  # parts of one workbook or document; real ones have tens, with pictures hundreds
MAX_SHEET_CELLS = 1_000_000  # rows × columns of one sheet or CSV table, empty cells included
MAX_CELL_CHARS = 100_000  # one cell or shared string of a workbook (a cell holds 32,767 in Excel); longer ones are cut
MAX_TABLE_ROWS = 10_000  # rows of OKR tables in one file (a row per key result at most; a large org has a few thousand)
MAX_DRAFT_LINES = 100_000  # lines (Word: paragraphs) of one Markdown, text, Word or PDF draft
MAX_DRAFT_BYTES = 20 * MEGABYTE  # one Markdown or text draft (a 500-page plan as text is a few MB)
MAX_PDF_PAGES = 500  # a plan runs to tens of pages; a whole book is not an OKR draft
MAX_PDF_CONTENT_BYTES = 10 * MEGABYTE  # the pages' drawing instructions, all together, decompressed (~1 s a MB)
MAX_FILE_BYTES = 200 * MEGABYTE  # one file as stored; checked before it is read into memory
LOAD_TIMEOUT = 60.0  # seconds to read one file; reading a real document takes well under one


class TooLarge(Exception):
    """A file past MAX_FILE_BYTES; its text is the one-line input error."""


def read_capped(path) -> bytes:
    """The bytes of ``path``, unless there are more than MAX_FILE_BYTES (then TooLarge, without reading them all)."""
    with open(path, "rb") as file:
        return check_size(file.read(MAX_FILE_BYTES + 1))


def check_size(data: bytes) -> bytes:
    """``data`` if it is within MAX_FILE_BYTES, else TooLarge (standard input is read to one byte past it)."""
    if len(data) > MAX_FILE_BYTES:
        raise TooLarge(f"the file is larger than {MAX_FILE_BYTES // MEGABYTE} MB; not read "
                       "(OKR documents are far smaller: a data export or a disk image?)")
    return data


def oversized_texts(sets: Iterable[OKRSet]) -> tuple[InputError, ...]:
    """An input error for each title, description, baseline or target longer than the text analysis reads.

    The object is still linted (on its first MAX_ANALYSED_CHARS characters); the error says so, so
    that a pasted document in a title field is seen, not silently half-checked.
    """
    return tuple(_oversized(sets))


def _oversized(sets: Iterable[OKRSet]) -> Iterator[InputError]:
    for okr_set in sets:
        for objective in okr_set.objectives:
            for field in ("title", "description"):
                yield from _check(objective, "objective", field)
            for kr in objective.key_results:
                yield from _check(kr, "key result", "title")
                for field in ("baseline", "target"):  # a number field is read as far as a title is
                    yield from _check(kr, "key result", field, f"{field}_text")


def _check(obj, kind: str, field: str, attribute: str | None = None) -> Iterator[InputError]:
    text = getattr(obj, attribute or field) or ""
    if len(text) > MAX_ANALYSED_CHARS:
        yield InputError(
            f"the {kind} {field} is {len(text):,} characters long; only its first {MAX_ANALYSED_CHARS:,} are analysed",
            obj.location_of(field),
        )
