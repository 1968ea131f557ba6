"""The convenor's preparation workspace: a checklist, the questions members sent,
papers to print and the access needs to arrange, all on one page."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from forum_site.models.meetings import Meeting, MeetingQuestion, PrepTask
from forum_site.services.errors import DomainError, NotFound
from forum_site.services.meetings import check_length, require_editor
from forum_site.services.meetings.replies import ReplySummary, reply_summary, visible_questions
from forum_site.services.viewer import Viewer
from forum_site.words import _l


def add_task(session: Session, viewer: Viewer, meeting: Meeting, label: str) -> PrepTask:
    require_editor(viewer, meeting.forum_id)
    label = check_length(label, 300, "label", _l("The task"))
    if not label:
        raise DomainError(_l("Write the task."), field="label")
    last = session.scalar(
        select(func.max(PrepTask.position)).where(PrepTask.meeting_id == meeting.id)
    )
    task = PrepTask(meeting_id=meeting.id, position=(last or 0) + 1, label=label)
    session.add(task)
    session.flush()
    session.expire(meeting, ["prep_tasks"])
    return task


def set_task_done(
    session: Session, viewer: Viewer, meeting: Meeting, task_id: int, done: bool
) -> PrepTask:
    require_editor(viewer, meeting.forum_id)
    task = session.get(PrepTask, task_id)
    if task is None or task.meeting_id != meeting.id:
        raise NotFound(_l("We could not find that task."))
    task.done = done
    session.flush()
    return task


@dataclass
class Workspace:
    tasks: list[PrepTask]
    questions: list[MeetingQuestion]
    replies: ReplySummary

    @property
    def easy_read_copies(self) -> int:
        return self.replies.need_counts["easy_read_papers"]

    @property
    def large_print_copies(self) -> int:
        return self.replies.need_counts["large_print"]

    @property
    def tasks_left(self) -> int:
        return sum(1 for t in self.tasks if not t.done)


def workspace(session: Session, viewer: Viewer, meeting: Meeting) -> Workspace:
    require_editor(viewer, meeting.forum_id)
    tasks = list(
        session.scalars(
            select(PrepTask).where(PrepTask.meeting_id == meeting.id).order_by(PrepTask.position)
        )
    )
    return Workspace(
        tasks=tasks,
        questions=visible_questions(session, viewer, meeting),
        replies=reply_summary(session, viewer, meeting),
    )
