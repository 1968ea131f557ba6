"""Counts people see: under 5 a count is shown as "fewer than 5", so nobody can be picked out.

One rule for every page that counts people or their points (a consultation's "What we
heard", who had a say in a forum)."""

from __future__ import annotations

from dataclasses import dataclass

SMALL = 5  # counts from 1 to SMALL - 1 are shown as "fewer than 5"


@dataclass(frozen=True)
class Count:
    value: int
    # Not small, but not shown either: with it and the total, a small count beside it
    # could be worked out by subtraction (see ``parts_of``).
    withheld: bool = False

    @property
    def is_small(self) -> bool:
        return 0 < self.value < SMALL

    @property
    def hidden(self) -> bool:
        return self.is_small or self.withheld


def parts_of(total: int, parts: list[int]) -> list[Count]:
    """Counts that add up to a total that is shown. One small count hidden alone could be
    worked out (the total minus the others), so the next smallest counts are withheld
    with it until the hidden ones together are at least SMALL."""
    counts = [Count(value) for value in parts]
    if total < SMALL or not any(0 < value < SMALL for value in parts):
        return counts  # a small total is hidden itself: nothing to take away from
    hidden = {i for i, value in enumerate(parts) if 0 < value < SMALL}
    while sum(parts[i] for i in hidden) < SMALL:
        shown = [i for i, value in enumerate(parts) if value and i not in hidden]
        if not shown:
            break
        hidden.add(min(shown, key=lambda i: parts[i]))
    return [
        Count(value, withheld=i in hidden and not 0 < value < SMALL)
        for i, value in enumerate(parts)
    ]
