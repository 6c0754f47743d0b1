"""attrs' generated methods kept between runs behave exactly like attrs' own, and a bad store changes nothing."""

from __future__ import annotations

import attrs
import pytest

from okrlint import attrs_methods


@pytest.fixture
def fresh_store(tmp_path, monkeypatch):
    import okrlint.text.segment as segment

    attrs_methods.install()
    monkeypatch.setattr(segment, "_private_dir", tmp_path)
    attrs_methods._store.forget()
    yield tmp_path
    attrs_methods._store.forget()  # later tests read the real folder again


def make_classes():
    @attrs.frozen
    class Point:
        __module__ = "okrlint.test_fake"
        x: int
        y: int = attrs.field(default=0, converter=int)

    @attrs.define(order=True)
    class Other:
        __module__ = "somebody.else"
        name: str

    return Point, Other


def behaviour(point_cls):
    a, b = point_cls(1, "2"), point_cls(1, 2)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.x = 3  # type: ignore[misc]
    return repr(a), a == b, a != point_cls(2), hash(a) == hash(b), len({a, b})


def test_classes_built_from_the_store_behave_like_attrs_own(fresh_store):
    fresh, _ = make_classes()
    expected = behaviour(fresh)
    assert expected == ("Point(x=1, y=2)", True, True, True, 1)
    store = attrs_methods._store.data()
    assert any("okrlint.test_fake." in filename and "Point" in filename for filename, _ in store)
    assert not any("somebody.else" in filename for filename, _ in store)  # other packages' classes untouched

    attrs_methods._store.save()
    assert list(fresh_store.glob("attrs-methods-*.marshal"))
    # A later process: the stored code, with the class-name hash of another process replaced by this one's.
    for key, (code, type_hash) in list(store.items()):
        if type_hash is not None:
            store[key] = (attrs_methods._with_constant(code, type_hash, 12345), 12345)
    cached, _ = make_classes()
    assert behaviour(cached) == expected
    assert hash(cached(1, 2)) == hash(fresh(1, 2))  # the same value attrs computes in this process


def test_a_damaged_store_is_ignored(fresh_store):
    attrs_methods._store.path().write_bytes(b"\x00 not marshal data")
    point, _ = make_classes()
    assert behaviour(point)[0] == "Point(x=1, y=2)"
    store = attrs_methods._store.data()
    store[next(iter(store))] = ("not code", None)
    point, _ = make_classes()
    assert behaviour(point)[0] == "Point(x=1, y=2)"


_ATTRS_OWN_CLASSES = """
import sys
from okrlint import attrs_methods
attrs_methods.install()
import attr
from attr import _make
hash_name = hash("<attrs generated hash attr._make.Factory>")
consts = _make.Factory.__hash__.__code__.co_consts
kept = sum(1 for key in attrs_methods._store.data() if "attr._make." in key[0])
a, b = _make.Factory(list), _make.Factory(list)
print(hash_name in consts, a == b, hash(a) == hash(b), a != _make.Factory(dict), kept)
"""


def test_attrs_own_classes_are_compiled_through_the_store_too(tmp_path):
    # attrs compiles methods of its own classes (Attribute, Factory …) when attr._make is first imported; a second
    # process takes them from the store, with its own hash of the class name put into __hash__
    import os
    import subprocess
    import sys

    env = {**os.environ, "OKRLINT_CACHE_DIR": str(tmp_path / "private")}
    runs = [subprocess.run([sys.executable, "-c", _ATTRS_OWN_CLASSES], env=env, capture_output=True, text=True,
                           check=True).stdout.split() for _ in range(2)]
    assert runs[0][:4] == runs[1][:4] == ["True"] * 4
    assert int(runs[1][4]) >= 10  # attrs' own methods kept by the first process
