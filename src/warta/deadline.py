"""Per-document time limits: a deadline that stops a runaway document, not the batch.

In the main thread of a Unix process a real-time interval timer (SIGALRM) interrupts the
document wherever Python code runs (a C call that never returns, such as one huge regex
match, is interrupted when it returns). Where no alarm can be used (a server's worker
thread, Windows, or a caller who already runs an alarm of their own) the pipeline checks
the deadline between steps instead, so a slow document is bounded by its slowest step.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class DocumentTimeout(BaseException):
    """The document ran past its deadline.

    A BaseException on purpose: stage code that catches ``Exception`` to fall back
    gracefully must not swallow the interruption and carry on past the limit.
    """


class Deadline:
    """A point in time after which :meth:`check` raises :class:`DocumentTimeout`."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds if seconds > 0 else None
        self.armed = False  # True when a SIGALRM timer enforces it

    def expired(self) -> bool:
        return self.ends is not None and time.monotonic() >= self.ends

    def check(self) -> None:
        if self.expired():
            raise DocumentTimeout(f"over {self.seconds:g} s")


def _can_alarm() -> bool:
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        return False
    # someone else's timer is running: leave it alone and check between steps instead
    return signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@contextmanager
def deadline(seconds: float) -> Iterator[Deadline]:
    """A deadline ``seconds`` from now (none when ``seconds`` <= 0), alarm-enforced when it can be.

    Callers catch :class:`DocumentTimeout` around the whole ``with`` block: the alarm can
    fire at any point inside it, including as the block ends.
    """
    d = Deadline(seconds)
    if d.ends is None or not _can_alarm():
        yield d
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout(f"over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    d.armed = True
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield d
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
