"""Hypothesis strategies and checks shared by tests/test_fuzz.py and the long run in benchmarks/fuzz.py.

Inputs are built from the OKR schema (SPEC §1) with random types in every field, from the words
and numbers OKRs are written with in Thai and English, from Markdown draft lines, and from raw bytes.
The checks say what must hold for any input: no exception escapes, every position lies inside the
file, and the JSON report is valid.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json

import yaml
from hypothesis import strategies as st

from okrlint import __version__
from okrlint.config import Config
from okrlint.engine import Engine, RunResult
from okrlint.load.decode import decode_text
from okrlint.load import LoadError
from okrlint.report import ReportContext
from okrlint.report.builtin import render_json

# --- words and numbers --------------------------------------------------------------------------------

THAI_WORDS = [
    "เพิ่ม", "ลด", "ลูกค้า", "ยอดขาย", "จาก", "เป็น", "ให้", "ได้", "อย่างน้อย", "ไม่เกิน", "ภายใน", "ไตรมาส",
    "ปรับปรุง", "ให้ดีขึ้น", "จัดอบรม", "เข้าร่วม", "ดำเนินการ", "ความพึงพอใจ", "ร้อยละ", "ราย", "ครั้ง", "วัน",
    "ชั่วโมง", "บาท", "ล้าน", "พัน", "หนึ่ง", "สิบ", "ร้อย", "คน", "ระบบ", "คลินิก", "ผู้ใช้", "สมัคร", "ต่อเดือน",
]
ENGLISH_WORDS = [
    "increase", "reduce", "grow", "from", "to", "by", "at least", "no more than", "within", "customers", "revenue",
    "signups", "churn", "NPS", "CSAT", "launch", "hold", "attend", "hire", "improve", "better", "optimise", "the",
    "weekly", "active", "users", "per", "month", "days", "hours", "%", "x", "times", "top", "out of", "score",
]
NUMBER_FORMS = [
    "0", "1", "7", "40", "400", "1,200", "3.5", "35%", "-5", "+12", "1.2M", "2k", "๔๐๐", "๑๒", "1/3", "4.5 จาก 5",
    "10x", "1e9", "99.999%", "1,000,000,000,000", "0.0001", "12:30", "3-5", "50–60", "NaN", "∞",
]
PERIOD_FORMS = [
    "2026", "2026-Q1", "2026-H1", "2026-03", "FY2570", "ปีงบประมาณ 2570", "2026-01-01..2026-03-31", "2018 Q2", "Q2 2018",
    "FY22-Q1", "FY26", "H1 2026", "ไตรมาส 1/2569", "2020 Set 1", "end of 2025", "Q5 2026", "2026-13", "FY0", "9999-Q4",
    "2026-02-30", "..", "Q", "",
]
PLACEHOLDERS = ["X", "Y", "N", "TBD", "TBC", "???", "…", "xx%", "[target]", "(ระบุ)", "___"]
NOISE = ["**", "__", "`", "#", "> ", "|", "\t", "\u200b", "\ufeff", "\u0e4d\u0e4d", "\u202e", "\\", "'", '"', ":", "- "]

text_pieces = st.one_of(
    st.sampled_from(THAI_WORDS), st.sampled_from(ENGLISH_WORDS), st.sampled_from(NUMBER_FORMS),
    st.sampled_from(PERIOD_FORMS), st.sampled_from(PLACEHOLDERS), st.sampled_from(NOISE),
    st.integers(-10**15, 10**15).map(str), st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.text(max_size=12),
)


@st.composite
def okr_texts(draw, max_pieces: int = 14) -> str:
    """A title-like text mixing Thai and English words, numbers, periods and placeholders."""
    pieces = draw(st.lists(text_pieces, max_size=max_pieces))
    separators = draw(st.lists(st.sampled_from([" ", "", " ", ", ", "\n"]), min_size=len(pieces), max_size=len(pieces)))
    return "".join(p + s for p, s in zip(pieces, separators)).strip()


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True, allow_infinity=True),
    okr_texts(), st.dates(min_value=dt.date(1, 1, 1)), st.sampled_from(PERIOD_FORMS), st.sampled_from(NUMBER_FORMS),
)
any_value = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                          st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                         max_leaves=12)


def _field(right: st.SearchStrategy) -> st.SearchStrategy:
    """Usually the right kind of value, sometimes anything at all."""
    return st.one_of(right, right, right, any_value)


references = st.lists(st.sampled_from(["company/co-o1", "co-o1", "sales/s-o1-kr1", "missing/x", "a/b/c", ""]), max_size=3)
numbers = st.one_of(st.integers(-10**9, 10**9), st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(NUMBER_FORMS))

key_result_fields = {
    "id": _field(st.text(min_size=1, max_size=10)), "title": _field(okr_texts()), "baseline": _field(numbers),
    "target": _field(numbers), "unit": _field(st.sampled_from(["%", "signups", "บาท", "days", ""])),
    "due": _field(st.one_of(st.dates(), st.sampled_from(["2569-03-31", "2026-02-30", "soon", "31/03/2026"]))),
    "owner": _field(okr_texts(3)), "depends_on": _field(references), "score": _field(numbers),
    "confidence": _field(numbers),
}


@st.composite
def key_results(draw):
    if draw(st.integers(0, 4)) == 0:
        return draw(_field(okr_texts()))  # a key result may be a plain string
    keys = draw(st.sets(st.sampled_from(sorted(key_result_fields)), max_size=len(key_result_fields)))
    return {key: draw(key_result_fields[key]) for key in sorted(keys)}


@st.composite
def objectives(draw):
    if draw(st.integers(0, 6)) == 0:
        return draw(_field(okr_texts()))
    fields = {
        "id": _field(st.text(min_size=1, max_size=10)), "title": _field(okr_texts()), "description": _field(okr_texts()),
        "owner": _field(okr_texts(3)), "type": _field(st.sampled_from(["committed", "aspirational", "other"])),
        "aligns_to": _field(references), "key_results": _field(st.lists(key_results(), max_size=6)),
    }
    keys = draw(st.sets(st.sampled_from(sorted(fields)), max_size=len(fields)))
    return {key: draw(fields[key]) for key in sorted(keys)}


@st.composite
def okr_sets(draw):
    fields = {
        "team": _field(st.sampled_from(["company", "sales", "marketing", "ทีมขาย", "a/b", ""])),
        "level": _field(st.sampled_from(["company", "department", "team", "other"])),
        "period": _field(st.sampled_from(PERIOD_FORMS)), "owner": _field(okr_texts(3)),
        "language": _field(st.sampled_from(["th", "en", "fr"])),
        "objectives": _field(st.lists(objectives(), max_size=5)),
    }
    keys = draw(st.sets(st.sampled_from(sorted(fields)), max_size=len(fields)))
    document = {key: draw(fields[key]) for key in sorted(keys)}
    if draw(st.integers(0, 8)) == 0:
        document[draw(st.text(max_size=10))] = draw(any_value)  # an unknown key
    return document


YAML_NOISE = ["\t", "&a ", "*a", "[", "]", "{", "}", ": ", "- ", "? ", "!!python/object/apply:os.system ['true'] ",
              "!tag ", "---\n", "...\n", "'", '"', "#", "|\n", ">\n", "%YAML 1.1\n", "<<: *a\n", "\x00", "\r"]


@st.composite
def yaml_documents(draw) -> bytes:
    """A YAML OKR set (random types at every field), then maybe damaged, then maybe re-encoded."""
    text = yaml.safe_dump(draw(okr_sets()), allow_unicode=True, sort_keys=False, width=draw(st.integers(20, 200)))
    for _ in range(draw(st.integers(0, 3))):
        position = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:position] + draw(st.sampled_from(YAML_NOISE)) + text[position:]
        else:
            text = text[:position] + text[position + draw(st.integers(1, 20)):]
    return draw(encodings(text))


DRAFT_LINES = [
    "Objective: {t}", "วัตถุประสงค์: {t}", "Objective 1: {t}", "OKR 1: {t}", "# {t}", "## Objective: {t}",
    "Key results:", "Keu Results:", "ผลลัพธ์ที่สำคัญ:", "ผลลัพธ์หลัก (Key Results):", "KR:", "1. {t}", "2) {t}",
    "- {t}", "* {t}", "• {t}", "a. {t}", "    - {t}", "KR1: {t}", "{t}", "", "---", "team: {t}", "period: {t}",
    "**Objective:** {t}", "> {t}", "| {t} | {t} |", "\t- {t}",
]


@st.composite
def markdown_drafts(draw) -> bytes:
    lines = []
    if draw(st.integers(0, 5)) == 0:  # front matter
        lines += ["---", yaml.safe_dump(draw(okr_sets()), allow_unicode=True).strip(), "---"]
    for _ in range(draw(st.integers(0, 25))):
        line = draw(st.sampled_from(DRAFT_LINES))
        lines.append(line.replace("{t}", draw(okr_texts(8))))
    return draw(encodings("\n".join(lines) + draw(st.sampled_from(["", "\n", "\r\n"]))))


@st.composite
def encodings(draw, text: str) -> bytes:
    choice = draw(st.integers(0, 9))
    if choice == 0:
        return codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass")
    if choice == 1:
        return text.encode("utf-16", "surrogatepass")
    if choice == 2:
        return text.encode("cp874", "replace")
    return text.encode("utf-8", "surrogatepass")


@st.composite
def table_documents(draw) -> bytes:
    headers = draw(st.lists(st.sampled_from(["Objective", "Key result", "วัตถุประสงค์", "ผลลัพธ์หลัก", "Baseline", "Target",
                                             "Owner", "Due", "Team", "Period", "Score", "", "x", "OKR", "Type",
                                             "Description", "No.", "Start", "ค่าเป้าหมาย"]), min_size=1, max_size=7))
    # cells: text, row markers of one-column layouts (O1 / KR1.1 / Objective), years of multi-year plans
    cell = st.one_of(okr_texts(5), st.sampled_from(["O1", "KR1.1", "1", "1.2", "Objective", "Key result",
                                                   "วัตถุประสงค์", "2569", "พ.ศ. 2570", "FY2026", "38%", "-"]))
    rows = draw(st.lists(st.lists(cell, min_size=len(headers), max_size=len(headers)), max_size=8))
    buffer = io.StringIO()
    import csv

    csv.writer(buffer).writerows([headers] + rows)
    return draw(encodings(buffer.getvalue()))


@st.composite
def workbook_documents(draw) -> bytes:
    """A real XLSX built from random rows, maybe cut or with bytes flipped."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Objective", "Key result", "Baseline", "Target"])
    for row in draw(st.lists(st.lists(st.one_of(okr_texts(5), st.integers(), st.floats(allow_nan=False)), max_size=4),
                             max_size=5)):
        try:
            sheet.append(row)
        except Exception:  # noqa: BLE001 - openpyxl refuses some control characters; that row is left out
            continue
    buffer = io.BytesIO()
    book.save(buffer)
    data = bytearray(buffer.getvalue())
    # Positions are drawn independently of the length: the saved file holds the time of saving, and
    # hypothesis needs the same draws for the same example.
    for _ in range(draw(st.integers(0, 3))):
        data[draw(st.integers(0, 10**6)) % len(data)] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, 10**6)) % (len(data) + 1)]
    return bytes(data)


