"""A time limit around the learner's code, so that an infinite loop is stopped.

The limit raises ``ExerciseTimeout`` inside the running code: a ``BaseException``, so that a
learner's ``except Exception:`` cannot swallow it. The plugin knows a timeout by this type.
"""

from __future__ import annotations

import _thread
import signal
import threading
from contextlib import contextmanager
from typing import Iterator

DEFAULT_SECONDS = 10.0  # per test; `--grading-timeout N` or @pytest.mark.timeout(N) changes it


class ExerciseTimeout(BaseException):
    """The learner's code ran past the time limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"still running after {seconds:g} s")
        self.seconds = seconds


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ExerciseTimeout in this (the main) thread once ``seconds`` have passed."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    if hasattr(signal, "setitimer"):  # Unix: a timer signal
        def alarm(signum: int, frame: object) -> None:
            raise ExerciseTimeout(seconds)
        previous = signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    # Windows has no timer signal: a thread interrupts the main one, as Ctrl+C would.
    fired = threading.Event()

    def interrupt() -> None:
        fired.set()
        _thread.interrupt_main()
    timer = threading.Timer(seconds, interrupt)
    timer.start()
    try:
        yield
    except KeyboardInterrupt:
        if fired.is_set():
            raise ExerciseTimeout(seconds) from None
        raise
    finally:
        timer.cancel()


@contextmanager
def paused() -> Iterator[None]:
    """Stop the clock of ``time_limit`` while the grader does slow work of its own (such as
    importing PyTorch as an oracle), so that it does not count against the learner's code.

    Unix only: the timer signal is put off by the time spent inside. Elsewhere the clock runs on.
    """
    remaining = signal.getitimer(signal.ITIMER_REAL)[0] if hasattr(signal, "getitimer") else 0.0
    if remaining <= 0:
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, 0)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, remaining)
