"""Compiled regular expressions kept between runs.

The number, period and draft readers use about a hundred patterns, several of them long alternations of
Thai and English words. Python compiles a pattern in pure Python (``re._parser``/``re._compiler``): ~20 ms
of every start-up, more than linting a small file. The compiled form is a list of integers, so it is kept
in okrlint's private per-user folder (marshal, keyed by the interpreter's version and its regex engine's
magic number) and handed straight to the regex engine next time, which validates it before use. Anything
unexpected falls back to ``re.compile``: the cache can only make a run faster, never different.
"""

from __future__ import annotations

import re
import sys

from okrlint.text import stored

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # another Python implementation: plain re.compile
    _sre = None

_re_compile = re.compile  # the real one, also while compiled_through_store() routes re.compile here

MAX_ENTRIES = 1500  # several times okrlint's own patterns; when full, those no run uses any more go


def _filename() -> str:
    version = "-".join(str(part) for part in sys.version_info[:3])
    return f"regex-{sys.implementation.cache_tag}-{version}-{_sre.MAGIC}-{_sre.CODESIZE}-b.marshal"


# A pattern's code is kept as the bytes of its integers: marshal reads one bytes object several times faster
# than a list of thousands of ints, and only the patterns a run compiles are turned back into lists.
_CODE_FORMAT = {2: "H", 4: "I", 8: "Q"}.get(getattr(_sre, "CODESIZE", 0)) if _sre is not None else None


_store = stored.KeptDict(_filename, MAX_ENTRIES)


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the cache when this interpreter compiled it before."""
    if _sre is None or not isinstance(pattern, str):
        return _re_compile(pattern, flags)
    key = (pattern, int(flags))
    entry = _store.get(key)
    if entry is not None:
        try:
            kept_flags, code, *rest = entry
            return _sre.compile(pattern, kept_flags, memoryview(code).cast(_CODE_FORMAT).tolist(), *rest)
        except Exception:  # noqa: BLE001 - a stale or damaged entry: compile afresh below
            pass
    try:
        compiled, entry = _compile_keeping_code(pattern, int(flags))
    except Exception:  # noqa: BLE001 - re's internals changed: behave exactly like re.compile
        return _re_compile(pattern, flags)
    _store.keep(key, entry)
    return compiled


def remembered(kind: str, key: str, build) -> str:
    """A pattern's source text built by ``build()`` (e.g. a trie of a few thousand phrases), kept in the same
    store under ``(kind, key)``; ``key`` must hold everything the text is built from."""
    text = _store.get((kind, key))
    if type(text) is not str:
        text = build()
        _store.keep((kind, key), text)
    return text


def _compile_keeping_code(pattern: str, flags: int):
    # What re._compiler.compile does, keeping the arguments it hands to the engine.
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    code = [int(op) for op in code]  # named int constants -> plain ints
    entry = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    compiled = _sre.compile(pattern, *entry)
    from array import array

    if _CODE_FORMAT is None or array(_CODE_FORMAT).itemsize != _sre.CODESIZE:
        raise ValueError("no array format for this regex engine's code size")  # compile() then uses re.compile
    return compiled, (entry[0], array(_CODE_FORMAT, code).tobytes(), *entry[2:])


class compiled_through_store:
    """``with compiled_through_store(): import some_library`` — the patterns a library compiles at import come
    from this store too (``re.compile`` is routed here for the duration, and restored after)."""

    def __enter__(self):
        _store.data()  # read first: reading it compiles patterns of its own, which must not come back here
        self._compile = re.compile
        re.compile = compile
        return self

    def __exit__(self, *exc) -> None:
        re.compile = self._compile
