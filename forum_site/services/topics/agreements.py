"""Each stage's involvement agreement: what members are asked, how much say they have,
who decides and when, and what is not open and why.

The commissioner writes it; a convenor of one of the topic's forums agrees it. Every
change is a new version (append-only), and the agreed-by line belongs to one version,
so members can always see whether what they are reading is the version that was agreed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from forum_site.models import AgreementSignOff, Briefing, Meeting, StageAgreement, Topic
from forum_site.models.base import as_utc, utcnow
from forum_site.models.meetings import CycleStage, InfluenceLevel
from forum_site.services.contributions import checked_text
from forum_site.services.errors import DomainError, NotAllowed, NotFound
from forum_site.services.topics import core
from forum_site.services.viewer import Viewer
from forum_site.words import _l

MAX_TEXT = 5000
MAX_LINE = 300


@dataclass(frozen=True)
class AgreementDraft:
    members_asked: str
    influence: InfluenceLevel
    who_decides: str
    decides_when: str
    not_open: str = ""
    not_open_why: str = ""
    what_changed: str = ""


@dataclass(frozen=True)
class StageAgreementView:
    """The agreement a page shows for one stage of one topic."""

    topic: Topic
    stage: CycleStage
    agreement: StageAgreement | None

    @property
    def is_agreed(self) -> bool:
        return self.agreement is not None and self.agreement.sign_off is not None


def write_agreement(
    session: Session,
    viewer: Viewer,
    topic: Topic,
    stage: CycleStage,
    draft: AgreementDraft,
    when: datetime | None = None,
) -> StageAgreement:
    """``when`` is only for bringing in history recorded elsewhere (demo data, imports)."""
    if not core.can_write(viewer, topic):
        raise NotAllowed(_l("Only commissioners from the topic's organisation write agreements."))
    stage = CycleStage(stage)
    latest = current(session, topic, stage)
    if latest is not None and not (draft.what_changed or "").strip():
        raise DomainError(_l("Say what changed from the last version."), field="what_changed")
    agreement = StageAgreement(
        topic_id=topic.id,
        stage=stage,
        version=(latest.version + 1) if latest else 1,
        members_asked=checked_text(
            draft.members_asked, "members_asked", MAX_TEXT, _l("Say what members are being asked.")
        ),
        influence=InfluenceLevel(draft.influence),
        who_decides=checked_text(
            draft.who_decides, "who_decides", MAX_LINE, _l("Say who makes the final decision.")
        ),
        decides_when=checked_text(
            draft.decides_when, "decides_when", 200, _l("Say when the decision will be made.")
        ),
        not_open=_optional(draft.not_open, "not_open"),
        not_open_why=_optional(draft.not_open_why, "not_open_why"),
        what_changed=_optional(draft.what_changed, "what_changed"),
        written_by_id=viewer.user_id,
        created_at=when or utcnow(),
    )
    if agreement.not_open and not agreement.not_open_why:
        raise DomainError(_l("Say why these things are not open."), field="not_open_why")
    session.add(agreement)
    session.flush()
    return agreement


def _optional(text: str, field: str) -> str:
    return checked_text(text, field, MAX_TEXT) if (text or "").strip() else ""


def agree(
    session: Session, viewer: Viewer, agreement: StageAgreement, when: datetime | None = None
) -> AgreementSignOff:
    """A convenor agrees the latest version. Agreeing twice, or an old version, is refused."""
    topic = agreement.topic
    if not core.can_agree(viewer, topic):
        raise NotAllowed(_l("Only the convenor of one of the topic's forums can agree this."))
    latest = current(session, topic, agreement.stage)
    if latest is None or latest.id != agreement.id:
        raise DomainError(_l("There is a newer version of this agreement. Agree that one."))
    if agreement.sign_off is not None:
        raise DomainError(_l("This version has already been agreed."))
    sign_off = AgreementSignOff(
        agreement_id=agreement.id,
        agreed_by_id=viewer.user_id,
        agreed_by_name=viewer.display_name,
        created_at=when or utcnow(),
    )
    session.add(sign_off)
    session.flush()
    session.refresh(agreement, ["sign_off"])
    return sign_off


def current(session: Session, topic: Topic, stage: CycleStage) -> StageAgreement | None:
    return session.scalar(
        select(StageAgreement)
        .options(joinedload(StageAgreement.sign_off), joinedload(StageAgreement.written_by))
        .where(StageAgreement.topic_id == topic.id, StageAgreement.stage == CycleStage(stage))
        .order_by(StageAgreement.version.desc())
        .limit(1)
    )


def versions(session: Session, topic: Topic, stage: CycleStage) -> list[StageAgreement]:
    """Every version for the stage, newest first."""
    return list(
        session.scalars(
            select(StageAgreement)
            .options(selectinload(StageAgreement.sign_off), selectinload(StageAgreement.written_by))
            .where(StageAgreement.topic_id == topic.id, StageAgreement.stage == CycleStage(stage))
            .order_by(StageAgreement.version.desc())
        )
    )


def agreements_of(session: Session, topic: Topic) -> list[StageAgreement]:
    """Every version of every stage's agreement, oldest first."""
    return list(
        session.scalars(
            select(StageAgreement)
            .options(selectinload(StageAgreement.sign_off), selectinload(StageAgreement.written_by))
            .where(StageAgreement.topic_id == topic.id)
            .order_by(StageAgreement.id)
        )
    )


def version_counts(session: Session, topic: Topic) -> dict[CycleStage, int]:
    return dict(
        session.execute(
            select(StageAgreement.stage, func.count(StageAgreement.id))
            .where(StageAgreement.topic_id == topic.id)
            .group_by(StageAgreement.stage)
        ).all()
    )


def get_agreement(session: Session, viewer: Viewer, agreement_id: int) -> StageAgreement:
    agreement = session.get(StageAgreement, agreement_id)
    if agreement is None or not core.can_see(viewer, agreement.topic):
        raise NotFound(_l("We could not find that agreement."))
    return agreement


def for_meeting(session: Session, viewer: Viewer, meeting: Meeting) -> StageAgreementView | None:
    """The agreement for the stage a meeting is at (its own stage, or the topic's then)."""
    topic = core.topic_of(session, "meetings", meeting.id)
    if topic is None or not core.can_see(viewer, topic):
        return None
    stage = meeting.cycle_stage or core.stage_on(topic, as_utc(meeting.starts_at).date())
    return _view(session, topic, stage)


def for_briefing(session: Session, viewer: Viewer, briefing: Briefing) -> StageAgreementView | None:
    topic = core.topic_of(session, "briefings", briefing.id)
    if topic is None or not core.can_see(viewer, topic):
        return None
    written = as_utc(briefing.published_at or briefing.created_at)
    return _view(session, topic, core.stage_on(topic, written.date()))


def view_for(session: Session, topic: Topic, stage: CycleStage | None):
    """The latest agreement for ``stage`` (None when no stage is given)."""
    return _view(session, topic, stage)


def _view(session, topic, stage) -> StageAgreementView | None:
    if stage is None:
        return None
    return StageAgreementView(topic, stage, current(session, topic, stage))
