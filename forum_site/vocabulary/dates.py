"""How dates and times are written (CLDR patterns for Babel's format_date / format_time)."""

from __future__ import annotations

from datetime import datetime

DAY_AND_DATE = "EEEE d MMMM y"  # Wednesday 25 November 2026
DATE = "d MMMM y"  # 25 November 2026
DAY_AND_MONTH = "EEEE d MMMM"  # Wednesday 25 November (a reminder's title)
TIME = "h:mm a"  # 6:30 PM
DATE_AND_TIME_SHORT = "d MMM y, HH:mm"  # 25 Nov 2026, 18:30 (histories, logs)
MONTH = "MMM yyyy"  # Nov 2026 (chart axes)
MONTH_LONG = "MMMM y"  # November 2026 (easy read)


def in_a_message(local: datetime) -> str:
    """Wednesday 25 November 2026 at 18:30, for messages written in English by services."""
    return f"{local:%A} {local.day} {local:%B %Y} at {local:%H:%M}"
