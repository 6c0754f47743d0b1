"""Fingerprints that identify a finding across runs, whatever line it moved to.

A fingerprint hashes the rule, the object id, the message with digits and spacing normalised, and where the
object lives: its team when the finding is about an object of a team (so renaming or moving the file keeps every
fingerprint: code scanning does not close and reopen the alerts), else the file. It never includes line or column
numbers. The message is the rule's English one, whatever
language findings are shown in (``--messages``), so switching languages keeps every fingerprint. Findings
that would share a fingerprint in one run get an ordinal suffix so that every finding's fingerprint is
unique (GitLab requires that).
"""

from __future__ import annotations

import hashlib
import re

from okrlint.model import Finding
from okrlint.report.messages import canonical_message

_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


def normalised_message(message: str) -> str:
    return _SPACE.sub(" ", _DIGITS.sub("0", message)).strip().casefold()


def base_fingerprint(finding: Finding) -> str:
    where = f"team:{finding.team}" if finding.team and finding.object_id else finding.location.file
    parts = (where, finding.code, finding.object_id, normalised_message(canonical_message(finding)))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def fingerprints(findings) -> list[str]:
    """One unique fingerprint per finding, in the same order."""
    seen: dict[str, int] = {}
    out = []
    for finding in findings:
        base = base_fingerprint(finding)
        count = seen.get(base, 0)
        seen[base] = count + 1
        out.append(base if count == 0 else hashlib.sha256(f"{base}:{count}".encode()).hexdigest())
    return out
