"""Health scores: 100 minus weighted penalties for findings, clamped to 0–100 (see docs/reports.md).

* objective score = 100 − Σ penalty of the findings on the objective and on its key results;
* team score = mean of its objective scores − Σ penalty of the findings on the set itself;
* org score = mean of the team scores weighted by their number of objectives − Σ penalty of org-level findings.
"""

from __future__ import annotations

import attrs

from okrlint.model import Finding, Severity


@attrs.frozen
class Penalties:
    """Points one finding costs, by severity."""

    error: int = 15
    warning: int = 6
    info: int = 1

    def of(self, severity: Severity) -> int:
        return {Severity.ERROR: self.error, Severity.WARNING: self.warning, Severity.INFO: self.info}[severity]


def finding_penalty(finding: Finding, penalties: Penalties = Penalties()) -> int:
    return penalties.of(finding.severity)


def clamp_score(value: float) -> int:
    return int(round(min(100.0, max(0.0, value))))


GOOD, FAIR = 85, 60


def grade(score: int) -> str:
    """A word for the colour of a score: good (≥85), fair (≥60) or poor."""
    if score >= GOOD:
        return "good"
    if score >= FAIR:
        return "fair"
    return "poor"
