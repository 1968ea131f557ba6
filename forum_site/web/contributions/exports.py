"""The contributions list as CSV. Names come from the same ContributionView the pages use,
so an anonymous point never carries its author's name into a spreadsheet."""

from __future__ import annotations

import csv
import io

from forum_site.models.base import as_utc
from forum_site.web.contributions.wording import (
    author_words,
    source_label,
    status_label,
    visibility_note,
)

COLUMNS = [
    "Number",
    "Date",
    "Who",
    "Who can see the name",
    "How it came in",
    "Topic",
    "Where it has got to",
    "Me too",
    "Days waiting",
    "What was said",
]


def _safe(value) -> str:
    """Stop spreadsheet programs treating a cell as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def contributions_csv(views) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for view in views:
        c = view.contribution
        writer.writerow(
            _safe(value)
            for value in (
                c.id,
                as_utc(c.created_at).date().isoformat(),
                author_words(view.author),
                visibility_note(c.visibility) or "Everyone",
                source_label(c.source),
                c.topic,
                status_label(c.status),
                view.support_count,
                "" if view.days_waiting is None else view.days_waiting,
                c.text,
            )
        )
    return out.getvalue()
