"""Benchmark for printable PDFs (issue 8).

    .venv/bin/python bench/bench_pdf.py [--runs 5]

Builds a public forum with a meeting whose easy-read meeting pack is about 12 pages
(agenda, briefings, budget, "you said, we did"; text written for this benchmark) in a
throw-away SQLite database, then in one run, alternating:

- full: downloading the easy-read pack through the web app with an empty cache (load the
  data, build the easy-read document, render the template, hash, WeasyPrint, store);
- weasyprint: WeasyPrint alone on exactly the same final HTML, with the same options;
- cached: downloading the same pack again (must not render: the render counter is checked).

Prints medians in milliseconds and the ratio full / weasyprint. Exits 1 when the ratio is
2 or more, when the pack is not 10 to 14 pages, or when a cached download rendered.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pypdf  # noqa: E402
from weasyprint import HTML  # noqa: E402
from weasyprint.text.fonts import FontConfiguration  # noqa: E402

from forum_site import create_app  # noqa: E402
from forum_site.extensions import db  # noqa: E402
from forum_site.pdf.render import BASE_URL, PDF_VARIANT, StaticFilesOnly, renders  # noqa: E402

TOPICS = [
    ("Opening times at the day centres", "Which days and times suit you best?"),
    ("Transport to and from the centres", "Tell us about the bus and taxi service."),
    ("Choosing the new art group", "Pick one of the two art groups."),
    ("Support for carers", "What help do family carers need on centre days?"),
    ("Activities in the community", "Which activities would you like to try?"),
]
BRIEFING = """## Why things are changing

The council wants day centres to open at times that suit people better. Some people told
us the centres close too early. Others said they would like to go at weekends.
Commissioning means planning what services people need and paying for them.

## What could happen

- Centres could open on Saturdays.
- Transport would still be free for people who need it.
- Nobody would lose their place while we decide.

## What happens next

We will read everything members say. The adult care team will decide in June.
"""


def build_world(app) -> int:
    from forum_site.models import (
        AgendaItem,
        Briefing,
        BriefingStatus,
        Budget,
        BudgetLine,
        ClosedTopic,
        Forum,
        LineKind,
        Meeting,
        Organisation,
        OrganisationKind,
    )
    from forum_site.models.meetings import AccessAnswer, InfluenceLevel, MeetingStatus

    with app.app_context():
        council = Organisation(name="Riverside Council", kind=OrganisationKind.COUNCIL)
        forum = Forum(slug="riverside", name="Riverside Forum", description="Day services.",
                      calendar_secret_salt="salt", organisations=[council])  # fmt: skip
        db.session.add_all([council, forum])
        db.session.flush()
        starts = datetime(2030, 3, 14, 13, 30, tzinfo=UTC)
        meeting = Meeting(
            forum_id=forum.id, title="Spring meeting about day services", starts_at=starts,
            ends_at=starts + timedelta(hours=2), status=MeetingStatus.PUBLISHED,
            purpose="To hear what members think about the new plan for day centres.",
            venue_name="Riverside Community Hall", venue_address="12 Mill Lane",
            step_free=AccessAnswer.YES, paid_for_time=True,
            payment_details="£20 for each meeting, paid by bank transfer.",
        )  # fmt: skip
        db.session.add(meeting)
        db.session.flush()
        levels = list(InfluenceLevel)
        for n, (title, question) in enumerate(TOPICS):
            db.session.add(AgendaItem(meeting_id=meeting.id, position=n, title=title,
                                      what_we_want=question, influence=levels[n % 4],
                                      decision_maker="The adult care team"))  # fmt: skip
        db.session.add(ClosedTopic(meeting_id=meeting.id, topic="Closing the Mill Lane centre",
                                   reason="The council decided this last year."))  # fmt: skip
        for title, body in (("Day centre opening times", BRIEFING), ("Transport", BRIEFING[:300])):
            db.session.add(Briefing(title=title, summary="A short guide.", body=body,
                                    status=BriefingStatus.PUBLISHED, forums=[forum],
                                    meetings=[meeting], published_at=starts))  # fmt: skip
        budget = Budget(organisation_id=council.id, title="Day services budget",
                        period_start=date(2030, 4, 1), period_end=date(2031, 3, 31),
                        total_pence=250_000_00, forums=[forum], meetings=[meeting])  # fmt: skip
        db.session.add(budget)
        db.session.flush()
        for n, (name, pence) in enumerate([("Staff", 180_000_00), ("Activities", 40_000_00),
                                           ("Transport", 30_000_00)]):  # fmt: skip
            db.session.add(BudgetLine(budget_id=budget.id, position=n, name=name,
                                      amount_pence=pence, kind=LineKind.FIXED))  # fmt: skip
        db.session.commit()
        return meeting.id


def timed(action):
    start = time.perf_counter()
    result = action()
    return (time.perf_counter() - start) * 1000, result


def weasyprint_alone(html: str) -> bytes:
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesOnly())
    return document.write_pdf(pdf_variant=PDF_VARIANT, font_config=FontConfiguration())


def final_html_for(app, meeting_id: int) -> str:
    from forum_site.pdf.documents import Version, final_html
    from forum_site.pdf.meeting_pack import meeting_pack
    from forum_site.services.viewer import ANONYMOUS

    with app.test_request_context("/"):
        return final_html(meeting_pack(db.session, ANONYMOUS, meeting_id), Version.EASY_READ)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    work = Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{work}/bench.sqlite3",
                      "SECRET_KEY": "bench", "RATELIMIT_ENABLED": False, "REDIS_URL": None,
                      "PDF_CACHE_DIR": str(work / "cache-0")})  # fmt: skip
    with app.app_context():
        from flask_migrate import upgrade

        upgrade(revision="heads")
    meeting_id = build_world(app)
    url = f"/print/meetings/{meeting_id}/pack/easy-read.pdf"
    client = app.test_client()
    first = client.get(url)  # warm up: fonts, templates, glossary, picture files
    assert first.status_code == 200, first.get_data(as_text=True)[:500]
    pages = len(pypdf.PdfReader(io.BytesIO(first.data)).pages)
    html = final_html_for(app, meeting_id)
    weasyprint_alone(html)

    full, alone, cached, cached_renders = [], [], [], 0
    for run in range(1, runs + 1):
        app.config["PDF_CACHE_DIR"] = str(work / f"cache-{run}")  # empty: must render
        ms, response = timed(lambda: client.get(url))
        assert response.status_code == 200
        full.append(ms)
        alone.append(timed(lambda: weasyprint_alone(html))[0])
        before = renders.count
        ms, again = timed(lambda: client.get(url))
        cached_renders += renders.count - before
        assert again.data == response.data
        cached.append(ms)

    full_ms, alone_ms, cached_ms = (statistics.median(x) for x in (full, alone, cached))
    ratio = full_ms / alone_ms
    print(f"easy-read meeting pack: {pages} pages, {len(html):,} characters of HTML, {runs} runs")
    print(f"full download, empty cache : median {full_ms:8.1f} ms  (runs: {_list(full)})")
    print(f"WeasyPrint alone, same HTML: median {alone_ms:8.1f} ms  (runs: {_list(alone)})")
    print(f"ratio full / WeasyPrint    : {ratio:.2f}  (must be under 2)")
    print(f"cached download            : median {cached_ms:8.1f} ms, renders: {cached_renders}")
    ok = ratio < 2 and 10 <= pages <= 14 and cached_renders == 0
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


def _list(values) -> str:
    return ", ".join(f"{v:.0f}" for v in values)


if __name__ == "__main__":
    sys.exit(main())
