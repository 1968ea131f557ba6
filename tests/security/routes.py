"""What each GET route should answer, by kind of route and who is looking.

Adding a route? Add its endpoint to ROUTES with one of the kinds below; the matrix test
fails for any route in the URL map that is not listed here. Each kind says which
status codes each relation to the forum may get:

- visitor: not signed in;
- outsider: signed in, not in the forum (nor commissioning it);
- reader: a member, or a commissioner of the forum;
- editor: the forum's convenor (or a commissioner, for commissioner pages);
- admin: a site admin.
"""

from __future__ import annotations

OK, SEE_OTHER, FOUND, BAD, FORBIDDEN, MISSING = 200, 303, 302, 400, 403, 404
SIGN_IN_FIRST = {FOUND}  # login_required sends visitors to the sign-in page
REFUSED = {FORBIDDEN, MISSING}

RELATIONS = ("visitor", "outsider", "reader", "editor", "admin")

KINDS: dict[str, dict[str, set[int]]] = {
    # Anyone, anywhere.
    "open": {r: {OK} for r in RELATIONS},
    # Pages about a forum or something in it: a private forum's look missing to outsiders.
    "forum": {
        "visitor": {OK},
        "outsider": {OK},
        "reader": {OK},
        "editor": {OK},
        "admin": {OK},
        "private:visitor": {MISSING, *SIGN_IN_FIRST},
        "private:outsider": {MISSING},
    },
    # The same, but only for signed-in people.
    "forum_signed_in": {
        "visitor": SIGN_IN_FIRST,
        "outsider": {OK, *REFUSED},
        "reader": {OK, *REFUSED},
        "editor": {OK},
        "admin": {OK},
        "private:outsider": {MISSING},
    },
    # Writing and running a forum: convenors / commissioners only.
    "forum_editor": {
        "visitor": SIGN_IN_FIRST | {MISSING},
        "outsider": REFUSED,
        "reader": {OK, *REFUSED},
        "editor": {OK, *REFUSED},
        "admin": {OK},
        "private:outsider": {MISSING},
    },
    # A person's own pages (account, inbox).
    "signed_in": {
        "visitor": SIGN_IN_FIRST,
        "outsider": {OK, MISSING},
        "reader": {OK, MISSING},
        "editor": {OK, MISSING},
        "admin": {OK, MISSING},
    },
    # Admin-only pages answer "not found" (or sign in first) to everyone else.
    "admin": {
        "visitor": SIGN_IN_FIRST | {MISSING, FORBIDDEN},
        "outsider": REFUSED,
        "reader": REFUSED,
        "editor": REFUSED,
        "admin": {OK},
    },
    # A public forum's feed; a private forum has none (only personal links).
    "feed": {
        **{r: {OK} for r in RELATIONS},
        **{f"private:{r}": {MISSING} for r in RELATIONS},
    },
    # Prints of what a forum has to print (letters, cards): "nothing to print" goes back
    # to the page that says so.
    "forum_editor_print": {
        "visitor": SIGN_IN_FIRST | {MISSING},
        "outsider": REFUSED,
        "reader": {OK, SEE_OTHER, *REFUSED},
        "editor": {OK, SEE_OTHER, *REFUSED},
        "admin": {OK, SEE_OTHER},
        "private:outsider": {MISSING},
    },
    # A venue computer's own pages: outside a venue session they send you home.
    "venue": {r: {OK, SEE_OTHER} for r in RELATIONS},
    # Pages for some signed-in people only (a supported member taking over their
    # account): everyone else is sent to their account page.
    "signed_in_some": {
        "visitor": SIGN_IN_FIRST,
        **{r: {OK, SEE_OTHER} for r in ("outsider", "reader", "editor", "admin")},
    },
    # Secret links: a made-up token never works.
    "token": {r: {BAD, MISSING, FOUND, SEE_OTHER} for r in RELATIONS},
    # PDFs and the waiting page: as the forum, plus "being made" answers.
    "pdf": {
        "visitor": {OK, 202, SEE_OTHER, FOUND, MISSING},
        "outsider": {OK, 202, SEE_OTHER, FOUND, MISSING},
        "reader": {OK, 202, SEE_OTHER, FOUND, MISSING},
        "editor": {OK, 202, SEE_OTHER, FOUND, MISSING},
        "admin": {OK, 202, SEE_OTHER, FOUND, MISSING},
        "private:visitor": {MISSING, *SIGN_IN_FIRST},
        "private:outsider": {MISSING},
    },
}

