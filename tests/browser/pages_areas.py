"""Page types of the areas: meetings, budgets, briefings, glossary and rules,
contributions, "you said, we did", impact, decisions, easy-read checks and PDFs.

Finders look rows up in the demo data by what they are (an upcoming published meeting,
a published briefing), not by id, so the demo can grow without breaking them."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from tests.browser.registry import EMPTY, ROLES, SLUGS, Demo, FormSubmit, PageType, fixed, forum_url


def _forum_id(demo: Demo, key: str = "ld") -> int:
    return demo.forum(key).id


def _meeting(demo: Demo, when: str = "upcoming", key: str = "ld"):
    from forum_site.models import Meeting
    from forum_site.models.meetings import MeetingStatus

    query = select(Meeting).where(Meeting.forum_id == _forum_id(demo, key))
    now = datetime.now(UTC)
    if when == "draft":
        return demo.first(query.where(Meeting.status == MeetingStatus.DRAFT))
    query = query.where(Meeting.status == MeetingStatus.PUBLISHED)
    if when == "past":
        return demo.first(query.where(Meeting.starts_at < now).order_by(Meeting.starts_at.desc()))
    return demo.first(query.where(Meeting.starts_at > now).order_by(Meeting.starts_at))


def meeting_url(endpoint: str, when: str = "upcoming", key: str = "ld"):
    return lambda demo: demo.url(endpoint, meeting_id=_meeting(demo, when, key).id)


def _action_url(demo: Demo) -> str:
    """An action from a past meeting's debrief: the convenor may change or drop it."""
    from forum_site.models import MeetingAction

    action = demo.first(
        select(MeetingAction)
        .where(MeetingAction.meeting.has(forum_id=_forum_id(demo)))
        .order_by(MeetingAction.id)
    )
    return demo.url("meetings.change_action", meeting_id=action.meeting_id, action_id=action.id)


def _agenda_item(demo: Demo) -> str:
    from forum_site.models import AgendaItem

    meeting = _meeting(demo)
    item = demo.first(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting.id).order_by(AgendaItem.id)
    )
    return demo.url("meetings.edit_agenda_item", meeting_id=meeting.id, item_id=item.id)


MEETINGS = [
    PageType(
        "meetings list", "meetings.forum_meetings", forum_url("ld", "meetings.forum_meetings")
    ),
    PageType("meeting", "meetings.show", meeting_url("meetings.show")),
    PageType("meeting, in Arabic", "meetings.show", meeting_url("meetings.show"), language="ar"),
    # The page members use most, in each other language (issue 19: axe in all six).
    PageType("meeting, in Welsh", "meetings.show", meeting_url("meetings.show"), language="cy"),
    PageType("meeting, in Polish", "meetings.show", meeting_url("meetings.show"), language="pl"),
    PageType("meeting, in Somali", "meetings.show", meeting_url("meetings.show"), language="so"),
    PageType("meeting, in Urdu", "meetings.show", meeting_url("meetings.show"), language="ur"),
    PageType(
        "meeting, larger text, high contrast",
        "meetings.show",
        meeting_url("meetings.show"),
        settings="text_size=larger&high_contrast=1",
    ),
    PageType("meeting, member", "meetings.show", meeting_url("meetings.show"), role="member"),
    PageType(
        "meeting reply with errors",
        "meetings.show",
        meeting_url("meetings.show"),
        role="member",
        submit=FormSubmit(
            selector="form:is([action$='/reply'], [action$='/reply#reply'])",
            fill=(("other_needs", "x " * 600),),
            clear=("answer",),
        ),
        status=400,
    ),
    PageType(
        "meeting question with errors",
        "meetings.show",
        meeting_url("meetings.show"),
        role="member",
        submit=FormSubmit(selector="form[action$='/questions']"),
        status=400,
    ),
    PageType("past meeting", "meetings.show", meeting_url("meetings.show", "past"), "member"),
    PageType(
        "draft meeting", "meetings.show", meeting_url("meetings.show", "draft", "older"), "convenor"
    ),
    PageType(
        "meetings calendar",
        "meetings.calendar_page",
        forum_url("ld", "meetings.calendar_page"),
        role="member",
    ),
    PageType("new meeting", "meetings.new", forum_url("ld", "meetings.new"), role="convenor"),
    PageType(
        "new meeting with errors",
        "meetings.new",
        forum_url("ld", "meetings.new"),
        role="convenor",
        submit=EMPTY,
        status=400,
    ),
    PageType("edit meeting", "meetings.edit", meeting_url("meetings.edit"), role="convenor"),
    PageType("edit agenda item", "meetings.edit_agenda_item", _agenda_item, role="convenor"),
    PageType("cancel meeting", "meetings.cancel", meeting_url("meetings.cancel"), "convenor"),
    PageType(
        "cancel meeting with errors",
        "meetings.cancel",
        meeting_url("meetings.cancel"),
        role="convenor",
        submit=EMPTY,
        status=400,
    ),
    PageType("move meeting", "meetings.move", meeting_url("meetings.move"), role="convenor"),
    PageType(
        "move meeting with errors",
        "meetings.move",
        meeting_url("meetings.move"),
        role="convenor",
        submit=EMPTY,
        status=400,
    ),
    PageType(
        "prepare for meeting", "meetings.prepare", meeting_url("meetings.prepare"), "convenor"
    ),
    PageType(
        "debrief",
        "meetings.debrief_page",
        meeting_url("meetings.debrief_page", "past"),
        role="convenor",
    ),
    PageType("change an action", "meetings.change_action", _action_url, role="convenor"),
    PageType(
        "change an action with errors",
        "meetings.change_action",
        _action_url,
        role="convenor",
        submit=FormSubmit(selector="main form[action$='/drop']"),
        status=400,
    ),
]


