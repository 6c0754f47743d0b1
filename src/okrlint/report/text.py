"""The default ``text`` report, written in Python: it is what pre-commit and editors print on every run, and
importing Jinja for it would cost more than linting a small file.

``templates/text.j2`` renders the same output and is the form organisations override: a ``text.j2`` in the
configured ``template-dir`` is rendered with Jinja instead of this (tests keep the two identical).
"""

from __future__ import annotations

from pathlib import Path

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
    if context.language == "th":
        yield from _thai_summary(paint, summary, count, len(result.errors), _files_with_errors(result))
        return
    files = plural(summary["files"], "file")
    if count:
        head = paint(f"Found {plural(count, 'finding')}", "bold")
        unread = f" {_input_errors(result)}." if result.errors else ""
        yield (f"{head} ({plural(summary['errors'], 'error')}, {plural(summary['warnings'], 'warning')}, "
               f"{summary['infos']} info) in {files}: {plural(summary['objectives'], 'objective')}, "
               f"{plural(summary['key_results'], 'key result')}.{unread}\n")
    elif result.errors:
        yield paint(f"No findings, but {_input_errors(result)}.", "bold") + "\n"
    else:
        yield (f"{paint('All checks passed!', 'bold')} {files}, {plural(summary['objectives'], 'objective')}, "
               f"{plural(summary['key_results'], 'key result')}.\n")


def _files_with_errors(result) -> int:
    return len({error.location.file for error in result.errors})


def _input_errors(result) -> str:
    """"1 file could not be read (see the errors above)", or, when a file has several errors (a file read with
    a mistake or two is not unread: it is linted as far as it goes), "3 input errors in 1 file (see above)"."""
    files = _files_with_errors(result)
    if len(result.errors) == files:
        return f"{plural(files, 'file')} could not be read (see the errors above)"
    return f"{plural(len(result.errors), 'input error')} in {plural(files, 'file')} (see the errors above)"


def _thai_summary(paint, summary: dict, count: int, errors: int, files: int):
    objects = f"วัตถุประสงค์ {summary['objectives']} ข้อ, ผลลัพธ์หลัก {summary['key_results']} ข้อ"
    unread = files if errors == files else 0
    if count:
        also = (f" และมี {unread} ไฟล์ที่อ่านไม่ได้ (ดูข้อผิดพลาดด้านบน)" if unread
                else f" และมีข้อผิดพลาดในข้อมูลนำเข้า {errors} ข้อ ใน {files} ไฟล์ (ดูด้านบน)" if errors else "")
        yield (f"{paint(f'พบข้อสังเกต {count} ข้อ', 'bold')} (ข้อผิดพลาด {summary['errors']}, คำเตือน {summary['warnings']}, "
               f"ข้อแนะนำ {summary['infos']}) ใน {summary['files']} ไฟล์: {objects}{also}\n")
    elif unread:
        yield paint(f"ไม่พบข้อสังเกต แต่มี {unread} ไฟล์ที่อ่านไม่ได้ (ดูข้อผิดพลาดด้านบน)", "bold") + "\n"
    elif errors:
        yield paint(f"ไม่พบข้อสังเกต แต่มีข้อผิดพลาดในข้อมูลนำเข้า {errors} ข้อ ใน {files} ไฟล์ (ดูด้านบน)", "bold") + "\n"
    else:
        yield f"{paint('ผ่านการตรวจทุกข้อ!', 'bold')} {summary['files']} ไฟล์, {objects}\n"

