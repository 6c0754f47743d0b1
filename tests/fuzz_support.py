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
from html import escape as html_escape

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


def _damaged(draw, data: bytes) -> bytes:
    """``data`` maybe with bytes flipped or cut short (positions drawn independently of the length)."""
    data = bytearray(data)
    for _ in range(draw(st.integers(0, 3))):
        data[draw(st.integers(0, 10**6)) % len(data)] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, 10**6)) % (len(data) + 1)]
    return bytes(data)


def _zip(parts: dict[str, str]) -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), text)
    return buffer.getvalue()


def _xml_text(text: str) -> str:
    from xml.sax.saxutils import escape

    # XML 1.0 cannot hold most control characters: a real file never has them in its text
    return escape("".join(c for c in text if c in "\t\n" or (ord(c) >= 32 and not 0xD800 <= ord(c) <= 0xDFFF
                                                             and c not in "\ufffe\uffff")))


_P_NS = ('xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
         'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


_LEVELS = ["0", "1", "2", "-1", "99999999999", "x"]
_BULLETS = ["", "<a:buNone/>", '<a:buChar char="•"/>', '<a:buAutoNum type="arabicPeriod"/>']


@st.composite
def deck_documents(draw) -> bytes:
    """A PowerPoint deck of random slides (titles, bulleted text at random levels, tables), maybe damaged."""
    slides = []
    for _ in range(draw(st.integers(0, 4))):
        shapes = []
        for _ in range(draw(st.integers(0, 3))):
            kind = draw(st.sampled_from(["title", "ctrTitle", "body", "box", "sldNum", "table"]))
            if kind == "table":
                width = draw(st.integers(1, 4))
                rows = draw(st.lists(st.lists(st.one_of(okr_texts(4), st.sampled_from(["Objective", "Key result",
                                     "วัตถุประสงค์", "ผลลัพธ์หลัก", "Target", "<v>", "<h>"])), min_size=width,
                                     max_size=width), max_size=5))
                cells = "".join(
                    "<a:tr>" + "".join(
                        '<a:tc vMerge="1"/>' if c == "<v>" else '<a:tc hMerge="1"/>' if c == "<h>" else
                        f"<a:tc><a:txBody><a:p><a:r><a:t>{_xml_text(c)}</a:t></a:r></a:p></a:txBody></a:tc>"
                        for c in row) + "</a:tr>" for row in rows)
                shapes.append(f"<p:graphicFrame><a:graphic><a:graphicData><a:tbl>{cells}</a:tbl></a:graphicData>"
                              "</a:graphic></p:graphicFrame>")
                continue
            ph = "" if kind == "box" else f'<p:ph type="{kind}"/>'
            paragraphs = "".join(
                f'<a:p><a:pPr lvl="{draw(st.sampled_from(_LEVELS))}">{draw(st.sampled_from(_BULLETS))}</a:pPr>'
                f'<a:r><a:rPr strike="{draw(st.sampled_from(["noStrike", "sngStrike"]))}"/>'
                f"<a:t>{_xml_text(line)}</a:t></a:r><a:br/></a:p>"
                for line in draw(st.lists(st.one_of(okr_texts(6), st.sampled_from(DRAFT_LINES)), max_size=5)))
            shapes.append(f"<p:sp><p:nvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:txBody>{paragraphs}</p:txBody></p:sp>")
        slides.append("".join(shapes))
    parts = {"ppt/presentation.xml": f"<p:presentation {_P_NS}><p:sldIdLst>"
                                     + "".join(f'<p:sldId r:id="rId{i}"/>' for i in range(len(slides))) + "</p:sldIdLst></p:presentation>",
             "ppt/_rels/presentation.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                                                'relationships">' + "".join(f'<Relationship Id="rId{i}" Target="slides/'
                                                f'slide{i + 1}.xml"/>' for i in range(len(slides))) + "</Relationships>"}
    for i, shapes in enumerate(slides):
        hidden = ' show="0"' if draw(st.integers(0, 5)) == 0 else ""
        parts[f"ppt/slides/slide{i + 1}.xml"] = f"<p:sld {_P_NS}{hidden}><p:cSld><p:spTree>{shapes}</p:spTree></p:cSld></p:sld>"
    return _damaged(draw, _zip(parts)) if draw(st.integers(0, 3)) == 0 else _zip(parts)


_ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')