def _budget(demo: Demo, key: str = "ld"):
    from forum_site.models import Budget, Forum

    return demo.first(
        select(Budget).where(Budget.forums.any(Forum.slug == SLUGS[key])).order_by(Budget.id)
    )


def budget_url(endpoint: str, key: str = "ld"):
    return lambda demo: demo.url(endpoint, budget_id=_budget(demo, key).id)


BUDGETS = [
    PageType("budgets list", "budgets.forum_budgets", forum_url("ld", "budgets.forum_budgets")),
    PageType("budget", "budgets.show", budget_url("budgets.show")),
    PageType("budget, in Arabic", "budgets.show", budget_url("budgets.show"), language="ar"),
    PageType(
        "budget, larger text, high contrast",
        "budgets.show",
        budget_url("budgets.show"),
        settings="text_size=larger&high_contrast=1",
    ),
    PageType("budget, member", "budgets.show", budget_url("budgets.show"), role="member"),
    PageType("new budget", "budgets.new", forum_url("ld", "budgets.new"), role="commissioner"),
    PageType(
        "new budget with errors",
        "budgets.new",
        forum_url("ld", "budgets.new"),
        role="commissioner",
        submit=EMPTY,
        status=400,
    ),
    PageType("change budget", "budgets.change", budget_url("budgets.change"), "commissioner"),
    PageType(
        "change budget with errors",
        "budgets.change",
        budget_url("budgets.change"),
        role="commissioner",
        submit=EMPTY,
        status=400,
    ),
    PageType("budget links", "budgets.links", budget_url("budgets.links"), "commissioner"),
]


def _briefing(demo: Demo, published: bool = True, key: str = "ld"):
    from forum_site.models import Briefing, Forum
    from forum_site.models.briefings import BriefingStatus

    status = BriefingStatus.PUBLISHED if published else BriefingStatus.DRAFT
    return demo.first(
        select(Briefing)
        .where(Briefing.status == status, Briefing.forums.any(Forum.slug == SLUGS[key]))
        .order_by(Briefing.id)
    )


def briefing_url(endpoint: str, published: bool = True, key: str = "ld"):
    return lambda demo: demo.url(endpoint, briefing_id=_briefing(demo, published, key).id)


BRIEFINGS = [
    PageType(
        "briefings list", "briefings.forum_briefings", forum_url("ld", "briefings.forum_briefings")
    ),
    PageType("briefing", "briefings.show", briefing_url("briefings.show")),
    PageType("briefing versions", "briefings.versions", briefing_url("briefings.versions")),
    PageType(
        "new briefing", "briefings.new", forum_url("ld", "briefings.new"), role="commissioner"
    ),
    PageType(
        "new briefing with errors",
        "briefings.new",
        forum_url("ld", "briefings.new"),
        role="commissioner",
        submit=EMPTY,
        status=400,
    ),
    PageType(
        "edit briefing",
        "briefings.edit",
        briefing_url("briefings.edit", published=False, key="older"),
        role="commissioner",
    ),
    PageType(
        "writing checker", "briefings.check_page", fixed("briefings.check_page"), "commissioner"
    ),
    PageType(
        "easy read check",
        "easy_read.check",
        lambda demo: demo.url("easy_read.check", kind="briefing", subject_id=_briefing(demo).id),
        role="commissioner",
    ),
]


