"""The domain model: what every loader produces and every rule reads.

All classes are frozen attrs classes. Loaders build them once; nothing downstream mutates them.
"""

from __future__ import annotations

import datetime as dt
import enum
import operator
from typing import Any

import attrs

from okrlint.text.nfc import nfc
from okrlint.text.numbered_references import expand_numbered


class Severity(enum.IntEnum):
    """Finding severity; the integer order is used for ``--fail-level``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:  # "error", as written in configs and output
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> "Severity":
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (use error, warning or info)") from None


class Scope(str, enum.Enum):
    """What a rule looks at."""

    KEY_RESULT = "key_result"
    OBJECTIVE = "objective"
    SET = "set"
    ORG = "org"

    def __str__(self) -> str:
        return self.value


LEVELS = ("company", "department", "team")
OBJECTIVE_TYPES = ("committed", "aspirational")


@attrs.frozen
class Location:
    """Where something stands in the original file text (1-based).

    ``path`` is the position inside the document's structure (``objectives[0].key_results[2]``);
    ``sheet`` and ``paragraph`` are set by spreadsheet and Word loaders; ``page`` by the PDF loader, whose
    ``line`` is then the line on that page, and by the PowerPoint loader (the slide, ``line`` its paragraph).
    """

    file: str
    line: int = 1
    column: int = 1
    path: str = ""
    sheet: str | None = None
    paragraph: int | None = None
    page: int | None = None

    def __str__(self) -> str:
        if self.sheet is not None:
            return f"{self.file}:{self.sheet}!{_cell_name(self.line, self.column)}"
        if self.page is not None:  # a PowerPoint deck's pages are its slides
            unit = "slide" if self.file[-5:].lower() == ".pptx" or self.file[-4:].lower() == ".ppt" else "page"
            return f"{self.file}:{unit} {self.page}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"

    @property
    def where(self) -> str:
        """The file, or a workbook's or document's sheet or table in it: what findings are grouped under."""
        return f"{self.file}:{self.sheet}" if self.sheet is not None else self.file

    @property
    def within(self) -> str:
        """The place inside :attr:`where`: ``12:3``, a cell ``C12``, ``slide 4:3``."""
        return str(self)[len(self.where) + 1:]


def _cell_name(row: int, column: int) -> str:
    letters = ""
    while column > 0:
        column, rem = divmod(column - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


@attrs.frozen
class Period:
    """A planning period. ``start``/``end`` are inclusive dates; both None when the text could not be read."""

    text: str
    start: dt.date | None = None
    end: dt.date | None = None
    kind: str = "unknown"  # year, fiscal_year, half, quarter, month, range, date, unknown

    @property
    def is_known(self) -> bool:
        return self.start is not None and self.end is not None

    def contains(self, other: "Period") -> bool:
        if not (self.is_known and other.is_known):
            return True  # nothing to compare: not a mismatch
        return self.start <= other.start and other.end <= self.end


@attrs.frozen
class ExtraField:
    """A key the loader did not recognise; kept so that rules can report it (typos lose no data)."""

    key: str
    value: Any
    location: Location
    suggestion: str | None = None


FORMULA_FIELD = "formula"  # FieldProblem.field of a spreadsheet formula cell with no computed value


@attrs.frozen
class FieldProblem:
    """A recognised field whose value could not be used (wrong type, unreadable number or date)."""

    field: str
    message: str
    location: Location


# Characters that pasted Thai text carries between words and that nobody means to write: zero-width space,
# zero-width (non-)joiner, word joiner, a byte-order mark inside a line.
_INVISIBLE = str.maketrans(dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff"))


def visible_text(text: str) -> str:
    """A title without invisible characters (they would show in messages and split words for no reason), in
    Unicode's composed order: Thai tone marks and vowels typed (or drawn in a PDF) in another order than the
    canonical one look the same but would not match the vocabulary ("ผู้" typed as ผ ้ ู)."""
    if text.isascii():
        return text
    text = text.translate(_INVISIBLE)
    return nfc(text)  # linear on long runs of marks, where unicodedata.normalize is quadratic


def named_owner(owner: str | None) -> str | None:
    """The owner a field names, or None when it names nobody: empty, or a placeholder left for one ('TBD', 'TBC',
    'n/a', '-', '?', 'ยังไม่ระบุ') — a sheet's Owner column filled so that no cell is blank, not an owner."""
    if not owner:
        return None
    text = " ".join(owner.split()).strip(" .:").casefold()
    if not text or not text.strip("-–—_?/.* ") or text in _NO_OWNER:
        return None
    return owner


_NO_OWNER = frozenset({
    "tbd", "tbc", "tba", "n/a", "n.a", "na", "none", "nobody", "unassigned", "unknown",
    "to be decided", "to be confirmed", "to be assigned", "to be determined",
    "ไม่ระบุ", "ยังไม่ระบุ", "รอระบุ", "ยังไม่มี", "ไม่มี", "ยังไม่กำหนด", "รอกำหนด", "รอยืนยัน"})


