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