def _glossary_term(demo: Demo) -> str:
    from forum_site.models import GlossaryEntry

    entry = demo.first(select(GlossaryEntry).order_by(GlossaryEntry.slug))
    return demo.url("glossary.term", slug=entry.slug)


def _common_glossary_term(demo: Demo) -> str:
    """A word with the team's draft explanation in every language (the draft notice)."""
    return demo.url("glossary.term", slug="advocacy")


def _glossary_edit(demo: Demo) -> str:
    return _glossary_term(demo).rstrip("/") + "/edit"


def _rule(demo: Demo) -> str:
    return demo.link(demo.url("glossary.rules"), "/rules/")


GLOSSARY = [
    PageType("glossary", "glossary.index", fixed("glossary.index")),
    PageType("glossary term", "glossary.term", _glossary_term),
    *(
        PageType(
            f"glossary word, draft in {name}", "glossary.term", _common_glossary_term, language=code
        )
        for code, name in (
            ("cy", "Welsh"),
            ("pl", "Polish"),
            ("ar", "Arabic"),
            ("so", "Somali"),
            ("ur", "Urdu"),
        )
    ),  # fmt: skip
    PageType("new glossary term", "glossary.new", fixed("glossary.new"), role="admin"),
    PageType(
        "new glossary term with errors",
        "glossary.new",
        fixed("glossary.new"),
        role="admin",
        submit=EMPTY,
        status=400,
    ),
    PageType("edit glossary term", "glossary.edit", _glossary_edit, role="admin"),
    PageType("writing rules", "glossary.rules", fixed("glossary.rules")),
    PageType("writing rule", "glossary.rule", _rule),
]


def _contribution(demo: Demo, key: str = "ld"):
    from forum_site.models import Contribution

    return demo.first(
        select(Contribution)
        .where(Contribution.forum_id == _forum_id(demo, key))
        .order_by(Contribution.id)
    )


def _waiting_contribution(demo: Demo) -> str:
    """A point still waiting for an outcome, in a forum the council commissioner
    works with: they see the answer form."""
    from forum_site.models import Contribution
    from forum_site.models.contributions import Status, Visibility

    found = demo.first(
        select(Contribution)
        .where(
            Contribution.forum_id.in_([_forum_id(demo, "ld"), _forum_id(demo, "older")]),
            Contribution.status.in_([Status.RECEIVED, Status.CONSIDERING]),
            Contribution.visibility != Visibility.PRIVATE,
        )
        .order_by(Contribution.id)
    )
    return demo.url("contributions.show", contribution_id=found.id)


def _typed_in_contribution(demo: Demo) -> str:
    """A point the convenor typed in from a paper form: they may correct or withdraw it."""
    from forum_site.models import Contribution

    found = demo.first(
        select(Contribution)
        .where(
            Contribution.forum_id == _forum_id(demo, "ld"), Contribution.recorded_by_id.is_not(None)
        )
        .order_by(Contribution.id)
    )
    return demo.url("contributions.put_right", contribution_id=found.id)


def _own_contribution(demo: Demo) -> str:
    """A point the demo member made themselves: they may change (until answered) or withdraw it."""
    from forum_site.models import Contribution, User

    found = demo.first(
        select(Contribution)
        .join(User, User.id == Contribution.author_id)
        .where(User.email == ROLES["member"], Contribution.recorded_by_id.is_(None))
        .order_by(Contribution.first_answered_at.is_not(None), Contribution.id)
    )
    return demo.url("contributions.change_mine", contribution_id=found.id)


def _decision(demo: Demo, key: str = "ld"):
    from forum_site.models import Decision

    return demo.first(
        select(Decision).where(Decision.forum_id == _forum_id(demo, key)).order_by(Decision.id)
    )


