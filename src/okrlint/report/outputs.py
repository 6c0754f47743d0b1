"""Where each report of a run goes: ``--format NAME[:FILE]`` (repeatable) and ``--output-file``.

Rules: at most one report goes to standard output; ``--output-file`` receives the formats given
without a file of their own; no two reports write the same file. With ``--output-file`` and no
``--format``, the format is picked from the file's extension (``report.html`` → html).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import BinaryIO

import attrs
import click

from okrlint.report import Reporter

STDOUT = "-"


class OutputError(Exception):
    """A bad output specification or an output that cannot be written (exit code 2)."""


@attrs.frozen
class Output:
    reporter: Reporter
    target: str | None  # None: standard output

    @property
    def to_stdout(self) -> bool:
        return self.target is None


def plan_outputs(formats: Sequence[str], output_file: str | None, reporters: dict[str, Reporter],
                 default: str = "text") -> list[Output]:
    if not formats:
        formats = (_format_for_extension(output_file, reporters) or default,) if output_file else (default,)
    outputs: list[Output] = []
    for spec in formats:
        name, sep, target = spec.partition(":")
        name = name.strip()
        if name not in reporters:
            raise OutputError(f"unknown format '{name}' (available: {', '.join(sorted(reporters))})")
        if sep and not target:
            raise OutputError(f"'--format {spec}': give a file name after ':' (or '-' for standard output)")
        chosen = target if sep else output_file
        outputs.append(Output(reporters[name], None if chosen in (None, STDOUT) else chosen))

    on_stdout = [o.reporter.name for o in outputs if o.to_stdout]
    if len(on_stdout) > 1:
        raise OutputError(f"only one format can go to standard output (got {', '.join(on_stdout)}); "
                          "write the others to files with FORMAT:FILE")
    targets = [Path(o.target).resolve() for o in outputs if o.target]
    duplicates = sorted({str(t) for t in targets if targets.count(t) > 1})
    if duplicates:
        raise OutputError(f"two reports would write the same file {duplicates[0]}; give each format its own file")
    for output in outputs:
        if output.target:
            parent = Path(output.target).resolve().parent
            if not parent.is_dir():
                raise OutputError(f"cannot write {output.target}: the directory {parent} does not exist")
    return outputs


def _format_for_extension(path: str | None, reporters: dict[str, Reporter]) -> str | None:
    suffix = Path(path or "").suffix.lower()
    if not suffix:
        return None
    for reporter in reporters.values():  # registration order: the built-in json before gitlab's .json
        if reporter.extension == suffix and reporter.extension != ".txt":
            return reporter.name
    return None


def _chunks(pieces: Iterable[str], size: int = 1 << 16) -> Iterable[str]:
    """Pieces joined into chunks of about ``size`` characters: one echo per finding of a large org costs."""
    batch: list[str] = []
    length = 0
    for piece in pieces:
        batch.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(batch)
            batch, length = [], 0
    if batch:
        yield "".join(batch)


def write_outputs(outputs: Sequence[Output], render: Callable[[Output], str | Iterable[str]],
                  copy: Callable[[str | None], BinaryIO | None] | None = None) -> None:
    """Write each report; a report given as pieces is written piece by piece. ``copy(target)``, when given,
    returns a binary file that receives a copy of the bytes written to that target (or None).

    A report that cannot be made or written (a template error, a full disk, a bug of one reporter) does not keep
    the run's other reports from being written: each is tried, and an OutputError at the end names every one
    that failed, one line each."""
    failures: list[str] = []
    for output in outputs:
        try:
            _write_one(output, render, copy)
        except OutputError as exc:
            failures.append(str(exc))
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - one reporter's bug loses its own report only
            where = output.target or "standard output"
            failures.append(f"the {output.reporter.name} report ({where}) could not be written: internal error: "
                            f"{type(exc).__name__}: {exc}")
    if failures:
        raise OutputError("\n".join(failures))


def _write_one(output: Output, render: Callable[[Output], str | Iterable[str]],
               copy: Callable[[str | None], BinaryIO | None] | None) -> None:
    text = render(output)
    pieces = [text] if isinstance(text, str) else text
    duplicate = copy(output.target) if copy is not None else None
    try:
        if output.to_stdout:
            encoding, errors = sys.stdout.encoding or "utf-8", sys.stdout.errors or "strict"
            for chunk in _chunks(pieces):
                # written as rendered: the report chose its colours (--color, or a terminal), and a replay of
                # the stored copy must print the same bytes (click would strip them from a pipe)
                click.echo(chunk, nl=False, color=True)
                if duplicate is not None:
                    duplicate.write(chunk.encode(encoding, errors))
            return
        try:
            with open(output.target, "w", encoding="utf-8") as handle:
                for piece in pieces:
                    handle.write(piece)
                    if duplicate is not None:
                        duplicate.write(piece.encode("utf-8"))
        except OSError as exc:
            raise OutputError(f"cannot write {output.target}: {exc.strerror or exc}") from None
    finally:
        if duplicate is not None:
            duplicate.close()
