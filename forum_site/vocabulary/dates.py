"""How dates and times are written (CLDR patterns for Babel's format_date / format_time)."""

from __future__ import annotations

from datetime import datetime

DAY_AND_DATE = "EEEE d MMMM y"  # Wednesday 25 November 2026
DATE = "d MMMM y"  # 25 November 2026
DAY_AND_MONTH = "EEEE d MMMM"  # Wednesday 25 November (a reminder's title)
TIME = "h:mm a"  # 6:30 PM
# Times are written one way in standard words (6:30 PM) and one way in easy read
# (6:30pm, easyread.formats.easy_time): never a 24-hour "18:30" beside a "6:30 PM".
DATE_AND_TIME_SHORT = "d MMM y, h:mm a"  # 25 Nov 2026, 6:30 PM (histories, logs)
MONTH = "MMM yyyy"  # Nov 2026 (chart axes)
MONTH_LONG = "MMMM y"  # November 2026 (easy read)


def in_a_message(local: datetime) -> str:
    """Wednesday 25 November 2026 at 6:30 PM, for messages written in English by services."""
    hour = local.hour % 12 or 12
    return f"{local:%A} {local.day} {local:%B %Y} at {hour}:{local:%M} {'AM' if local.hour < 12 else 'PM'}"
