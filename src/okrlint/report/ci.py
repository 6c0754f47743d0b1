"""Formats CI systems read: GitHub Actions annotations, JUnit XML, GitLab Code Quality JSON."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from okrlint.model import Finding, Severity
from okrlint.report import ReportContext, document_position, names_a_file, printable
from okrlint.report.fingerprints import fingerprints

# --- GitHub Actions workflow commands -------------------------------------------------------------

GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escaping of a workflow command's message (what follows ``::``); other control characters (ESC) are written
    as escapes, so a title cannot recolour the log."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escaping of a workflow command property value (``file=...``): also ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github_command(level: str, message: str, file: str | None, line: int, column: int, title: str | None) -> str:
    properties = []
    if names_a_file(file):
        properties += [f"file={escape_property(file)}", f"line={line}", f"col={column}"]
    if title:
        properties.append(f"title={escape_property(title)}")
    head = f"::{level} " + ",".join(properties) if properties else f"::{level}"
    return f"{head}::{escape_data(message)}"


def render_github(context: ReportContext) -> str:
    lines = []
    for error in context.result.errors:
        loc = error.location
        lines.append(_github_command("error", error.message, loc.file, loc.line, loc.column, "okrlint input error"))
    for finding in context.result.findings:
        loc = finding.location
        message = finding.message
        if loc.sheet is not None or loc.paragraph is not None or loc.page is not None:
            message = f"{loc}: {message}"  # the annotation can only point at a line; say where in the document
        line, column = document_position(loc)  # a Word table cell: its paragraph, not the table's row
        lines.append(_github_command(GITHUB_LEVELS[finding.severity], message, loc.file, line, column,
                                     f"{finding.code} {finding.name}"))
    return "".join(line + "\n" for line in lines)


# --- JUnit XML ----------------------------------------------------------------------------------

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """ElementTree escapes markup but writes control characters as they are, which XML forbids; bidi overrides
    (U+202E...) in a file name or title would show it reversed in a CI viewer. Both are written as escapes, as the
    text report does (line breaks and tabs stay: XML carries them)."""
    return _XML_INVALID.sub("\ufffd", printable(text, line_breaks="keep"))


def render_junit(context: ReportContext) -> str:
    """As ruff writes it: a testsuite per OKR set (and per unreadable file); a testcase per finding, each with one
    <failure> (CI viewers show one failure per testcase); a set with no findings has one passing testcase."""
    result = context.result
    findings_by_file: dict[str, list[Finding]] = {}
    for finding in result.findings:
        findings_by_file.setdefault(finding.location.file, []).append(finding)
    suites: list[ET.Element] = []

    def suite(name: str, file: str) -> ET.Element:
        element = ET.Element("testsuite", name=_xml_text(name), file=_xml_text(file))
        suites.append(element)
        return element

    def add_findings(element: ET.Element, findings: list[Finding]) -> None:
        named: dict[str, int] = {}  # testcase names in this suite: some viewers merge testcases of one name
        for finding in findings:
            about = f" ({finding.object_id})" if finding.object_id else ""
            name = f"{finding.code} [{finding.name}]{about}"
            seen = named.get(name, 0)
            named[name] = seen + 1
            if seen:  # a second finding of one rule on one object ("CLA004" on two acronyms): told apart by its count
                name = f"{name} #{seen + 1}"
            case = ET.SubElement(element, "testcase", name=_xml_text(name),
                                 classname=_xml_text(finding.location.file), file=_xml_text(finding.location.file),
                                 line=str(document_position(finding.location)[0]))
            failure = ET.SubElement(case, "failure", message=_xml_text(f"{finding.code} [{finding.name}] {finding.message}"),
                                    type=str(finding.severity))
            failure.text = _xml_text(f"{finding.location}: {finding.code} [{finding.name}] {finding.message}{about}")

    for okr_set in result.org.sets:
        element = suite(f"{okr_set.team} ({okr_set.file})", okr_set.file)
        found = findings_by_file.pop(okr_set.file, [])
        add_findings(element, found)
        if not found:
            ET.SubElement(element, "testcase", name="all checks passed", classname=_xml_text(okr_set.file),
                          file=_xml_text(okr_set.file), line=str(okr_set.location.line))
    for error in result.errors:
        element = suite(error.location.file, error.location.file)
        case = ET.SubElement(element, "testcase", name="read the file", classname=_xml_text(error.location.file),
                             file=_xml_text(error.location.file))
        failure = ET.SubElement(case, "error", message=_xml_text(error.message), type="input-error")
        failure.text = _xml_text(str(error))
    stray = [f for group in findings_by_file.values() for f in group]
    if stray:  # org-level findings, or findings in a file whose set failed to load
        add_findings(suite("organisation", ""), stray)

    totals = {"tests": 0, "failures": 0, "errors": 0}
    for element in suites:
        cases = element.findall("testcase")
        counts = {"tests": len(cases), "failures": sum(1 for c in cases if c.find("failure") is not None),
                  "errors": sum(1 for c in cases if c.find("error") is not None)}
        for key, value in counts.items():
            element.set(key, str(value))
            totals[key] += value
        element.set("skipped", "0")
    root = ET.Element("testsuites", name="okrlint", **{key: str(value) for key, value in totals.items()})
    root.extend(suites)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# --- GitLab Code Quality ------------------------------------------------------------------------

GITLAB_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render_gitlab(context: ReportContext) -> str:
    findings = context.result.findings
    issues = []
    for finding, fingerprint in zip(findings, fingerprints(findings)):
        issues.append({
            "type": "issue",
            "description": f"{finding.code} {finding.message}",
            "check_name": finding.name,
            "categories": ["Style"],
            "fingerprint": fingerprint,
            "severity": GITLAB_SEVERITIES[finding.severity],
            "location": {"path": finding.location.file, "lines": {"begin": document_position(finding.location)[0]}},
        })
    from okrlint.report.graph import json_visible

    return json_visible(json.dumps(issues, ensure_ascii=False, indent=2)) + "\n"
