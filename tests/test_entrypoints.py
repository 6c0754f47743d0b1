"""okrlint reads plugin entry points without importlib.metadata; it must find what importlib.metadata finds."""

from __future__ import annotations

import importlib.metadata
import sys

from okrlint.entrypoints import entry_points


def _dist(folder, name, text, kind="dist-info"):
    meta = folder / f"{name}.{kind}"
    meta.mkdir(parents=True)
    (meta / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name.split('-')[0]}\nVersion: 1.0\n")
    if text is not None:
        (meta / "entry_points.txt").write_text(text)


def _importlib_view(path, group):
    seen, found = set(), []
    for dist in importlib.metadata.distributions(path=path):
        key = dist.metadata["Name"].lower().replace("_", "-")
        if key in seen:
            continue
        seen.add(key)
        found += [(ep.name, ep.value) for ep in dist.entry_points if ep.group == group]
    return sorted(found)


def test_same_entry_points_as_importlib_metadata(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    _dist(first, "okrlint_acme-1.2", "[okrlint]\nacme = okrlint_acme.plugin\n\n[console_scripts]\nx = y:z\n")
    _dist(first, "other-0.1", "# a comment\n[okrlint]\ngov = other.rules:Plugin [extra]\n")
    _dist(first, "no_points-3.0", None)
    _dist(second, "okrlint_acme-1.0", "[okrlint]\nolder = shadowed.by:first\n")  # the first on the path wins
    _dist(second, "legacy", "[okrlint]\nlegacy = legacy_mod\n", kind="egg-info")
    path = [str(first), str(second), str(tmp_path / "missing"), str(tmp_path / "x.zip")]
    ours = sorted((ep.name, ep.value) for ep in entry_points("okrlint", path))
    assert ours == _importlib_view(path, "okrlint")
    assert ("older", "shadowed.by:first") not in ours
    assert ("legacy", "legacy_mod") in ours


def test_this_interpreter_agrees_with_importlib_metadata():
    for group in ("console_scripts", "pytest11", "okrlint"):
        expected = sorted((ep.name, ep.value) for ep in importlib.metadata.entry_points(group=group))
        assert sorted((ep.name, ep.value) for ep in entry_points(group)) == expected


def test_load_resolves_module_and_attribute(tmp_path, monkeypatch):
    (tmp_path / "ep_target_mod.py").write_text("class Outer:\n    class Inner:\n        value = 7\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    _dist(tmp_path / "site", "target-1.0", "[okrlint]\nt = ep_target_mod:Outer.Inner [fast]\nm = ep_target_mod\n")
    points = {ep.name: ep for ep in entry_points("okrlint", [str(tmp_path / "site")])}
    assert points["t"].load().value == 7
    assert points["m"].load() is sys.modules["ep_target_mod"]


def test_a_kept_listing_is_read_again_when_a_distribution_is_installed(tmp_path, monkeypatch):
    import okrlint.entrypoints as entrypoints
    import okrlint.text.segment as segment

    monkeypatch.setattr(segment, "_private_dir", tmp_path / "private")
    entrypoints._kept.forget()
    site = tmp_path / "site"
    _dist(site, "first-1.0", "[okrlint]\nfirst = first_mod\n")
    assert [ep.name for ep in entry_points("okrlint", [str(site)])] == ["first"]
    assert [ep.name for ep in entry_points("okrlint", [str(site)])] == ["first"]  # from the kept listing
    _dist(site, "second-1.0", "[okrlint]\nsecond = second_mod\n")
    import os

    os.utime(site, ns=(0, os.stat(site).st_mtime_ns + 1))  # filesystems with coarse times: make the change visible
    assert [ep.name for ep in entry_points("okrlint", [str(site)])] == ["first", "second"]
    entrypoints._kept.forget()
