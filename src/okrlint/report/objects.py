"""The ``objects`` list of machine reports: every objective and key result with its tags."""

from __future__ import annotations

def object_rows(result) -> list[dict]:
    return list(iter_object_rows(result))


def iter_object_rows(result):
    for okr_set in result.org.sets:
        for objective in okr_set.objectives:
            yield _row(objective, okr_set, result)
            for kr in objective.key_results:
                yield _row(kr, okr_set, result)


def _row(obj, okr_set, result) -> dict:
    row = {
        "id": obj.uid,
        "kind": obj.kind,
        "team": okr_set.team,
        "file": obj.location.file,
        "line": obj.location.line,
        "tags": list(result.tags_of(obj, okr_set)),
    }
    if obj.location.sheet is not None:
        row["sheet"] = obj.location.sheet
    if obj.location.page is not None:  # a PDF's page, a deck's slide: "line" alone repeats on every page
        row["page"] = obj.location.page
    return row
