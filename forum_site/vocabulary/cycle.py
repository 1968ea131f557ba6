"""The 12 stages of the commissioning cycle, in order (PRODUCT.md)."""

from __future__ import annotations

from collections.abc import Sequence

from forum_site.models.accounts import Organisation, OrganisationKind
from forum_site.models.meetings import CycleStage
from forum_site.words import _l

STAGE_LABELS = {
    CycleStage.INVOLVEMENT_FRAMEWORK: _l("Agree a framework for involvement"),
    CycleStage.OPERATING_CONTEXT: _l("Operating context"),
    CycleStage.NEEDS_ASSESSMENT: _l("Needs assessment"),
    CycleStage.OVERALL_BUDGET: _l("Overall budget"),
    CycleStage.STRATEGIC_FRAMEWORK: _l("Strategic framework"),
    CycleStage.TEST_AND_REFINE: _l("Test and refine"),
    CycleStage.AGREE_PRIORITIES: _l("Agree priorities"),
    CycleStage.DECISION_POINT: _l("Decision point"),
    CycleStage.PROCUREMENT: _l("Procurement (buying services)"),
    CycleStage.IMPLEMENTATION: _l("Implementation (putting it in place)"),
    CycleStage.MONITORING: _l("Monitoring and evaluation"),
    CycleStage.REVIEW: _l("Review"),
}

# Easy read: each stage's step in plain words, without the commissioning words (the topic
# page lists them). One vocabulary for every page that shows the cycle in easy read.
EASY_STAGES = {
    CycleStage.INVOLVEMENT_FRAMEWORK: _l("We agree how you will have your say"),
    CycleStage.OPERATING_CONTEXT: _l("We look at the rules and the money we have"),
    CycleStage.NEEDS_ASSESSMENT: _l("We find out what people need"),
    CycleStage.OVERALL_BUDGET: _l("We work out how much money there is"),
    CycleStage.STRATEGIC_FRAMEWORK: _l("We write down the big plan"),
    CycleStage.TEST_AND_REFINE: _l("We try out ideas and make them better"),
    CycleStage.AGREE_PRIORITIES: _l("We agree what matters most"),
    CycleStage.DECISION_POINT: _l("The decision is made"),
    CycleStage.PROCUREMENT: _l("We choose who will run the service"),
    CycleStage.IMPLEMENTATION: _l("The new service starts"),
    CycleStage.MONITORING: _l("We check the service is working"),
    CycleStage.REVIEW: _l("We look back and learn"),
}

# Easy read: who plans and pays for the service, by the organisation's kind: the NHS is
# never called "the council" (issue 14). A charity or other body is named.
BODY_AT_START = {OrganisationKind.COUNCIL: _l("The council"), OrganisationKind.NHS: _l("The NHS")}
BODY = {OrganisationKind.COUNCIL: _l("the council"), OrganisationKind.NHS: _l("the NHS")}
NOBODY_AT_START, NOBODY = _l("The organisers"), _l("the organisers")

# Easy read: what is happening now, as one sentence ("Where this meeting fits"). Said in
# the past tense ("started"), so the verb is right for one body or two.
EASY_NOW = {
    CycleStage.INVOLVEMENT_FRAMEWORK: _l(
        "%(body)s and members are agreeing how members have their say."
    ),
    CycleStage.OPERATING_CONTEXT: _l(
        "%(body)s started looking at the rules and the money there is."
    ),
    CycleStage.NEEDS_ASSESSMENT: _l("%(body)s started working out what people need."),
    CycleStage.OVERALL_BUDGET: _l("%(body)s started working out how much money there is."),
    CycleStage.STRATEGIC_FRAMEWORK: _l("%(body)s started writing down the big plan."),
    CycleStage.TEST_AND_REFINE: _l("%(body)s started trying out ideas and making them better."),
    CycleStage.AGREE_PRIORITIES: _l("%(body)s started agreeing what matters most."),
    CycleStage.DECISION_POINT: _l("%(body)s started making the decision."),
    CycleStage.PROCUREMENT: _l("%(body)s started choosing who will run the service."),
    CycleStage.IMPLEMENTATION: _l("The new service is starting."),
    CycleStage.MONITORING: _l("%(body)s started checking that the service works well."),
    CycleStage.REVIEW: _l("%(body)s started looking back to learn for next time."),
}

# Easy read: what comes after, said of the next stage ("Next, ...").
EASY_NEXT = {
    CycleStage.INVOLVEMENT_FRAMEWORK: _l(
        "Next, everyone will agree again how members have their say."
    ),
    CycleStage.OPERATING_CONTEXT: _l(
        "Next, %(body)s will look at the rules and the money there is."
    ),
    CycleStage.NEEDS_ASSESSMENT: _l("Next, %(body)s will work out what people need."),
    CycleStage.OVERALL_BUDGET: _l("Next, %(body)s will work out how much money there is."),
    CycleStage.STRATEGIC_FRAMEWORK: _l("Next, %(body)s will plan the service."),
    CycleStage.TEST_AND_REFINE: _l("Next, %(body)s will try out ideas and make them better."),
    CycleStage.AGREE_PRIORITIES: _l("Next, %(body)s will agree what matters most."),
    CycleStage.DECISION_POINT: _l("Next, %(body)s will make the decision."),
    CycleStage.PROCUREMENT: _l("Next, %(body)s will choose who will run the service."),
    CycleStage.IMPLEMENTATION: _l("Next, the new service will start."),
    CycleStage.MONITORING: _l("Next, %(body)s will check that the service works well."),
    CycleStage.REVIEW: _l("Next, %(body)s will look back and learn."),
}


def body_name(organisations: Sequence[Organisation], at_start: bool = False) -> str:
    """ "the council", "the NHS", "the council and the NHS" or a charity's name, from the
    kind of each organisation that plans the service (each kind said once)."""
    said: list[str] = []
    for organisation in organisations:
        words = (BODY_AT_START if at_start and not said else BODY).get(organisation.kind)
        name = str(words) if words is not None else organisation.name
        if name.lower() not in {s.lower() for s in said}:
            said.append(name)
    if not said:
        return str(NOBODY_AT_START if at_start else NOBODY)
    if len(said) == 1:
        return said[0]
    return str(_l("%(first)s and %(second)s", first=", ".join(said[:-1]), second=said[-1]))


def next_stage(stage: CycleStage) -> CycleStage:
    """The stage after this one; after review the circle starts again."""
    order = list(CycleStage)
    return order[(order.index(stage) + 1) % len(order)]


def easy_where(stage: CycleStage, organisations: Sequence[Organisation] = ()) -> list:
    """Where a meeting fits, in easy read: what is happening now, then what comes next,
    naming the body that plans the service (``organisations``: see who_plans)."""
    now, after = EASY_NOW[stage], EASY_NEXT[next_stage(stage)]
    return [
        _l(now.msgid, body=body_name(organisations, at_start=True)),
        _l(after.msgid, body=body_name(organisations)),
    ]
