"""Review ticks on paper sheets count in the meeting's review results, kept apart as
"on paper"."""

from __future__ import annotations

from forum_site.services import paper_forms
from forum_site.services.meetings import debrief as meetings_debrief
from forum_site.services.viewer import load_viewer
from tests.factories import make_forum, make_user
from tests.factories_meetings import make_meeting, make_review


def test_paper_ticks_count_and_are_kept_apart(client, db):
    convenor, member = make_user(db), make_user(db)
    forum = make_forum(db, convenors=[convenor], members=[member])
    meeting = make_meeting(db, forum, days_from_now=-2, title="Spring meeting")
    make_review(db, meeting, member, purpose_clear=3, listened_to=2)
    form = paper_forms.form_for_meeting(db, load_viewer(db, convenor), meeting)
    for clear, listened in ((3, 3), (1, None)):  # the second sheet left one question blank
        paper_forms.record_sheet(
            db,
            load_viewer(db, convenor),
            form,
            paper_forms.Sheet(purpose_clear=clear, listened_to=listened),
        )
    (result,) = meetings_debrief.review_results(db, forum.id)
    assert result.responses == 3 and result.on_paper == 2
    assert result.purpose_clear == {3: 2, 2: 0, 1: 1}
    assert result.listened_to == {3: 1, 2: 1, 1: 0}
    assert result.paper_purpose_clear == {3: 1, 2: 0, 1: 1}
    assert result.paper_listened_to == {3: 1, 2: 0, 1: 0}
    assert result.share_yes("listened_to") == 0.5  # of the two who answered it
    page = client.get(f"/forums/{forum.slug}/meetings")
    row = page.soup.select_one(".review-table tbody tr").get_text(" ", strip=True)
    assert "2 of them answered on paper" in row
    assert "clear 1 / 0 / 1, listened to 1 / 0 / 0" in row
