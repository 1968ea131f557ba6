"""Topics for tests, made through the real services."""

from __future__ import annotations

from datetime import date

from forum_site.models.meetings import CycleStage, InfluenceLevel
from forum_site.services.topics import agreements, core
from forum_site.services.viewer import load_viewer
from tests.factories import make_commissioner, make_forum, make_organisation, make_user


def topic_world(session, *, private: bool = False) -> dict:
    """A council, its commissioner, a forum with a convenor and a member, an outsider."""
    council = make_organisation(session, name="Lakeside Council")
    commissioner = make_commissioner(session, council, name="Cass Commissioner")
    convenor = make_user(session, name="Connie Convenor")
    member = make_user(session, name="Mo Member")
    outsider = make_user(session, name="Olly Outsider")
    forum = make_forum(
        session,
        name="Carers Voice",
        private=private,
        members=[member],
        convenors=[convenor],
        organisations=[council],
    )
    return {
        "council": council,
        "commissioner": commissioner,
        "convenor": convenor,
        "member": member,
        "outsider": outsider,
        "forum": forum,
    }


def make_topic(session, world, *, stage=CycleStage.NEEDS_ASSESSMENT, started=date(2026, 3, 2)):
    viewer = load_viewer(session, world["commissioner"])
    draft = core.TopicDraft(
        title="Respite breaks from 2027",
        summary="How short breaks for carers will work.",
        stage=stage,
        started_on=started,
    )
    return core.create_topic(session, viewer, world["forum"], draft)


def write(session, world, topic, stage=CycleStage.NEEDS_ASSESSMENT, **changes):
    fields = {
        "members_asked": "Tell us what kind of breaks you need.",
        "influence": InfluenceLevel.VIEWS,
        "who_decides": "The Head of carers' services",
        "decides_when": "In June",
        "not_open": "The number of respite beds.",
        "not_open_why": "The beds are in a contract until 2028.",
    }
    fields.update(changes)
    viewer = load_viewer(session, world["commissioner"])
    return agreements.write_agreement(
        session, viewer, topic, stage, agreements.AgreementDraft(**fields)
    )
