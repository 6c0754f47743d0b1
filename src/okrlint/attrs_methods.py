"""The methods attrs writes for okrlint's classes, compiled once per machine instead of at every start.

attrs builds ``__init__``, ``__eq__``, ``__hash__`` and ``__repr__`` of each class as Python source and
compiles it when the class is defined. okrlint defines about sixty classes on the way to linting one
file, and those compilations were a fifth of a single-file run's time in the process. The compiled code
is kept in okrlint's private per-user folder (marshal, like the interpreter's own ``.pyc`` files), keyed
by the source text and file name attrs gives it and the interpreter's version; it is
evaluated exactly as attrs would evaluate its own compilation. Anything unexpected in attrs' internals
leaves attrs as it is: this can only make a start faster, never different.
"""

from __future__ import annotations

import __future__
import sys
import types

from okrlint.text import stored

MAX_ENTRIES = 2000  # okrlint's own classes and a generous number of plugins' classes


def _filename() -> str:
    # Not keyed by the attrs version: asking attrs for it imports importlib.metadata (14 ms). The key holds
    # the source attrs generated, and the same source compiles to the same code whatever attrs wrote it.
    python = "-".join(str(part) for part in sys.version_info[:3])
    return f"attrs-methods-{sys.implementation.cache_tag}-{python}.marshal"


_store = stored.KeptDict(_filename, MAX_ENTRIES)
_installed = False


def install() -> None:
    """Route attrs' compilation of generated methods through the store (once per process)."""
    global _installed
    if _installed:
        return
    _installed = True
    try:
        _make = _import_attrs_make()
    except ImportError:  # pragma: no cover - attrs is a dependency
        return
    original = getattr(_make, "_compile_and_eval", None)
    if original is None or original.__code__.co_varnames[:4] != ("script", "globs", "locs", "filename"):
        return  # another attrs: leave it alone
    flags = __future__.annotations.compiler_flag if getattr(_make, "annotations", None) is __future__.annotations else 0

    def compile_and_eval(script, globs, locs=None, filename=""):
        if "okrlint" not in filename:  # "<attrs generated methods okrlint.model.Location>"; others untouched
            return original(script, globs, locs, filename)
        code = _kept_code(script, filename, lambda: compile(script, filename, "exec", flags=flags, dont_inherit=True))
        eval(code, globs, locs)  # noqa: S307 - attrs' own generated source, compiled as attrs compiles it

    _make._compile_and_eval = compile_and_eval


def _import_attrs_make():
    """``attr._make``, imported with the methods of attrs' own classes (Attribute, Factory …: 28 compilations of
    generated source when the module is first imported) compiled through the store too."""
    import builtins

    if "attr._make" in sys.modules:
        return sys.modules["attr._make"]
    real_compile = builtins.compile

    def compile_kept(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **options):
        if (type(source) is str and type(filename) is str and filename.startswith("<attrs generated ")
                and mode == "exec" and not flags and not dont_inherit and optimize == -1 and not options):
            return _kept_code(source, filename, lambda: real_compile(source, filename, mode))
        return real_compile(source, filename, mode, flags, dont_inherit, optimize, **options)

    builtins.compile = compile_kept
    try:
        from attr import _make
    finally:
        builtins.compile = real_compile
    return _make


def _kept_code(script: str, filename: str, compile_script) -> types.CodeType:
    """The code of attrs' generated ``script``, from the store when this source was compiled before."""
    # The generated __hash__ mixes in hash() of "<attrs generated hash module.Class>", which differs in every
    # process: it is taken out of the key and the current value put into the stored code.
    type_hash = str(hash("<attrs generated hash " + filename.rsplit(" ", 1)[-1]))
    key = (filename, script.replace(type_hash, "<type hash>"))
    entry = _store.get(key)
    code = None
    if type(entry) is tuple and len(entry) == 2 and type(entry[0]) is types.CodeType:
        code = _with_constant(entry[0], entry[1], int(type_hash)) if entry[1] is not None else entry[0]
    if code is None:
        code = compile_script()
        _store.keep(key, (code, int(type_hash) if type_hash in script else None))
    return code


def _with_constant(code: types.CodeType, old: int, new: int) -> types.CodeType | None:
    """``code`` with the integer constant ``old`` replaced by ``new``, in nested functions too."""
    consts = tuple(
        new if type(c) is int and c == old else _with_constant(c, old, new) if type(c) is types.CodeType else c
        for c in code.co_consts
    )
    if any(c is None and type(o) is types.CodeType for c, o in zip(consts, code.co_consts)):
        return None
    return code.replace(co_consts=consts)
