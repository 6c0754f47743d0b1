"""The default ``text`` report, written in Python: it is what pre-commit and editors print on every run, and
importing Jinja for it would cost more than linting a small file.

``templates/text.j2`` renders the same output and is the form organisations override: a ``text.j2`` in the
configured ``template-dir`` is rendered with Jinja instead of this (tests keep the two identical).
"""

from __future__ import annotations

from pathlib import Path

import attrs

from okrlint.report import ReportContext, printable

COLORS = {"error": "31", "warning": "33", "info": "36", "bold": "1", "dim": "2", "code": "1;31"}


class Painted(str):
    """Text with the colour codes okrlint put around it (templates leave its ESC characters alone)."""


def painter(color: bool):
    def paint(text, style) -> str:
        if not color:
            return str(text)
        return Painted(f"\x1b[{COLORS.get(str(style), '0')}m{printable(str(text))}\x1b[0m")

    return paint


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def render_text(context: ReportContext) -> str:
    if context.template_dir and (Path(context.template_dir) / "text.j2").is_file():
        from okrlint.report.templating import render_named

        return render_named("text.j2", context)
    return "".join(text_lines(context))


def text_lines(context: ReportContext):
    from okrlint.report.builtin import summary_counts

    paint = painter(context.color)
    result = context.result
    for f in result.findings:
        severity = str(f.severity)
        yield (f"{paint(printable(str(f.location)), 'bold')}: {paint(severity, severity)}: {paint(f.code, severity)} "
               f"[{f.name}] {printable(f.message)}\n")
    summary = summary_counts(result)
    count = len(result.findings)
    counts = input_error_counts(result)
    if context.language == "th":
        yield from _thai_summary(paint, summary, count, counts)
        return
    files = plural(summary["files"], "file")
    if count:
        head = paint(f"Found {plural(count, 'finding')}", "bold")
        unread = f" {_input_errors(counts)}." if result.errors else ""
        yield (f"{head} ({plural(summary['errors'], 'error')}, {plural(summary['warnings'], 'warning')}, "
               f"{summary['infos']} info) in {files}: {plural(summary['objectives'], 'objective')}, "
               f"{plural(summary['key_results'], 'key result')}.{unread}\n")
    elif result.errors:
        yield paint(f"No findings, but {_input_errors(counts)}.", "bold") + "\n"
    else:
        yield (f"{paint('All checks passed!', 'bold')} {files}, {plural(summary['objectives'], 'objective')}, "
               f"{plural(summary['key_results'], 'key result')}.\n")


@attrs.frozen
class InputErrorCounts:
    """The run's input errors as the summary line tells them: files that gave no set at all (could not be read),
    and errors in files that were still read as far as they go (a duplicate key, a mapping for a list)."""

    unread: int = 0
    partial_errors: int = 0
    partial_files: int = 0
    plugins: int = 0  # plugins the configuration names that failed (no file of the run is at fault)


def input_error_counts(result) -> InputErrorCounts:
    from okrlint.plugins import PluginError

    read = {okr_set.file for okr_set in result.org.sets}
    unread, partial, plugins = set(), [], set()
    for error in result.errors:
        if isinstance(error, PluginError):
            plugins.add(error.plugin)
        elif error.location.file in read:
            partial.append(error.location.file)
        else:
            unread.add(error.location.file)
    return InputErrorCounts(len(unread), len(partial), len(set(partial)), len(plugins))


def _input_errors(counts: InputErrorCounts) -> str:
    """"1 file could not be read", "3 input errors in 1 file", "1 plugin failed", or several joined by "and"
    ("… and 2 input errors in 1 other file")."""
    parts = []
    if counts.unread:
        parts.append(f"{plural(counts.unread, 'file')} could not be read")
    if counts.partial_errors:
        other = " other" if counts.unread else ""
        parts.append(f"{plural(counts.partial_errors, 'input error')} in {counts.partial_files}{other} "
                     f"file{'s' if counts.partial_files != 1 else ''}")
    if counts.plugins:
        parts.append(f"{plural(counts.plugins, 'plugin')} failed")
    return " and ".join(parts) + " (see the errors above)"


def _thai_input_errors(counts: InputErrorCounts) -> str:
    """"มี 1 ไฟล์ที่อ่านไม่ได้", "มีข้อผิดพลาดในข้อมูลนำเข้า 3 ข้อ ใน 1 ไฟล์", "มีปลั๊กอิน 1 ตัวที่ทำงานไม่สำเร็จ", or several."""
    parts = []
    if counts.unread:
        parts.append(f"มี {counts.unread} ไฟล์ที่อ่านไม่ได้")
    if counts.partial_errors:
        lead, where = ("และมี", "ในอีก") if counts.unread else ("มี", "ใน")
        parts.append(f"{lead}ข้อผิดพลาดในข้อมูลนำเข้า {counts.partial_errors} ข้อ {where} {counts.partial_files} ไฟล์")
    if counts.plugins:
        lead = "และมี" if counts.unread or counts.partial_errors else "มี"
        parts.append(f"{lead}ปลั๊กอิน {counts.plugins} ตัวที่ทำงานไม่สำเร็จ")
    return " ".join(parts) + " (ดูข้อผิดพลาดด้านบน)"


def _thai_summary(paint, summary: dict, count: int, counts: InputErrorCounts):
    objects = f"วัตถุประสงค์ {summary['objectives']} ข้อ, ผลลัพธ์หลัก {summary['key_results']} ข้อ"
    errors = counts.unread or counts.partial_errors or counts.plugins
    if count:
        also = f" และ{_thai_input_errors(counts)}" if errors else ""
        yield (f"{paint(f'ข้อค้นพบ {count} ข้อ', 'bold')} (ข้อผิดพลาด {summary['errors']}, คำเตือน {summary['warnings']}, "
               f"ข้อแนะนำ {summary['infos']}) ใน {summary['files']} ไฟล์: {objects}{also}\n")
    elif errors:
        yield paint(f"ไม่มีข้อค้นพบ แต่{_thai_input_errors(counts)}", "bold") + "\n"
    else:
        yield f"{paint('ผ่านการตรวจทุกข้อ!', 'bold')} {summary['files']} ไฟล์, {objects}\n"
