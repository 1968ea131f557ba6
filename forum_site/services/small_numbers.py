"""Counts people see: under 5 a count is shown as "fewer than 5", so nobody can be picked out.

One rule for every page that counts people or their points (a consultation's "What we
heard", who had a say in a forum)."""

from __future__ import annotations

from dataclasses import dataclass

SMALL = 5  # counts from 1 to SMALL - 1 are shown as "fewer than 5"


@dataclass(frozen=True)
class Count:
    value: int

    @property
    def is_small(self) -> bool:
        return 0 < self.value < SMALL
