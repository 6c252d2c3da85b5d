"""Pilot waits for the app to have nothing left to do, instead of for the process to look idle.

Textual's ``pilot.press`` and ``pilot.pause`` call ``textual._wait.wait_for_idle``, which
sleeps in 1/50 s steps until the process spends less CPU than wall time (at least one step,
twice a key), and gives up after a second. That makes every key cost 40 ms of sleep on a quiet
machine, and on a loaded one a worker still computing after the second passes for idle: a test
then checks a screen the worker has not updated yet.

:func:`install` puts :func:`until_quiet` in its place for the suite: it returns as soon as the
app under test is quiet (see :func:`busy`), however long that takes, and falls back to
Textual's own wait only when no app is running in the caller's context. A test still waits
for exactly what it waited for before (a key handled, the workers it started finished, the
screen redrawn), only without sleeping once that is done.
"""

from __future__ import annotations

import asyncio
import threading
import warnings
from concurrent.futures.thread import _WorkItem
from time import monotonic
from weakref import WeakSet

from textual import _wait
from textual import app as textual_app
from textual import pilot as textual_pilot
from textual._context import active_app
from textual.app import App
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import WorkerState

SOON = 0.1  # seconds: a one-shot timer due this soon is a debounce (Textual's resize), waited for
TURNS = 3  # loop turns the app must stay quiet for: an idle handler may post one more message
CEILING = 60.0  # seconds: past this something never settles, which is a bug to see, not wait out

_textual_wait = _wait.wait_for_idle
_pool_run = _WorkItem.run
_in_threads = [0]  # work items running on a thread pool's threads (a thread worker's body)
_in_threads_lock = threading.Lock()


def _counted_run(self: _WorkItem[object]) -> None:
    """A pool thread's work item, counted while it runs: a thread worker cancelled by a newer
    one (``exclusive``) counts as finished at once, but its thread runs on to its end and
    hands its result to the app all the same."""
    with _in_threads_lock:
        _in_threads[0] += 1
    try:
        _pool_run(self)
    finally:
        with _in_threads_lock:
            _in_threads[0] -= 1


_textual_get_message = MessagePump._get_message
_waiting: WeakSet[MessagePump] = WeakSet()  # the pumps waiting for their next message


async def _get_message(self: MessagePump) -> object:
    """Textual's, noting that the pump has done all it had to and waits for more."""
    _waiting.add(self)
    try:
        return await _textual_get_message(self)
    finally:
        _waiting.discard(self)


def busy(app: App[object]) -> str | None:
    """What ``app`` is still doing: a worker pending or running (or its thread still running
    after it was cancelled), a message not handled yet
    (queued or being handled) by the app, a screen or a widget, a debounce timer about to
    fire, or callbacks waiting for a screen's refresh. None when it is quiet."""
    for worker in app.workers:
        if worker.state in (WorkerState.PENDING, WorkerState.RUNNING):
            return WORKER
    pool = getattr(asyncio.get_running_loop(), "_default_executor", None)
    if _in_threads[0] or (pool is not None and pool._work_queue.qsize()):
        return WORKER
    screens = [s for stack in app._screen_stacks.values() for s in stack]
    for pump in [app, *screens, *app._registry]:
        if pump._closed:
            continue
        handling = pump._running and pump not in _waiting
        if handling or pump._message_queue.qsize() or pump._pending_message or pump._next_callbacks:
            return f"messages of {pump!r}"
        for timer in pump._timers:
            if timer._repeat is not None and timer._interval <= SOON and _counting(timer):
                return f"{timer.name} of {pump!r}"
    for screen in screens:
        if screen._callbacks or (screen.is_current and _refresh_due(screen)):
            return REFRESH
    return None


def _on_show_and_due(app: App[object]) -> list[Screen[object]]:
    """The screens on show (the top one and those seen under a modal) that are due to lay out
    or paint, or hold callbacks for after their refresh. A screen being shown holds its
    callbacks until it is on show, so it is waited for but not nudged."""
    screens = [s for stack in app._screen_stacks.values() for s in stack]
    return [s for s in screens if s.is_current and (s._callbacks or _refresh_due(s))]


WORKER = "a worker"
REFRESH = "a screen's refresh"


def _counting(timer: Timer) -> bool:
    """Whether ``timer`` has yet to fire: started, not paused, not done."""
    task = timer._task
    return task is not None and not task.done() and timer._active.is_set()


def _refresh_due(screen: Screen[object]) -> bool:
    """Whether the screen's update timer is set to lay out or paint (within 1/60 s)."""
    timer = screen._Screen__update_timer  # type: ignore[attr-defined]
    return timer is not None and _counting(timer)


async def wait_until_quiet(app: App[object]) -> None:
    """Return once ``app`` has stayed quiet for a few turns of the event loop."""
    start = monotonic()
    quiet = 0
    while quiet < TURNS:
        await asyncio.sleep(0)
        doing = busy(app) if app.is_running else None
        if doing is None:
            quiet += 1
            continue
        quiet = 0
        if monotonic() - start > CEILING:
            warnings.warn(f"the app never settled: {doing}", stacklevel=2)
            return
        if doing is REFRESH:
            # What the update timers would do next, done now, as ``pilot.pause`` does for the
            # top screen; a screen under a modal may hold callbacks while its timer is stopped.
            for screen in {app.screen, *_on_show_and_due(app)}:
                screen._on_timer_update()
        elif doing is WORKER:
            # Give a worker's thread the interpreter instead of spinning here.
            await asyncio.sleep(0.002)


async def until_quiet(min_sleep: float = _wait.SLEEP_GRANULARITY, max_sleep: float = 1) -> None:
    """Textual's ``wait_for_idle``, for the suite: wait for the app, not for the clock."""
    app = active_app.get(None)
    if app is None or not app.is_running:
        await _textual_wait(min_sleep, max_sleep)
        return
    await wait_until_quiet(app)


def install() -> None:
    """Make Pilot (and the app's key presses in tests) wait with :func:`until_quiet`."""
    MessagePump._get_message = _get_message  # type: ignore[method-assign]
    _WorkItem.run = _counted_run  # type: ignore[method-assign]
    textual_app.wait_for_idle = until_quiet  # type: ignore[assignment]
    textual_pilot.wait_for_idle = until_quiet  # type: ignore[assignment]
