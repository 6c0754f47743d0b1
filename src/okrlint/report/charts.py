"""Geometry for the inline-SVG bar charts of the HTML report (templates only draw what this computes)."""

from __future__ import annotations

from collections import Counter

import attrs

from okrlint.report.overview import SEVERITY_ORDER


@attrs.frozen
class Segment:
    severity: str
    count: int
    x: float
    width: float


@attrs.frozen
class BarRow:
    label: str
    total: int
    y: float
    segments: tuple[Segment, ...]


@attrs.frozen
class BarChart:
    rows: tuple[BarRow, ...]
    width: int
    height: int
    label_width: int
    bar_height: int


def stacked_bars(groups: tuple[tuple[str, Counter], ...], width: int = 560, label_width: int = 150,
                 bar_height: int = 22, gap: int = 8) -> BarChart:
    """One horizontal bar per group, split by severity; the longest bar fills the plot area."""
    plot = width - label_width - 40  # room for the total written after the bar
    largest = max((sum(c.values()) for _, c in groups), default=0) or 1
    rows = []
    for position, (label, counts) in enumerate(groups):
        x = float(label_width)
        segments = []
        for severity in SEVERITY_ORDER:
            count = counts.get(severity, 0)
            if count:
                length = plot * count / largest
                segments.append(Segment(severity, count, round(x, 1), round(length, 1)))
                x += length
        rows.append(BarRow(label, sum(counts.values()), position * (bar_height + gap), tuple(segments)))
    height = max(1, len(rows)) * (bar_height + gap)
    return BarChart(tuple(rows), width, height, label_width, bar_height)
