"""The rule time guard (okrlint.watchdog)."""

from __future__ import annotations

import re
import signal
import threading

import pytest

from okrlint.watchdog import RuleTimeout, Watchdog

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="POSIX interval timers only")


def test_a_call_past_the_limit_is_interrupted_even_inside_a_regular_expression():
    with Watchdog(0.2) as watchdog:
        with pytest.raises(RuleTimeout) as info:
            watchdog.call(re.match, r"(a+)+$", "a" * 40 + "b")  # catastrophic backtracking
        assert info.value.seconds == 0.2
        assert watchdog.call(lambda: 42) == 42  # and the next call runs normally


def test_a_rule_that_swallows_exceptions_is_still_stopped():
    def stubborn():
        while True:
            try:
                sum(range(1000))
            except Exception:  # noqa: BLE001 - RuleTimeout is a BaseException, so it gets through
                pass

    with Watchdog(0.2) as watchdog, pytest.raises(RuleTimeout):
        watchdog.call(stubborn)


def test_the_previous_handler_and_timer_state_are_restored():
    def mine(signum, frame):
        pass

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        with Watchdog(5) as watchdog:
            assert watchdog.active and signal.getitimer(signal.ITIMER_REAL)[1] > 0
            with watchdog:  # nested: the inner block neither re-arms nor disarms
                pass
            assert signal.getitimer(signal.ITIMER_REAL)[1] > 0
        assert signal.getsignal(signal.SIGALRM) is mine
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_a_timer_already_in_use_is_left_alone():
    signal.setitimer(signal.ITIMER_REAL, 100)
    try:
        with Watchdog(5) as watchdog:
            assert not watchdog.active
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


@pytest.mark.parametrize("limit", [None, 0])
def test_no_limit(limit):
    with Watchdog(limit) as watchdog:
        assert not watchdog.active
        assert watchdog.call(lambda: "done") == "done"


def test_outside_the_main_thread_rules_run_unguarded():
    seen = {}

    def run():
        with Watchdog(5) as watchdog:
            seen["active"] = watchdog.active
            seen["value"] = watchdog.call(lambda: 7)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert seen == {"active": False, "value": 7}
