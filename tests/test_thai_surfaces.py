"""okrlint's own words in a Thai run (``--messages th``, or ``auto`` for OKR sets written in Thai): the Markdown and
HTML reports' headings, tables, labels and sentences, the text report's summary line, the graph's labels, and
``okrlint explain`` / ``okrlint rules`` (each rule's summary and rationale). They come from the message catalogue
(rules/messages/th.yaml: ``words`` and ``rules``). What stays English on purpose: severity words on a finding's line,
rule codes and names, categories (selectors), the configuration's syntax, file paths, ids, quoted examples.
English runs are unchanged."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint.cli import main
from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.report import Words
from okrlint.report.messages import CatalogueError, catalogue, catalogue_from_data

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "src" / "okrlint" / "report" / "templates"
RULES = sorted(Engine(Config()).registry.rules, key=lambda r: r.code)
THAI = re.compile("[\u0e00-\u0e7f]")
_WORD = re.compile(r"[A-Za-z]{2,}")
SEVERITIES = {"error", "warning", "info"}
CATEGORIES = {r.category for r in RULES}
# product names in the rules' rationales, written as their makers write them
PRODUCTS = {"Excel", "LibreOffice", "openpyxl", "pandas"}

COMPANY = """\
team: สำนักงานใหญ่
level: company
period: ปีงบประมาณ 2570
owner: ผู้อำนวยการ
language: th
objectives:
  - id: co-o1
    title: ประชาชนได้รับบริการที่รวดเร็วและเชื่อถือได้
    type: committed
    key_results:
      - id: co-o1-kr1
        title: ลดระยะเวลารอรับบริการเฉลี่ยจาก 40 นาทีเหลือ 15 นาที
        owner: กองบริการประชาชน
      - id: co-o1-kr2
        title: เพิ่มคะแนนความพึงพอใจของผู้รับบริการจาก 3.6 เป็น 4.5 คะแนน
        baseline: 3.6
        target: 4.5
        unit: คะแนน
        score: 0.4
"""

DEPARTMENT = """\
team: กองบริการประชาชน
level: department
period: ปีงบประมาณ 2570
language: th
objectives:
  - id: svc-o1
    title: ผู้รับบริการทำธุระเสร็จในการมาครั้งเดียว
    type: aspirational
    aligns_to: [co-o1, co-o9]
    key_results:
      - id: svc-o1-kr1
        title: เพิ่มสัดส่วนคำขอที่เสร็จในวันเดียวจาก 55% เป็น 80%
        due: 2027-06-30
        depends_on: [co-o1-kr1]
      - id: svc-o1-kr2
        title: จัดอบรมเจ้าหน้าที่ 4 ครั้ง
      - id: svc-o1-kr3
        title: ลดเวลารอสายของศูนย์บริการเหลือ xx นาที
