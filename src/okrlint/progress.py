"""A progress bar on standard error for long runs, shown only on a terminal."""

from __future__ import annotations

import sys

import click

MIN_FILES = 300  # below this a run is quick enough that a bar would only flicker


class FileProgress:
    """``engine.run(progress=...)`` callback: draws a bar once a run has more than ``MIN_FILES`` files."""

    def __init__(self, stream=None, min_files: int = MIN_FILES):
        self.stream = stream or sys.stderr
        self.min_files = min_files
        self._bar = None
        self._shown = 0

    @property
    def enabled(self) -> bool:
        return bool(getattr(self.stream, "isatty", lambda: False)())

    def __call__(self, done: int, total: int) -> None:
        if total <= self.min_files or not self.enabled:
            return
        if self._bar is None:
            self._bar = click.progressbar(length=total, label="Linting", file=self.stream, show_pos=True)
            self._bar.__enter__()
        self._bar.update(done - self._shown)
        self._shown = done

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None