ROUTES = {
    "not_online.attendance_page": "forum_editor",
    "not_online.sign_in_sheet": "forum_editor",
    "not_online.expenses": "forum_editor",
    "not_online.expenses_csv": "forum_editor",
    "not_online.reply_for": "forum_editor",
    "not_online.letters_page": "forum_editor",
    "not_online.letters_pdf": "forum_editor_print",
    "not_online.hub": "forum_editor",
    "not_online.new_person": "forum_editor",
    "not_online.person": "forum_editor",
    "not_online.card_pdf_one": "forum_editor",
    "not_online.cards_sheet": "forum_editor_print",
    "not_online.card_sign_in": "open",
    "not_online.still_there": "venue",
    "not_online.timed_out": "venue",
    "not_online.take_over": "signed_in_some",
    "not_online.confirm_email": "token",
    "translations.choose_language": "signed_in",
    "translations.translate": "signed_in",
    "accounts.account": "signed_in",
    "accounts.change_password": "signed_in",
    "accounts.finish_registration": "token",
    "accounts.forgot_password": "open",
    "accounts.register": "open",
    "accounts.reset_password": "token",
    "accounts.sign_in": "open",
    "briefings.check_page": "signed_in",
    "briefings.edit": "forum_editor",
    "briefings.forum_briefings": "forum",
    "briefings.new": "forum_editor",
    "briefings.show": "forum",
    "briefings.versions": "forum",
    "budgets.change": "forum_editor",
    "budgets.download_csv": "forum",
    "budgets.download_json": "forum",
    "budgets.forum_budgets": "forum",
    "budgets.links": "forum_editor",
    "budgets.new": "forum_editor",
    "budgets.show": "forum",
    "contributions.change_mine": "signed_in",  # the author's own point only
    "contributions.export": "forum_editor",
    "contributions.forum_contributions": "forum",
    "contributions.forum_impact": "forum",
    "contributions.forum_reach": "forum",
    "contributions.topic_reach": "forum",
    "contributions.organisation_impact": "open",
    "contributions.put_right": "forum_editor",
    "contributions.organisation_reach": "open",
    "contributions.record": "forum_editor",
    "contributions.show": "forum",
    "contributions.waiting": "signed_in",
    "contributions.you_said_we_did": "forum",
    "decisions.forum_decisions": "forum",
    "decisions.new": "forum_editor",
    "decisions.show": "forum",
    "easy_read.check": "forum_editor",
    "pictures.static": "token",
    "easy_read.static": "token",
    "forums.accept_invitation": "token",
    "forums.contact": "forum_editor",
    "forums.index": "open",
    "forums.invite": "forum_editor",
    "forums.join": "forum_signed_in",
    "forums.members": "forum_signed_in",
    "forums.new": "admin",
    "forums.requests": "forum_editor",
    "forums.show": "forum",
    "forums.working_together": "forum",
    "forums.write_working_together": "forum_editor",
    "glossary.edit": "admin",
    "glossary.index": "open",
    "glossary.new": "admin",
    "glossary.rule": "token",
    "glossary.rules": "open",
    "glossary.term": "open",
    "search.index": "open",
    "inbox.index": "signed_in",
    "inbox.show": "signed_in",
    "notices.choices": "signed_in",
    "notices.unsubscribe": "token",
    "queue.index": "signed_in",
    "main.accessibility": "open",
    "main.healthz": "open",
    "main.home": "open",
    "main.outbox": "admin",
    "main.pictures": "open",
    "main.settings": "open",
    "meetings.calendar_page": "forum",
    "meetings.cancel": "forum_editor",
    "meetings.change_action": "forum_editor",
    "meetings.debrief_page": "forum_editor",
    "meetings.edit": "forum_editor",
    "meetings.edit_agenda_item": "forum_editor",
    "meetings.forum_feed": "feed",
    "meetings.forum_meetings": "forum",
    "meetings.meeting_ics": "forum",
    "meetings.move": "forum_editor",
    "meetings.new": "forum_editor",
    "meetings.personal_feed": "token",
    "meetings.prepare": "forum_editor",
    "meetings.show": "forum",
    "pdfs.briefing_pdf": "pdf",
    "pdfs.budget_pdf": "pdf",
    "pdfs.enter_code": "signed_in",
    "pdfs.feedback_pdf": "pdf",
    "pdfs.meeting_pack_pdf": "pdf",
    "pdfs.meeting_summary_pdf": "pdf",
    "pdfs.paper_form_pdf": "pdf",
    "pdfs.quick_entry": "token",
    "pdfs.wait": "token",
    "topics.agreement": "forum",
    "topics.consultation": "forum",
    "topics.forum_topics": "forum",
    "topics.links": "forum_editor",
    "topics.move": "forum_editor",
    "topics.new": "forum_editor",
    "topics.new_consultation": "forum_editor",
    "topics.new_item_vote": "forum_editor",
    "topics.new_pressure": "forum_editor",
    "topics.new_question_vote": "forum_editor",
    "topics.show": "forum",
    "topics.vote": "forum",
    "topics.vote_paper": "forum_editor",
    "topics.write_agreement": "forum_editor",
    "translations.index": "open",
    "translations.review": "token",
}


def allowed(kind: str, relation: str, private: bool) -> set[int]:
    table = KINDS[kind]
    if private and f"private:{relation}" in table:
        return table[f"private:{relation}"]
    return table[relation]
