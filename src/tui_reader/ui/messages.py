"""Messages that travel up to the app from anywhere in the interface."""

from __future__ import annotations

from textual.message import Message
from textual.worker import Worker, WorkerState


class WorkerFailed(Message):
    """A worker raised: the app reports it among the problems. Textual's own
    `Worker.StateChanged` stays with the worker's widget, so a widget's worker's failure
    comes up as this."""

    def __init__(self, description: str, error: BaseException | None) -> None:
        super().__init__()
        self.description = description
        self.error = error

    @classmethod
    def of(cls, event: Worker.StateChanged) -> WorkerFailed | None:
        """The failure a worker's change of state tells of, if it failed."""
        if event.state != WorkerState.ERROR:
            return None
        return cls(event.worker.description, event.worker.error)
