"""Baselines: accept today's findings, report only new ones.

A finding's key is its file (relative to the baseline file, so the baseline works from any working
directory), its rule code, and its object id — or, for findings about no object, its message with
numbers and spacing normalised. Line numbers are never part of the key, so moving text around does
not make old findings new. Keys are counted: if an object had two findings of a rule in the baseline
and has three now, one is new.

A file renamed or moved keeps its findings baselined: an entry whose file no longer exists is matched, after the
exact matches, by its team, rule, object and message alone (a finding of the same team, rule and object in a file
the baseline does not know). An entry of a file that still exists is never matched elsewhere: a finding fixed there
does not hide a new one in another file.

internal-error (OKR001) findings are never recorded nor hidden: a rule or plugin that failed did not check what it
should have, and a baseline must not turn such a run green (docs/security.md).
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import attrs

from okrlint.model import Finding

FORMAT_VERSION = 1
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


class BaselineError(ValueError):
    pass


@attrs.frozen
class BaselineKey:
    file: str
    code: str
    object_id: str  # the object's own id; for an object without one, its title (see subjects_of)
    message: str  # normalised; empty when the object identifies the finding


@attrs.frozen
class FilterResult:
    new: tuple[Finding, ...]
    baselined: int


def normalise_message(message: str) -> str:
    return _SPACE.sub(" ", _DIGITS.sub("#", message)).strip().casefold()


def _relative_file(file: str, root: Path) -> str:
    path = Path(file)
    if not path.is_absolute():
        path = Path.cwd() / path
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def never_baselined(finding: Finding) -> bool:
    """Whether a finding is always reported, whatever a baseline says: an internal-error (a rule that failed)."""
    from okrlint.rules.registry import INTERNAL_ERROR

    return finding.code == INTERNAL_ERROR.code


def subjects_of(org) -> dict[str, str]:
    """object id -> what a baseline knows the object by. An object with an id of its own is known by it; one
    without (a draft's key result, whose generated id "team/o1/kr2" counts its position) by its title, so that
    inserting or moving key results does not pass old findings off as new ones or hide new ones."""
    subjects: dict[str, str] = {}
    if org is None:
        return subjects
    for okr_set in org.sets:
        for objective in okr_set.objectives:
            items = [objective, *objective.key_results]
            for item in items:
                if not getattr(item, "id", None) and item.title.strip():
                    subjects[item.uid] = "title:" + normalise_message(item.title)
    return subjects


def key_of(finding: Finding, root: Path, subjects: dict[str, str] | None = None) -> BaselineKey:
    message = "" if finding.object_id else normalise_message(finding.message)
    subject = (subjects or {}).get(finding.object_id, finding.object_id)
    return BaselineKey(_relative_file(finding.location.file, root), finding.code, subject, message)


def write_baseline(path: Path, findings: Iterable[Finding], subjects: dict[str, str] | None = None) -> int:
    """Write the findings to ``path``; returns how many were recorded."""
    root = path.resolve().parent
    entries = []
    for finding in findings:
        if never_baselined(finding):
            continue
        key = key_of(finding, root, subjects)
        entry = {
            "file": key.file, "code": finding.code, "name": finding.name, "object_id": finding.object_id,
            "message": finding.message, "line": finding.location.line,
        }
        if key.object_id != finding.object_id:
            entry["subject"] = key.object_id  # the title it is known by (older baselines have the id only)
        if finding.team:
            entry["team"] = finding.team  # what a renamed file's findings are still known by (older baselines: none)
        entries.append(entry)
    entries.sort(key=lambda e: (e["file"], e["code"], e["object_id"], e["message"]))
    document = {"okrlint_baseline": FORMAT_VERSION, "findings": entries}
    try:
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write: {exc.strerror or exc}") from None
    return len(entries)


def read_baseline(path: Path) -> Counter[BaselineKey]:
    counts: Counter[BaselineKey] = Counter()
    for key, _team in _read_entries(path):
        counts[key] += 1
    return counts


def _read_entries(path: Path) -> list[tuple[BaselineKey, str]]:
    """(key, team) of each entry; the team is "" in a baseline written before teams were kept."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", 1)
        raise BaselineError(f"{path}:{line}: not a JSON baseline file: {exc}") from None
    except RecursionError:  # '[' * 100000: a baseline is a flat list of findings
        raise BaselineError(f"{path}:1: not a JSON baseline file: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        raise BaselineError(f"{path}:1: not a JSON baseline file: {exc}") from None
    if not isinstance(document, dict) or document.get("okrlint_baseline") != FORMAT_VERSION:
        raise BaselineError(f"{path}: not an okrlint baseline (expected \"okrlint_baseline\": {FORMAT_VERSION})")
    entries = document.get("findings")
    if not isinstance(entries, list):
        raise BaselineError(f"{path}: 'findings' must be a list")
    found = []
    for index, entry in enumerate(entries):
        try:
            object_id = str(entry.get("object_id") or "")
            message = "" if object_id else normalise_message(str(entry["message"]))
            subject = str(entry.get("subject") or object_id)
            found.append((BaselineKey(str(entry["file"]), str(entry["code"]), subject, message),
                          str(entry.get("team") or "")))
        except (AttributeError, KeyError, TypeError):
            raise BaselineError(f"{path}: finding #{index + 1} lacks 'file', 'code' or 'message'") from None
    return found


def filter_new(path: Path, findings: Iterable[Finding], subjects: dict[str, str] | None = None) -> FilterResult:
    """The findings that the baseline at ``path`` does not account for."""
    entries = _read_entries(path)
    remaining: Counter[BaselineKey] = Counter(key for key, _team in entries)
    root = path.resolve().parent
    unmatched: list[tuple[int, Finding, BaselineKey]] = []
    kept: list[tuple[int, Finding]] = []
    baselined = 0
    for order, finding in enumerate(findings):
        if never_baselined(finding):  # even when an older baseline recorded it
            kept.append((order, finding))
            continue
        key = key_of(finding, root, subjects)
        if remaining[key] <= 0 and key.object_id != finding.object_id:
            key = attrs.evolve(key, object_id=finding.object_id)  # a baseline written before titles were kept
        if remaining[key] > 0:
            remaining[key] -= 1
            baselined += 1
        else:
            unmatched.append((order, finding, key))
    if unmatched:
        # A renamed or moved file: its entries, left over because their file is gone, match by team, rule, object
        # and message. Entries of files that exist stay where they are.
        known_files = {key.file for key in remaining}
        gone = {file for file in known_files if not (root / file).exists()}
        moved: Counter[tuple[str, str, str, str]] = Counter()
        left = Counter(remaining)
        for key, team in entries:
            if key.file in gone and left[key] > 0:
                left[key] -= 1
                moved[(team, key.code, key.object_id, key.message)] += 1
        for order, finding, key in unmatched:
            for team in (finding.team, ""):  # "": an entry of a baseline written before teams were kept
                wanted = (team, key.code, key.object_id, key.message)
                if moved[wanted] > 0:
                    moved[wanted] -= 1
                    baselined += 1
                    break
            else:
                kept.append((order, finding))
    return FilterResult(tuple(finding for _order, finding in sorted(kept, key=lambda pair: pair[0])), baselined)
