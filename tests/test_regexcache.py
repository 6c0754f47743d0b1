"""Compiled patterns kept between runs must behave exactly like re.compile, and a bad cache file changes nothing."""

from __future__ import annotations

import marshal
import re

import pytest

from okrlint.text import regexcache


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    import okrlint.text.segment as segment

    monkeypatch.setattr(segment, "_private_dir", tmp_path)
    regexcache._store.forget()
    yield tmp_path
    regexcache._store.forget()  # later tests read the real folder again


PATTERNS = [
    (r"(?P<value>\d+(?:[.,]\d+)?)\s*(?P<unit>%|บาท|baht)(?!\w)", re.IGNORECASE),
    (r"^(?:(?:by|until)\s)?(?:the\s)?end\sof\s", 0),
    (r"[๐-๙]+|\b(?:one|two|หนึ่ง|สอง)\b", 0),
    (r"""(?x) a  # comment
         (?P<b>b)?c""", 0),
    (r"(?i)ไตรมาส\s*(\d)", re.MULTILINE),
]


def _same(a: re.Pattern, b: re.Pattern, text: str) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    assert [m.groupdict() or m.groups() for m in a.finditer(text)] == [m.groupdict() or m.groups() for m in b.finditer(text)]


def test_fresh_and_cached_patterns_match_like_re(fresh_cache):
    text = "by the end of 2026: 12,5 baht, ๑๒ บาท, one two, abc ac, ไตรมาส 1 ไตรมาส2"
    for pattern, flags in PATTERNS:
        _same(re.compile(pattern, flags), regexcache.compile(pattern, flags), text)
    regexcache._store.save()
    assert list(fresh_cache.glob("regex-*.marshal"))
    regexcache._store.forget()  # a new run: patterns now come from the file
    for pattern, flags in PATTERNS:
        _same(re.compile(pattern, flags), regexcache.compile(pattern, flags), text)
        assert (pattern, int(flags)) in regexcache._store.data()
        # the code is kept as bytes (read far faster than a list of ints) and handed to the engine as a list
        assert type(regexcache._store.data()[(pattern, int(flags))][1]) is bytes


def test_damaged_cache_file_falls_back_to_compiling(fresh_cache):
    regexcache.compile(*PATTERNS[0])
    regexcache._store.save()
    (path,) = fresh_cache.glob("regex-*.marshal")
    key = (PATTERNS[0][0], int(PATTERNS[0][1]))
    store = marshal.loads(path.read_bytes())
    store[key] = (0, [1, 2, 3], 0, {}, ())  # code the regex engine rejects
    path.write_bytes(marshal.dumps(store))
    regexcache._store.forget()
    _same(re.compile(*PATTERNS[0]), regexcache.compile(*PATTERNS[0]), "12 บาท")
    path.write_bytes(b"\x00not marshal")
    regexcache._store.forget()
    _same(re.compile(*PATTERNS[1]), regexcache.compile(*PATTERNS[1]), "by the end of")


def test_every_okrlint_pattern_compiles_the_same(fresh_cache):
    import okrlint.text.numbers  # noqa: F401 - compiles its patterns through the cache at import
    import okrlint.text.periods as periods

    patterns = [v for v in vars(periods).values() if hasattr(v, "_args")]
    assert patterns
    for lazy in patterns:
        _same(re.compile(*lazy._args), regexcache.compile(*lazy._args), "Q1 2026 ไตรมาส 1/2569 FY2570")


def test_a_full_store_keeps_what_this_run_uses_and_drops_the_rest(tmp_path):
    from okrlint.text import stored

    kept = stored.KeptDict(lambda: "test-store.marshal", max_entries=3)
    kept._data = {"old-a": 1, "old-b": 2, "used": 3}  # as read from a file written by earlier runs
    assert kept.get("used") == 3
    kept.keep("new", 4)
    assert kept.data() == {"used": 3, "new": 4}


def test_patterns_compiled_through_the_store_during_an_import_behave_like_re(fresh_cache):
    original = re.compile
    with regexcache.compiled_through_store():
        assert re.compile is regexcache.compile
        kept = re.compile(PATTERNS[0][0], PATTERNS[0][1])
    assert re.compile is original
    _same(kept, original(*PATTERNS[0]), "12,5 baht")


def test_pyyaml_is_imported_through_the_store_and_reads_yaml_as_usual():
    import yaml as plain

    from okrlint.load.pyyaml import yaml

    assert yaml is plain  # one PyYAML module, whoever imported it first
    assert yaml.load("a: [1, 'x']\nb: ไทย\n", Loader=yaml.SafeLoader) == {"a": [1, "x"], "b": "ไทย"}


def test_bytes_patterns_compiled_through_the_store_are_compiled_by_re(fresh_cache):
    with regexcache.compiled_through_store():
        pattern = re.compile(rb"^[ \t]*#", re.ASCII)
    assert pattern.match(b"  # comment")