@st.composite
def odt_documents(draw) -> bytes:
    """An OpenDocument text of random headings, paragraphs, nested lists and tables with spans, maybe damaged."""
    def paragraph() -> str:
        tag = draw(st.sampled_from(["text:p", "text:h"]))
        level = f' text:outline-level="{draw(st.sampled_from(["1", "2", "0", "-3", "x", "999999999999"]))}"' if tag == "text:h" else ""
        text = _xml_text(draw(st.one_of(okr_texts(6), st.sampled_from(DRAFT_LINES))))
        extra = draw(st.sampled_from(["", '<text:s text:c="3"/>', '<text:s text:c="99999999"/>', "<text:tab/>",
                                      "<text:line-break/>", '<text:span text:style-name="T1">struck</text:span>']))
        return f"<{tag}{level}>{text}{extra}</{tag}>"

    def block(depth: int) -> str:
        kind = draw(st.sampled_from(["p", "p", "list", "table"] if depth < 3 else ["p"]))
        if kind == "p":
            return paragraph()
        if kind == "list":
            items = "".join(f"<text:list-item>{block(depth + 1)}</text:list-item>" for _ in range(draw(st.integers(0, 3))))
            return f'<text:list text:style-name="{draw(st.sampled_from(["L1", "L2", "none"]))}">{items}</text:list>'
        rows = []
        for _ in range(draw(st.integers(0, 4))):
            cells = []
            for _ in range(draw(st.integers(1, 4))):
                span = draw(st.sampled_from(["", ' table:number-rows-spanned="2"', ' table:number-columns-repeated="3"',
                                             ' table:number-rows-spanned="999999999"', ' table:number-columns-spanned="x"']))
                cells.append("<table:covered-table-cell/>" if draw(st.integers(0, 4)) == 0 else
                             f"<table:table-cell{span}>{block(depth + 1)}</table:table-cell>")
            repeat = draw(st.sampled_from(["", ' table:number-rows-repeated="5"', ' table:number-rows-repeated="1048000"']))
            rows.append(f"<table:table-row{repeat}>{''.join(cells)}</table:table-row>")
        return f"<table:table>{''.join(rows)}</table:table>"

    body = "".join(block(0) for _ in range(draw(st.integers(0, 8))))
    styles = ('<office:automatic-styles><text:list-style style:name="L1"><text:list-level-style-bullet text:level="1"/>'
              '</text:list-style><text:list-style style:name="L2"><text:list-level-style-number text:level="1"/>'
              '</text:list-style><style:style style:name="T1"><style:text-properties '
              'style:text-line-through-style="solid"/></style:style></office:automatic-styles>')
    data = _zip({"mimetype": "application/vnd.oasis.opendocument.text",
                 "content.xml": f"<office:document-content {_ODF_NS}>{styles}<office:body><office:text>{body}"
                                "</office:text></office:body></office:document-content>"})
    return _damaged(draw, data) if draw(st.integers(0, 3)) == 0 else data


@st.composite
def web_pages(draw) -> bytes:
    """A web page of random headings, paragraphs, nested lists, tables with spans, furniture and broken markup."""
    def block(depth: int) -> str:
        kind = draw(st.sampled_from(["p", "h", "list", "table", "furniture", "broken"] if depth < 3 else ["p", "h"]))
        text = html_escape(draw(st.one_of(okr_texts(6), st.sampled_from(DRAFT_LINES))))
        if kind == "p":
            return f"<p>{text}{draw(st.sampled_from(['', '<br>', '<s>struck</s>', '<del>', '&amp;', '&#x0;']))}</p>"
        if kind == "h":
            return f"<h{draw(st.integers(0, 7))}>{text}</h{draw(st.integers(1, 6))}>"
        if kind == "list":
            items = "".join(f"<li>{block(depth + 1)}" + draw(st.sampled_from(["</li>", ""]))
                            for _ in range(draw(st.integers(0, 3))))
            return f"<{draw(st.sampled_from(['ul', 'ol']))}>{items}</ul>"
        if kind == "table":
            rows = "".join("<tr>" + "".join(
                f"<t{draw(st.sampled_from(['d', 'h']))}{draw(st.sampled_from(['', ' rowspan=2', ' colspan=3', ' rowspan=99999', ' colspan=x']))}>"
                f"{block(depth + 1)}</td>" for _ in range(draw(st.integers(1, 4)))) + "</tr>"
                for _ in range(draw(st.integers(0, 4))))
            return f"<table>{rows}" + draw(st.sampled_from(["</table>", ""]))
        if kind == "furniture":
            return draw(st.sampled_from(["<nav><ul><li>Home<li>Objective: not this</ul></nav>", "<script>var o='KR';",
                                         "<footer>Objective 1: no</footer>", "<div class='related-posts'>x</div>",
                                         "<style>p{}</style>", "<aside hidden>KR1: Raise NPS 20 to 40</aside>"]))
        return draw(st.sampled_from(["<", "</div></div></div>", "<p <b>", "<!--", "<![CDATA[", "<?xml?>", "&"]))

    title = html_escape(draw(st.one_of(okr_texts(4), st.just(""))))
    body = "".join(block(0) for _ in range(draw(st.integers(0, 8))))
    page = f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{body}</body></html>"
    return page.encode(draw(st.sampled_from(["utf-8", "utf-16"])), errors="replace")


# Any file okrlint may be given: (file name, bytes).
inputs = st.one_of(
    st.tuples(st.sampled_from(["fuzz.okr.yaml"]), yaml_documents()),
    st.tuples(st.sampled_from(["fuzz.okr.md", "fuzz.okr.txt"]), markdown_drafts()),
    st.tuples(st.sampled_from(["fuzz.okr.csv", "fuzz.okr.tsv"]), table_documents()),
    st.tuples(st.sampled_from(["fuzz.okr.xlsx"]), workbook_documents()),
    st.tuples(st.sampled_from(["fuzz.okr.pptx"]), deck_documents()),
    st.tuples(st.sampled_from(["fuzz.okr.odt"]), odt_documents()),
    st.tuples(st.sampled_from(["fuzz.okr.html", "fuzz.okr.txt"]), web_pages()),
    st.tuples(st.sampled_from(["fuzz.okr.yaml", "fuzz.okr.md", "fuzz.okr.csv", "fuzz.okr.xlsx", "fuzz.okr.docx",
                               "fuzz.okr.pptx", "fuzz.okr.odt", "fuzz.okr.html"]),
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
