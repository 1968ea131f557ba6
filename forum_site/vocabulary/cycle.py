"""The 12 stages of the commissioning cycle, in order (PRODUCT.md)."""

from __future__ import annotations

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

# Easy read: what is happening now, as one sentence ("Where this meeting fits").
EASY_NOW = {
    CycleStage.INVOLVEMENT_FRAMEWORK: _l(
        "The council and members are agreeing how members have their say."
    ),
    CycleStage.OPERATING_CONTEXT: _l("The council is looking at the rules and the money it has."),
    CycleStage.NEEDS_ASSESSMENT: _l("The council is working out what people need."),
    CycleStage.OVERALL_BUDGET: _l("The council is working out how much money there is."),
    CycleStage.STRATEGIC_FRAMEWORK: _l("The council is writing down its big plan."),
    CycleStage.TEST_AND_REFINE: _l("The council is trying out ideas and making them better."),
    CycleStage.AGREE_PRIORITIES: _l("The council is agreeing what matters most."),
    CycleStage.DECISION_POINT: _l("The council is making the decision."),
    CycleStage.PROCUREMENT: _l("The council is choosing who will run the service."),
    CycleStage.IMPLEMENTATION: _l("The new service is starting."),
    CycleStage.MONITORING: _l("The council is checking that the service works well."),
    CycleStage.REVIEW: _l("The council is looking back to learn for next time."),
}

# Easy read: what comes after, said of the next stage ("Next, ...").
EASY_NEXT = {
    CycleStage.INVOLVEMENT_FRAMEWORK: _l(
        "Next, everyone will agree again how members have their say."
    ),
    CycleStage.OPERATING_CONTEXT: _l(
        "Next, the council will look at the rules and the money it has."
    ),
    CycleStage.NEEDS_ASSESSMENT: _l("Next, the council will work out what people need."),
    CycleStage.OVERALL_BUDGET: _l("Next, the council will work out how much money there is."),
    CycleStage.STRATEGIC_FRAMEWORK: _l("Next, the council will plan the service."),
    CycleStage.TEST_AND_REFINE: _l("Next, the council will try out ideas and make them better."),
    CycleStage.AGREE_PRIORITIES: _l("Next, the council will agree what matters most."),
    CycleStage.DECISION_POINT: _l("Next, the council will make the decision."),
    CycleStage.PROCUREMENT: _l("Next, the council will choose who will run the service."),
    CycleStage.IMPLEMENTATION: _l("Next, the new service will start."),
    CycleStage.MONITORING: _l("Next, the council will check that the service works well."),
    CycleStage.REVIEW: _l("Next, the council will look back and learn."),
}


def next_stage(stage: CycleStage) -> CycleStage:
    """The stage after this one; after review the circle starts again."""
    order = list(CycleStage)
    return order[(order.index(stage) + 1) % len(order)]


def easy_where(stage: CycleStage) -> list:
    """Where a meeting fits, in easy read: what is happening now, then what comes next."""
    return [EASY_NOW[stage], EASY_NEXT[next_stage(stage)]]