"""


@pytest.fixture(scope="module")
def org(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("thai-org")
    (folder / "company.okr.yaml").write_text(COMPANY, encoding="utf-8")
    (folder / "service.okr.yaml").write_text(DEPARTMENT, encoding="utf-8")
    (folder / "broken.okr.yaml").write_text("team: คลัง\nobjectives:\n  - title: ลดเวลา\n   owner: ก\n", encoding="utf-8")
    return folder


def _data_words(folder: Path) -> list[str]:
    """The plans' own words and okrlint's identifiers: ids, team names, file names, rule names."""
    words = [str(folder), folder.name, "company.okr.yaml", "service.okr.yaml", "broken.okr.yaml"]
    words += re.findall(r"\b(?:co|svc)-o\d(?:-kr\d)?\b", COMPANY + DEPARTMENT) + ["co-o9", "xx"]
    words += [r.name for r in RULES]
    return words


def english_left(text: str, data=(), allowed=()) -> list[str]:
    """The English words of ``text`` once the plans' own words (``data``), code spans, quoted examples, paths,
    acronyms and codes, severities and ``allowed`` are set aside."""
    for item in sorted(set(data), key=len, reverse=True):
        if item:
            text = text.replace(item, " ")
    text = re.sub(r"`[^`]*`", " ", text)  # YAML keys, options, commands
    text = re.sub(r"'[^']*'", " ", text)  # quoted examples
    text = re.sub(r"\S*[/\\]\S*|\S+\.(?:ya?ml|toml|md)\b", " ", text)  # paths
    keep = SEVERITIES | {"okrlint"} | set(allowed)
    return [w for w in _WORD.findall(text) if w not in keep and not w.isupper()]


def run(*args) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1, 2), result.output
    return result.stdout


# --- the catalogue --------------------------------------------------------------------------------------

def _template_words() -> set[str]:
    """Every text the shipped templates pass to t(...), t.n(...) (its plural) and the words they look up by value."""
    found = set()
    for name in ("report.md.j2", "report.html.j2", "rules.md.j2"):
        source = (TEMPLATES / name).read_text(encoding="utf-8")
        found |= {text for _, text in re.findall(r"""\bt\((['"])(.+?)\1""", source)}
        found |= {plural for _, _, plural in re.findall(r"""\bt\.n\((['"]).+?\1,\s*(['"])(.+?)\2""", source)}
    found.discard("scope ")  # "scope " ~ the rule's scope: below
    from okrlint.model import Scope
    from okrlint.report.scores import grade
    from okrlint.tags import LIFECYCLE_STAGES

    found |= {grade(100), grade(70), grade(0), *LIFECYCLE_STAGES, *CATEGORIES, *SEVERITIES, "(org)"}
    found |= {"company", "department", "team", "committed", "aspirational"}  # levels and objective types
    found |= {"customer", "internal", "activity", "outcome", "measurable"}  # tags
    found |= {"{count} errors", "{count} warnings", "{count} info"}  # the charts' counts, by severity
    found |= {f"scope {scope}" for scope in Scope}
    found |= {"not found", "ambiguous", "no such team", "in a file that could not be read"}  # graph.py
    return found


def test_every_word_of_the_templates_has_a_thai_entry():
    thai = catalogue("th")
    words = _template_words()
    assert len(words) > 80
    missing = sorted(w for w in words if thai.word(w) is None)
    assert not missing, f"add these to `words:` in rules/messages/th.yaml: {missing}"
    for word in words:
        assert THAI.search(thai.word(word)), word


def test_every_built_in_rule_has_its_summary_rationale_and_notes_in_thai():
    thai = catalogue("th")
    missing = []
    for rule in RULES:
        notes = [e.note for e in rule.examples if e.note and re.search("[A-Za-z]{2,}", e.note)]
        for text in (rule.summary, rule.rationale, *notes):
            if text and thai.rule_text(text) is None:
                missing.append(f"{rule.code} {rule.name}: {text[:60]}…")
    assert not missing, ("translate these (their English changed, or they are new) under `rules:` in "
                         f"rules/messages/th.yaml: {missing}")


def test_the_words_keep_their_placeholders():
    data = {"language": "th", "messages": [], "words": [{"en": "{count} files", "th": "{count} ไฟล์ {team}"}]}
    with pytest.raises(CatalogueError, match="team"):
        catalogue_from_data(data)
    twice = {"language": "th", "messages": [], "rules": [{"en": "A.", "th": "ก."}, {"en": "A.", "th": "ข."}]}
    with pytest.raises(CatalogueError, match="twice"):
        catalogue_from_data(twice)


def test_english_words_are_written_as_given_without_the_catalogue():
    t = Words("en")
    assert not t.translated
    assert t("Teams") == "Teams" and t("{count} objectives", count=1) == "1 objectives"
    assert t.n("{count} file", "{count} files", 1) == "1 file" and t.n("{count} file", "{count} files", 2) == "2 files"
    assert t.rule(RULES[0].summary) == RULES[0].summary
    thai = Words("th")
    assert thai("Teams") == "รายทีม" and thai.n("{count} file", "{count} files", 1) == "1 ไฟล์"
    assert thai("a text with no entry") == "a text with no entry"


# --- the reports ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("messages", ["th", "auto"])
def test_the_markdown_report_in_thai_has_no_english_left(org, messages):
    text = run("check", str(org), "--no-cache", "--format", "markdown", "--messages", messages)
    assert text.startswith("## รายงานผลการตรวจ OKR")
    assert "| ทีม | ระดับ | รอบเวลา | คะแนน |" in text
    assert "### ข้อผิดพลาดในข้อมูลนำเข้า" in text
    assert "| สำนักงานใหญ่ | องค์กร |" in text
    assert english_left(re.sub(r"</?sub>", " ", text), _data_words(org)) == []
    assert "| ข้อผิดพลาด |" in text or "| คำเตือน |" in text  # a finding's severity in the report's language


def test_the_html_report_in_thai_has_no_english_left(org):
    page = run("check", str(org), "--no-cache", "--format", "html", "--messages", "th")
    assert '<html lang="th">' in page
    body = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    shown = re.sub(r"<[^>]+>", " ", body)  # text nodes
    shown += " ".join(re.findall(r'(?:title|aria-label)="([^"]*)"', body))  # what a reader sees on hovering
    import html

    assert english_left(html.unescape(shown), _data_words(org)) == []
    for heading in ("รายงานคุณภาพ OKR", "ข้อค้นพบ", "ความสอดคล้อง", "ข้อมูลนำเข้าที่อ่านไม่ได้", "วัตถุประสงค์และผลลัพธ์หลัก"):
        assert heading in page
    assert "ค่าฐาน 3.6 · ค่าเป้าหมาย 4.5 คะแนน · คะแนนประเมิน 0.4" in page and "ผู้รับผิดชอบ กองบริการประชาชน" in page
    assert "ไม่พบ: co-o9" in page  # the alignment tree's missing node


def test_the_text_summary_line_is_thai(org):
    lines = run("check", str(org), "--no-cache", "--messages", "th").splitlines()
    assert lines[-1].startswith("ข้อค้นพบ 3 ข้อ (ข้อผิดพลาด 2, คำเตือน 1, ข้อแนะนำ 0) ใน 3 ไฟล์")  # the reports' word
    assert english_left(lines[-1]) == []
    finding = next(line for line in lines if ": warning: " in line or ": error: " in line)
    assert re.search(r": (error|warning): [A-Z]{3}\d{3} \[[a-z-]+\] ", finding)  # CI parsers read these


def test_a_mixed_run_keeps_english_report_words(org):
    text = run("check", str(org), str(ROOT / "examples" / "acme"), "--no-cache", "--format", "markdown")
    assert text.startswith("## OKR lint report")


# --- English is unchanged -------------------------------------------------------------------------------

def test_english_reports_keep_their_words(org):
    acme = str(ROOT / "examples" / "acme")
    for args in ((acme,), (str(org), "--messages", "en")):
        text = run("check", *args, "--no-cache", "--format", "markdown")
        assert text.startswith("## OKR lint report\n\n**Org health: ")
        assert re.search(r"\) · \d+ files · \d+ objectives · \d+ key results · \d+ errors · \d+ warnings · \d+ info\n",
                         text)
        assert ("| Team | Level | Period | Score | Objectives | Key results | Errors | Warnings | Info | "
                "Lifecycle stages |") in text
        assert "| Location | Severity | Rule | Object | Message |" in text
        assert re.search(r"<sub>okrlint \S+ · score = 100 − 15 per error, 6 per warning, 1 per info "
                         r"\(see docs/reports.md\)</sub>\n$", text)
        page = run("check", *args, "--no-cache", "--format", "html")
        assert '<html lang="en">' in page and "<h1>OKR health report</h1>" in page
        assert '<div class="ring-caption">Org health</div>' in page
        assert "<th>Team</th><th>Level</th><th>Period</th><th>Score</th>" in page
        assert re.search(r"Good ≥ 85, fair ≥ 60\. Generated by okrlint \S+\.\n</footer>", page)
    english = run("check", str(org), "--no-cache", "--format", "markdown", "--messages", "en")
    assert "| สำนักงานใหญ่ | company |" in english and "### Input errors" in english


def test_english_explain_and_rules_keep_their_words():
    text = run("explain", "kr-count")
    assert text.splitlines()[2] == "Category: clarity   Default severity: warning   Scope: objective"
    assert "\nBad (the rule fires):\n" in text and "\nTo silence it:\n" in text
    assert '  re-grade it      [severity] kr-count = "info"\n' in text
    assert "  configure it     [rules.kr-count] min = ...\n" in text
    kr_count = next(r for r in RULES if r.name == "kr-count")
    assert f"\n{kr_count.summary}\n\n{kr_count.rationale}\n" in text
    rule = next(r for r in RULES if r.code == "MEA001")
    listing = run("rules")
    assert f"MEA001  {rule.name}" in listing and rule.summary in listing
    assert json.loads(run("rules", "--format", "json"))[0]["summary"] == RULES[0].summary


# --- the graph ------------------------------------------------------------------------------------------

def test_the_graph_labels_are_thai(org):
    mermaid = run("graph", str(org), "--no-cache", "--messages", "th")
    assert 'subgraph t0["สำนักงานใหญ่ (องค์กร)"]' in mermaid
    assert "(หน่วยงาน)" in mermaid and '"ไม่พบ: co-o9"' in mermaid
    labels = " ".join(re.findall(r'"([^"]*)"', mermaid))
    assert english_left(labels, _data_words(org)) == []
    dot = run("graph", str(org), "--no-cache", "--messages", "th", "--format", "dot")
    assert 'label="สำนักงานใหญ่ (องค์กร)";' in dot and "ไม่พบ: co-o9" in dot
    assert english_left(" ".join(re.findall(r'label="([^"]*)"', dot)), _data_words(org)) == []
    data = json.loads(run("graph", str(org), "--no-cache", "--messages", "th", "--format", "json"))
    assert {t["level"] for t in data["teams"]} == {"company", "department"}  # the data's values stay
    assert any(n["title"] == "ไม่พบ: co-o9" for n in data["nodes"])
    # auto: the plans are Thai
    assert "(องค์กร)" in run("graph", str(org), "--no-cache")


def test_the_graph_in_english_is_unchanged(org):
    mermaid = run("graph", str(org), "--no-cache", "--messages", "en")
    assert 'subgraph t0["สำนักงานใหญ่ (company)"]' in mermaid and '"not found: co-o9"' in mermaid
    acme = run("graph", str(ROOT / "examples" / "acme"), "--no-cache")
    assert "(company)" in acme and not THAI.search(acme)


# --- explain and rules ----------------------------------------------------------------------------------

def _explanation_prose(text: str) -> str:
    """An explanation without its examples (shown as written, in their own language)."""
    return "\n".join(line for line in text.splitlines()
                     if not line.startswith(("  [en]", "  [th]", "    ")))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_explain_in_thai(rule):
    text = run("explain", rule.code, "--messages", "th")
    assert f"\n{catalogue('th').rule_text(rule.summary)}\n" in text
    if rule.rationale and rule.rationale != rule.summary:
        assert f"\n{catalogue('th').rule_text(rule.rationale)}\n" in text
    config_words = {"disable", "ignore", "severity", "rules", "true", "false", *CATEGORIES, *PRODUCTS}
    assert english_left(_explanation_prose(text), [*(r.name for r in RULES), *rule.options], config_words) == []
    assert text.startswith(f"{rule.code} [{rule.name}]\n\nหมวด: ")
    assert run("explain", rule.name, "--lang", "th") == text


def test_the_rules_listing_in_thai():
    listing = run("rules", "--messages", "th")
    names = [r.name for r in RULES]
    assert english_left(listing, names, CATEGORIES) == []
    for row in json.loads(run("rules", "--format", "json", "--messages", "th")):
        assert THAI.search(row["summary"]), row["code"]
        assert row["category"] in CATEGORIES and row["severity"] in SEVERITIES  # identifiers stay


def test_a_configuration_in_thai_explains_in_thai(tmp_path, monkeypatch):
    (tmp_path / "okrlint.toml").write_text('messages = "th"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "\nหมวด: " in run("explain", "kr-count")
    assert "\nCategory: " in run("explain", "kr-count", "--messages", "en")


def _reference_prose(text: str) -> str:
    """The rule reference without its examples (YAML blocks, and one-line examples up to their note)."""
    text = re.sub(r"```yaml\n.*?```", " ", text, flags=re.S)
    lines = []
    for line in text.splitlines():
        if line.startswith("- `"):  # - `en` Improve onboarding — _a note_
            line = line.split(" — _", 1)[1] if " — _" in line else ""
        lines.append(line)
    return "\n".join(lines)


def test_the_rule_reference_in_thai():
    reference = run("rules", "--format", "markdown", "--messages", "th")
    assert reference.startswith("# คู่มือกฎของ okrlint\n")
    names = [r.name for r in RULES]
    options = {key for r in RULES for key in r.options}
    assert english_left(_reference_prose(reference), [*names, *options], {*CATEGORIES, *PRODUCTS}) == []
    assert "**กฎนี้ตรวจอะไร** " in reference and "**เหตุผล** " in reference


def test_the_english_rule_reference_is_unchanged():
    reference = run("rules", "--format", "markdown")
    assert reference.startswith("# Rule reference\n\nGenerated by `okrlint rules --format markdown`. Every rule has a "
                                "stable code (family prefix + digits), a\nkebab-case name,")
    assert "| Code | Name | Category | Severity | Scope | What it flags |" in reference
    assert "\n`MEA001` · measurability · default severity **error** · scope `key_result`\n\n**What it does.** " in reference
    assert "**Options** (`[rules.kr-count]` in the configuration): `min` = `2`, `max` = `5`." in reference
    assert "**Bad — the rule fires:**" in reference and "**Good — the rule stays quiet:**" in reference
    assert "กฎนี้" not in reference and "หมวด" not in reference  # none of the Thai reference's words

