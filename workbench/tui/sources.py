"""Adapters from the service's paged queries to the lists' `Source` protocol."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from workbench.domain.models import Feedback
from workbench.domain.records import record
from workbench.service.views import InstructionView, TaskView
from workbench.service.workbench import Workbench
from workbench.store.store import FeedbackFilter, InstructionFilter, TaskFilter


@record
class TaskSource:
    workbench: Workbench
    filter: TaskFilter

    def count(self) -> int:
        return self.workbench.count_tasks(self.filter)

    def page(self, offset: int, limit: int) -> Sequence[TaskView]:
        return self.workbench.list_tasks(self.filter, offset, limit)

    def key(self, item: TaskView) -> Hashable:
        return item.task.id

    def position(self, key: Hashable) -> int | None:
        return self.workbench.task_position(int(key), self.filter)  # type: ignore[arg-type]


@record
class InstructionSource:
    workbench: Workbench
    filter: InstructionFilter

    def count(self) -> int:
        return self.workbench.count_instructions(self.filter)

    def page(self, offset: int, limit: int) -> Sequence[InstructionView]:
        return self.workbench.list_instructions(self.filter, offset, limit)

    def key(self, item: InstructionView) -> Hashable:
        return item.instruction.id

    def position(self, key: Hashable) -> int | None:
        return self.workbench.instruction_position(int(key), self.filter)  # type: ignore[arg-type]


@record
class FeedbackSource:
    workbench: Workbench
    filter: FeedbackFilter

    def count(self) -> int:
        return self.workbench.count_feedback(self.filter)

    def page(self, offset: int, limit: int) -> Sequence[Feedback]:
        return self.workbench.list_feedback(self.filter, offset, limit)

    def key(self, item: Feedback) -> Hashable:
        return item.id

    def position(self, key: Hashable) -> int | None:
        # Feedback lists are short (one instruction's reports); a scan is fine.
        total = self.count()
        for offset in range(0, total, 200):
            for i, fb in enumerate(self.page(offset, 200)):
                if fb.id == key:
                    return offset + i
        return None
