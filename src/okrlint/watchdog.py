"""A time limit on each rule call, so one rule that loops forever cannot hang a whole run.

Arming a timer around every call would cost two system calls per rule per object. Instead a
periodic SIGALRM ticks a few times per limit; each rule call only bumps a counter. When the
handler sees the same call still running after ``limit`` seconds, it raises :class:`RuleTimeout`
inside it. The guard works in the main thread on POSIX; elsewhere (Windows, worker threads) it
is off and rules run unguarded.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

DEFAULT_RULE_TIMEOUT = 10.0  # seconds; a rule call on one object normally takes well under a millisecond
TICKS_PER_LIMIT = 4


class RuleTimeout(BaseException):
    """Raised inside a rule call that ran past its limit.

    A BaseException, so that a rule's own ``except Exception`` cannot swallow it and keep looping.
    """

    def __init__(self, seconds: float):
        super().__init__(f"timed out after {seconds:g} s")
        self.seconds = seconds


class Watchdog:
    """Use as a context manager around a run; call :meth:`call` for each rule call."""

    def __init__(self, limit: float | None = DEFAULT_RULE_TIMEOUT):
        self.limit = limit if limit and limit > 0 else None
        self._calls = 0  # bumped on each call: the handler compares it between ticks
        self._running = False
        self._seen_calls = -1
        self._stalled_ticks = 0
        self._active = False
        self._depth = 0  # nested `with` blocks: only the outermost arms and disarms
        self._previous_handler: Any = None
        self._previous_timer = (0.0, 0.0)

    @property
    def active(self) -> bool:
        return self._active

    def __enter__(self) -> Watchdog:
        self._depth += 1
        if self._depth > 1 or self.limit is None or not hasattr(signal, "setitimer"):
            return self
        if threading.current_thread() is not threading.main_thread():
            return self
        previous_timer = signal.getitimer(signal.ITIMER_REAL)
        if previous_timer != (0.0, 0.0):  # somebody else (a test runner, the host program) uses the timer
            return self
        self._previous_handler = signal.signal(signal.SIGALRM, self._on_tick)
        tick = self.limit / TICKS_PER_LIMIT
        signal.setitimer(signal.ITIMER_REAL, tick, tick)
        self._active = True
        return self

    def __exit__(self, *exc_info) -> None:
        self._depth -= 1
        if self._active and self._depth == 0:
            signal.setitimer(signal.ITIMER_REAL, 0.0, 0.0)
            # None: the previous handler was not set from Python; the default is the closest we can restore.
            signal.signal(signal.SIGALRM, self._previous_handler if self._previous_handler is not None else signal.SIG_DFL)
            self._active = False

    def call(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)``, interrupted with :class:`RuleTimeout` when it runs past the limit."""
        self._calls += 1
        self._running = True
        try:
            return function(*args)
        finally:
            self._running = False

    def _on_tick(self, signum, frame) -> None:
        if not self._running or self._calls != self._seen_calls:
            self._seen_calls = self._calls
            self._stalled_ticks = 0
            return
        self._stalled_ticks += 1
        # The call began within the tick before the first stalled one: it has run 1 to 1.25 limits.
        if self._stalled_ticks >= TICKS_PER_LIMIT:
            self._stalled_ticks = 0
            raise RuleTimeout(self.limit)