CONTRIBUTIONS = [
    PageType(
        "contributions",
        "contributions.forum_contributions",
        forum_url("ld", "contributions.forum_contributions"),
        role="member",
    ),
    PageType(
        "contribution with errors",
        "contributions.forum_contributions",
        forum_url("ld", "contributions.forum_contributions"),
        role="member",
        submit=FormSubmit(
            selector="main form[method=post]:is([action$='/contributions'], [action$='/contributions#say'])"
        ),
        status=400,
    ),
    PageType(
        "contributions, commissioner",
        "contributions.forum_contributions",
        forum_url("ld", "contributions.forum_contributions"),
        role="commissioner",
    ),
    PageType(
        "contribution",
        "contributions.show",
        lambda demo: demo.url("contributions.show", contribution_id=_contribution(demo).id),
        role="member",
    ),
    PageType(
        "contribution, commissioner",
        "contributions.show",
        lambda demo: demo.url("contributions.show", contribution_id=_contribution(demo).id),
        role="commissioner",
    ),
    PageType(
        "answer with errors",
        "contributions.show",
        _waiting_contribution,
        role="commissioner",
        submit=FormSubmit(selector="form[action$='/answers']"),
        status=400,
    ),
    PageType(
        "put a point right", "contributions.put_right", _typed_in_contribution, role="convenor"
    ),
    PageType("change your point", "contributions.change_mine", _own_contribution, role="member"),
    PageType(
        "put a point right with errors",
        "contributions.put_right",
        _typed_in_contribution,
        role="convenor",
        submit=FormSubmit(selector="main form[action$='/put-right']"),
        status=400,
    ),
    PageType(
        "record contribution",
        "contributions.record",
        forum_url("ld", "contributions.record"),
        role="convenor",
    ),
    PageType(
        "record contribution with errors",
        "contributions.record",
        forum_url("ld", "contributions.record"),
        role="convenor",
        submit=EMPTY,
        status=400,
    ),
    PageType(
        "waiting for answers",
        "contributions.waiting",
        fixed("contributions.waiting"),
        "commissioner",
    ),
    PageType(
        "you said, we did",
        "contributions.you_said_we_did",
        forum_url("ld", "contributions.you_said_we_did"),
    ),
    PageType(
        "forum impact", "contributions.forum_impact", forum_url("ld", "contributions.forum_impact")
    ),
    PageType(
        "who had a say", "contributions.forum_reach", forum_url("ld", "contributions.forum_reach")
    ),
    PageType(
        "who had a say across an organisation",
        "contributions.organisation_reach",
        lambda demo: demo.url(
            "contributions.organisation_reach",
            organisation_id=demo.forum("ld").organisations[0].id,
        ),
    ),
    PageType(
        "organisation impact",
        "contributions.organisation_impact",
        lambda demo: demo.url(
            "contributions.organisation_impact",
            organisation_id=demo.forum("ld").organisations[0].id,
        ),
    ),
]

DECISIONS = [
    PageType(
        "decisions", "decisions.forum_decisions", forum_url("ld", "decisions.forum_decisions")
    ),
    PageType(
        "decision",
        "decisions.show",
        lambda demo: demo.url("decisions.show", decision_id=_decision(demo).id),
    ),
    PageType("new decision", "decisions.new", forum_url("ld", "decisions.new"), "commissioner"),
    PageType(
        "new decision with errors",
        "decisions.new",
        forum_url("ld", "decisions.new"),
        role="commissioner",
        submit=EMPTY,
        status=400,
    ),
]


def _paper_form(demo: Demo) -> str:
    """The quick-entry page for a meeting's printed form, made as printing it would."""
    from forum_site.services import paper_forms

    found = paper_forms.form_for_meeting(demo.session, demo.viewer("convenor"), _meeting(demo))
    demo.session.commit()
    return demo.url("pdfs.quick_entry", code=found.code)


PDFS = [
    PageType("paper forms", "pdfs.enter_code", fixed("pdfs.enter_code"), role="convenor"),
    PageType(
        "paper forms with errors",
        "pdfs.enter_code",
        fixed("pdfs.enter_code"),
        role="convenor",
        submit=EMPTY,
        status=400,
    ),
    PageType("paper form entry", "pdfs.quick_entry", _paper_form, role="convenor"),
    PageType(
        "paper form entry with errors",
        "pdfs.quick_entry",
        _paper_form,
        role="convenor",
        submit=FormSubmit(selector="main form[method=post]"),
        status=400,
    ),
    PageType("PDF being made", "pdfs.wait", fixed("pdfs.wait", key="0" * 64, next="/")),
]

AREAS: list[PageType] = [
    *MEETINGS,
    *BUDGETS,
    *BRIEFINGS,
    *GLOSSARY,
    *CONTRIBUTIONS,
    *DECISIONS,
    *PDFS,
]
