"""Simple bar charts drawn on the server as SVG: no JavaScript, print well, and each one
sits next to a table with the same numbers for screen readers and people who prefer one."""

from __future__ import annotations

from dataclasses import dataclass, field

from forum_site.services.small_numbers import Count

WIDTH = 640
HEIGHT = 260
LEFT = 40
BOTTOM = 40
TOP = 16


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int | float
    series: int


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    x_labels: list[tuple[float, str]]
    y_ticks: list[tuple[float, int]]
    series: list[str]
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = HEIGHT - BOTTOM
    left: int = LEFT
    rows: list[tuple[str, list]] = field(default_factory=list)


def bar_chart(categories: list[str], series: list[tuple[str, list[int]]]) -> Chart:
    """Grouped bars: one group per category (a month), one bar per series in each group."""
    top = max([max(values, default=0) for _, values in series] + [1])
    plot_height = HEIGHT - BOTTOM - TOP
    group = (WIDTH - LEFT) / max(len(categories), 1)
    bar_width = min(28.0, group * 0.8 / max(len(series), 1))
    bars = []
    for i in range(len(categories)):
        start = LEFT + i * group + (group - bar_width * len(series)) / 2
        for s, (_, values) in enumerate(series):
            height = plot_height * values[i] / top
            bars.append(
                Bar(
                    start + s * bar_width, HEIGHT - BOTTOM - height, bar_width, height, values[i], s
                )
            )
    labels = [(LEFT + (i + 0.5) * group, text) for i, text in enumerate(categories)]
    ticks = [(HEIGHT - BOTTOM - plot_height * v / top, v) for v in sorted({0, top // 2, top})]
    rows = [(text, [values[i] for _, values in series]) for i, text in enumerate(categories)]
    return Chart(bars, labels, ticks, [name for name, _ in series], rows=rows)


@dataclass(frozen=True)
class ShareBar:
    label: str
    count: Count
    percent: float | None  # of the whole; None when the count is hidden (no bar drawn)


def share_bars(items: list[tuple[str, Count]], whole: int) -> list[ShareBar]:
    """Horizontal bars, one per item, each as long as its share of the whole. Drawn in
    HTML rows, so a long label wraps instead of being cut at 320 px."""
    return [
        ShareBar(label, count, None if count.hidden or not whole else 100 * count.value / whole)
        for label, count in items
    ]
