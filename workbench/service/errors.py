"""Errors a use case reports to the user: translated, specific, and nothing changed."""

from __future__ import annotations

from workbench.i18n import t


class WorkbenchError(Exception):
    """A refused action. The message says what was wrong; the data is unchanged."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(t(key, **params))


class NotFound(WorkbenchError):
    pass


class InvalidInput(WorkbenchError):
    pass


class UndoConflict(WorkbenchError):
    pass


class NothingToUndo(WorkbenchError):
    pass
