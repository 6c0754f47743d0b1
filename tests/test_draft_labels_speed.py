"""The fuzzy label matcher rules labels out by their characters before the edit-distance table."""

from okrlint.load import draft_labels


def test_character_filter_keeps_every_typo_the_table_finds():
    # For every label a typo may stand for, one- and two-edit typos are still found with the filter in place.
    for label, kind, field, allowed, _ in draft_labels._fuzzy_entries():
        typo = label[:-1] + ("x" if label[-1] != "x" else "y")  # one substitution
        draft_labels._closest_label.cache_clear()
        best = draft_labels._closest_label(typo)
        assert best is not None and best[0] <= 1, (label, typo)
        swapped = label[:2] + label[3] + label[2] + label[4:]  # a swap of neighbours
        if swapped != label:
            best = draft_labels._closest_label(swapped)
            assert best is not None and best[0] <= 1, (label, swapped)


def test_unrelated_heading_is_no_label():
    draft_labels._closest_label.cache_clear()
    assert draft_labels._closest_label("quality revenue churn") is None