# Any file okrlint may be given: (file name, bytes).
inputs = st.one_of(
    st.tuples(st.sampled_from(["fuzz.okr.yaml"]), yaml_documents()),
    st.tuples(st.sampled_from(["fuzz.okr.md", "fuzz.okr.txt"]), markdown_drafts()),
    st.tuples(st.sampled_from(["fuzz.okr.csv", "fuzz.okr.tsv"]), table_documents()),
    st.tuples(st.sampled_from(["fuzz.okr.xlsx"]), workbook_documents()),
    st.tuples(st.sampled_from(["fuzz.okr.yaml", "fuzz.okr.md", "fuzz.okr.csv", "fuzz.okr.xlsx", "fuzz.okr.docx"]),
              st.binary(max_size=2000)),
)

# --- checks -------------------------------------------------------------------------------------------

TEXT_SUFFIXES = (".yaml", ".yml", ".md", ".txt", ".csv", ".tsv")


class Checker:
    """Lints one input with a shared engine and asserts what must hold for any input."""

    def __init__(self):
        self.engine = Engine(Config())

    def check(self, name: str, data: bytes) -> RunResult:
        engine = self.engine
        source = engine.source_from_bytes(name, data)
        result = engine.run(sources=[source], jobs=1)
        self._assert_positions(name, data, result)
        for error in result.errors:
            assert " loader failed: " not in error.message, error  # an exception escaped the loader
            assert "\n" not in str(error), error  # one line each
        internal = [f for f in result.findings if f.name == "internal-error"]
        assert not internal, internal[0].message
        report = json.loads(render_json(ReportContext(result=result, version=__version__)))
        assert set(report) >= {"okrlint_version", "findings", "objects", "summary"}
        assert report["summary"]["files"] == 1
        return result

    def _assert_positions(self, name: str, data: bytes, result: RunResult) -> None:
        last_line = _line_count(data) + 1 if name.endswith(TEXT_SUFFIXES) else None
        locations = [e.location for e in result.errors] + [f.location for f in result.findings]
        locations += [o.location for s in result.org.sets for o in s.objectives]
        locations += [k.location for s in result.org.sets for o in s.objectives for k in o.key_results]
        for location in locations:
            assert location.file == name, location
            assert location.line >= 1 and location.column >= 1, location
            if last_line is not None and location.sheet is None:
                assert location.line <= last_line, (location, last_line)


def _line_count(data: bytes) -> int:
    try:
        text = decode_text(data)
    except LoadError:
        text = data.decode("utf-8", "replace")
    # str.splitlines breaks at every character YAML, Markdown or CSV readers treat as a line end.
    return len(text.splitlines())
