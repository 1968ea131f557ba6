"""All models, imported here so Alembic and create_all() see every table.

Each area adds its module to this list.
"""

from forum_site.models.accounts import (
    CommissionerLink,
    Organisation,
    OrganisationKind,
    TextSize,
    User,
)
from forum_site.models.briefings import (
    Briefing,
    BriefingStatus,
    BriefingVersion,
    KeptTerm,
    KeptTermKind,
    UnclearSignal,
    briefing_forum,
    briefing_meeting,
)
from forum_site.models.budgets import (
    Budget,
    BudgetChange,
    BudgetLine,
    BudgetNoticeSeen,
    BudgetRevision,
    ChangeWhat,
    LineKind,
    budget_briefing,
    budget_forum,
    budget_meeting,
)
from forum_site.models.contributions import (
    Contribution,
    ContributionAnswer,
    ContributionSupport,
    Source,
    Status,
    Visibility,
)
from forum_site.models.decisions import (
    Decision,
    DecisionMaker,
    decision_agenda_item,
    decision_contribution,
)
from forum_site.models.easy_read import EasyReadVersion
from forum_site.models.forums import (
    Forum,
    Invitation,
    JoinRequest,
    JoinStatus,
    Membership,
    Role,
    forum_organisation,
)
from forum_site.models.glossary import GlossaryEntry, GlossarySource
from forum_site.models.meetings import (
    AgendaItem,
    CalendarKey,
    ClosedTopic,
    Meeting,
    MeetingAction,
    MeetingChange,
    MeetingQuestion,
    MeetingReply,
    MeetingReview,
    PrepTask,
)
from forum_site.models.messages import InboxMessage, OutgoingEmail
from forum_site.models.paper_forms import PaperForm, PaperFormAnswer, PaperFormEntry
from forum_site.models.translations import (
    ContentTranslation,
    LanguageReviewer,
    TranslationCheck,
)

__all__ = [
    "EasyReadVersion",
    "PaperForm",
    "PaperFormAnswer",
    "PaperFormEntry",
    "Contribution",
    "ContributionAnswer",
    "ContributionSupport",
    "Decision",
    "DecisionMaker",
    "Source",
    "Status",
    "Visibility",
    "decision_agenda_item",
    "decision_contribution",
    "Briefing",
    "BriefingStatus",
    "BriefingVersion",
    "GlossaryEntry",
    "GlossarySource",
    "KeptTerm",
    "KeptTermKind",
    "UnclearSignal",
    "briefing_forum",
    "briefing_meeting",
    "Budget",
    "BudgetChange",
    "BudgetLine",
    "BudgetNoticeSeen",
    "BudgetRevision",
    "ChangeWhat",
    "LineKind",
    "budget_briefing",
    "budget_forum",
    "budget_meeting",
    "AgendaItem",
    "CalendarKey",
    "ClosedTopic",
    "Meeting",
    "MeetingAction",
    "MeetingChange",
    "MeetingQuestion",
    "MeetingReply",
    "MeetingReview",
    "PrepTask",
    "CommissionerLink",
    "Forum",
    "InboxMessage",
    "Invitation",
    "JoinRequest",
    "JoinStatus",
    "Membership",
    "Organisation",
    "OutgoingEmail",
    "OrganisationKind",
    "Role",
    "TextSize",
    "User",
    "forum_organisation",
    "ContentTranslation",
    "LanguageReviewer",
    "TranslationCheck",
]
