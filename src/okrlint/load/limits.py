"""Input limits every loader's result is held to, whatever the format it came from."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from okrlint.model import InputError, OKRSet
from okrlint.text.facts import MAX_ANALYSED_CHARS


def oversized_texts(sets: Iterable[OKRSet]) -> tuple[InputError, ...]:
    """An input error for each title or description longer than the text analysis reads.

    The object is still linted (on its first MAX_ANALYSED_CHARS characters); the error says so, so
    that a pasted document in a title field is seen, not silently half-checked.
    """
    return tuple(_oversized(sets))


def _oversized(sets: Iterable[OKRSet]) -> Iterator[InputError]:
    for okr_set in sets:
        for objective in okr_set.objectives:
            for field in ("title", "description"):
                yield from _check(objective, "objective", field)
            for kr in objective.key_results:
                yield from _check(kr, "key result", "title")


def _check(obj, kind: str, field: str) -> Iterator[InputError]:
    text = getattr(obj, field) or ""
    if len(text) > MAX_ANALYSED_CHARS:
        yield InputError(
            f"the {kind} {field} is {len(text):,} characters long; only its first {MAX_ANALYSED_CHARS:,} are analysed",
            obj.location_of(field),
        )
