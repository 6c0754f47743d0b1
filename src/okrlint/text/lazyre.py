"""Regular expressions compiled on first use.

Modules that read many text forms (periods, draft labels) define dozens of patterns, and compiling them
all at import cost a noticeable share of a small run's start-up, although one input uses a few.
"""

from __future__ import annotations

_METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """Stands for ``re.compile(pattern, flags)``; compiles on the first use, then is as fast as the pattern."""

    def __init__(self, pattern: str, flags: int = 0):
        self._args = (pattern, flags)

    def __getattr__(self, name: str):
        from okrlint.text import regexcache

        compiled = regexcache.compile(*self._args)
        for method in _METHODS:  # bound methods stored on the instance: later calls skip __getattr__
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