@attrs.frozen
class KeyResult:
    uid: str  # the id, or a stable generated one: "team/o2/kr3"
    title: str = attrs.field(converter=visible_text)
    location: Location
    id: str | None = None
    baseline: float | None = None
    target: float | None = None
    baseline_text: str | None = None  # as written, when given as a field
    target_text: str | None = None
    unit: str | None = None
    due: dt.date | None = None
    due_text: str | None = None
    owner: str | None = None
    depends_on: tuple[str, ...] = ()
    score: float | None = None
    confidence: float | None = None
    extras: tuple[ExtraField, ...] = ()
    problems: tuple[FieldProblem, ...] = ()
    field_locations: dict[str, Location] = attrs.field(factory=dict, eq=False, hash=False)

    kind = "key_result"

    def location_of(self, field: str) -> Location:
        return self.field_locations.get(field, self.location)

    @property
    def has_uncomputed_formula(self) -> bool:
        """A cell of its row holds a formula with no saved result: its values are unknown (uncomputed-formula)."""
        return any(problem.field == FORMULA_FIELD for problem in self.problems)


@attrs.frozen
class Objective:
    uid: str
    title: str = attrs.field(converter=visible_text)
    location: Location
    id: str | None = None
    description: str | None = None
    owner: str | None = None
    type: str | None = None
    # "เป้าประสงค์ที่ 1 และ 2 ของกรม": one reference per objective it numbers
    aligns_to: tuple[str, ...] = attrs.field(default=(), converter=expand_numbered)
    key_results: tuple[KeyResult, ...] = ()
    extras: tuple[ExtraField, ...] = ()
    problems: tuple[FieldProblem, ...] = ()
    field_locations: dict[str, Location] = attrs.field(factory=dict, eq=False, hash=False)

    kind = "objective"

    def location_of(self, field: str) -> Location:
        return self.field_locations.get(field, self.location)


@attrs.frozen
class OKRSet:
    """One file's OKRs: one team, one period."""

    team: str
    file: str
    location: Location
    objectives: tuple[Objective, ...] = ()
    level: str = "team"
    period: Period | None = None
    owner: str | None = None
    language: str | None = None
    source_format: str = "yaml"
    extras: tuple[ExtraField, ...] = ()
    problems: tuple[FieldProblem, ...] = ()
    field_locations: dict[str, Location] = attrs.field(factory=dict, eq=False, hash=False)

    kind = "set"

    @property
    def uid(self) -> str:
        return self.team

    def location_of(self, field: str) -> Location:
        return self.field_locations.get(field, self.location)

    def key_results(self):
        for objective in self.objectives:
            yield from objective.key_results


@attrs.frozen
class Org:
    """Every set of one run; org-scope rules see this."""

    sets: tuple[OKRSet, ...] = ()
    # False when the run was given single files (pre-commit, an editor) rather than the org's folders:
    # then a team missing from the run may well exist, and only what the run shows can be judged.
    complete: bool = True
    # Folders given whole in a run that is not complete ("okrlint check company/ notes.md"): what lies under
    # one of them was all read, so a company plan there can still be judged for what aligns to it.
    whole_folders: tuple[str, ...] = ()
    # Files of the run that could not be read at all (an input error, no set): a team or a link in one of them is
    # missing from what the rules see, through no fault of the files that name it.
    unread: tuple[str, ...] = ()

    def holds_all_of(self, folder: str) -> bool:
        """Whether every file under ``folder`` (as shown in findings, "" for the working directory) was read."""
        return self.complete or any(not whole or folder == whole or folder.startswith(whole + "/")
                                    for whole in self.whole_folders)

    def objectives(self):
        for okr_set in self.sets:
            for objective in okr_set.objectives:
                yield okr_set, objective


@attrs.frozen
class InputError:
    """A file (or part of one) that could not be read. Reported on stderr; makes the exit code 2."""

    message: str
    location: Location

    def __str__(self) -> str:
        return f"{self.location}: error: {self.message}"


@attrs.frozen
class LoadResult:
    """What a loader returns for one file: the sets it could read, the errors it met, and notes on parts it
    skipped on purpose (a workbook's instructions sheet: reported as warnings; the exit code stays)."""

    sets: tuple[OKRSet, ...] = ()
    errors: tuple[InputError, ...] = ()
    notes: tuple[InputError, ...] = ()


@attrs.frozen(order=True)
class Finding:
    # a deck's page (slide) before its tables' names: "slide 3 table 1" sorts before "slide 12 table 1"
    location: Location = attrs.field(order=lambda loc: (loc.file, loc.page or 0, loc.sheet or "", loc.line, loc.column))
    code: str = attrs.field(order=True)
    name: str = attrs.field(order=False)
    category: str = attrs.field(order=False)
    severity: Severity = attrs.field(order=False)
    message: str = attrs.field(order=True)
    object_id: str = attrs.field(order=False, default="")
    object_kind: str = attrs.field(order=False, default="")
    team: str = attrs.field(order=False, default="")

    def sort_key(self) -> tuple:
        """The same order as comparing findings, computed once per finding (sorting 100k findings)."""
        loc = self.location
        return (loc.file, loc.page or 0, loc.sheet or "", loc.line, loc.column, self.code, self.message)


def pickled_by_fields(cls: type) -> type:
    """Pickle instances as ``cls(*fields)``: half the time of attrs' slot-by-slot state, which matters when
    worker processes send an organisation's models back to the parent (--jobs)."""
    names = tuple(field.name for field in attrs.fields(cls))
    values = operator.attrgetter(*names)
    if len(names) == 1:
        cls.__reduce__ = lambda self: (cls, (values(self),))
    else:
        cls.__reduce__ = lambda self: (cls, values(self))
    return cls


for _model_class in (Location, Period, ExtraField, FieldProblem, KeyResult, Objective, OKRSet, Org, InputError,
                     LoadResult, Finding):
    pickled_by_fields(_model_class)
