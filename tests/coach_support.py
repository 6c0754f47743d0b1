"""Helpers of the coach-review tests: one engine's text facts, and the findings of one rule on a YAML body."""

from __future__ import annotations

from okrlint.config import Config
from okrlint.engine import Engine

ENGINE = Engine(Config())


def facts(text: str):
    return ENGINE.analyser.analyse(text)


def findings(tmp_path, body: str, select: str) -> list[tuple[int, str]]:
    """(line, message) of every finding of the rule ``select`` on ``body`` written as a team's YAML file."""
    path = tmp_path / "team.okr.yaml"
    path.write_text(body, encoding="utf-8")
    engine = Engine(Config(select=[select]))
    return [(f.location.line, f.message) for f in engine.run([str(path)]).findings]
