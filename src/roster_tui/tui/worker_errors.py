"""A worker that fails says so in the user's language; it never dies silently or with a traceback.

Workers run with ``exit_on_error=False`` so one failed computation cannot close the app; the
price is that Textual then only records the error on the worker. Screens and the app pass their
workers' state changes here, and an error becomes a notification (and a line in the log).
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.worker import Worker, WorkerState

from roster_tui.domain.text import printable
from roster_tui.i18n import t


def report_worker_error(node: DOMNode, event: Worker.StateChanged) -> None:
    if event.state is not WorkerState.ERROR:
        return
    error = event.worker.error
    node.log.error(f"worker {event.worker.name!r} failed: {error!r}")
    detail = printable(f"{type(error).__name__}: {error}")
    node.app.notify(t("tui.worker_failed", detail=detail), severity="error", timeout=8)
