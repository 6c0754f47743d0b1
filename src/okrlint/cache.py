"""A content-addressed cache of per-file results (``.okrlint_cache/``), and of the org-scope findings of an
unchanged organisation.

An entry's key covers everything a file's result depends on: the file's bytes and displayed path, the
okrlint version, the effective configuration, the plugin set, the vocabularies and the rule packs.
Anything that changes one of them simply misses the cache. The org-scope findings are keyed by the keys of
every file of the run, in order, and whether the run holds the whole org: one changed file, one file more
or less, and the org rules run again.

Entries are JSON with a closed set of model types, never pickle: a cache folder committed to a
repository is data from whoever committed it, and must not be able to run code. Nor may it decide a run's
findings: every entry (and every stored run, replay.py) carries an HMAC made with a random key of this user's
own, kept in okrlint's private folder (``cache-key`` in text/segment.py's derived_data_dir). An entry written
by anyone else, or changed since, fails the check and is a cache miss: the file is linted again and the entry
rewritten. So is any entry that cannot be read or decoded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import operator
import os
import sys
from pathlib import Path
from typing import Any

import attrs

from okrlint import __version__, model
from okrlint.load.limits import TooLarge, read_capped
from okrlint.rules.registry import INTERNAL_ERROR

CACHE_DIR_NAME = ".okrlint_cache"
_COMPACT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_FORMAT = 3
_TYPES = {cls.__name__: cls for cls in (
    model.Location, model.Period, model.ExtraField, model.FieldProblem, model.KeyResult, model.Objective,
    model.OKRSet, model.InputError, model.Finding,
)}


_KEY_FILE = "cache-key"
_KEY_BYTES = 32
_secret: bytes | None = None


def secret_key() -> bytes:
    """This user's key for cache entries: 32 random bytes in okrlint's private folder, made on first use.

    The folder is the user's own and writable by nobody else (segment.derived_data_dir), so no file in a
    repository, and nobody who can only write to ``.okrlint_cache``, can make an entry okrlint accepts. When the
    key cannot be kept, a key for this process only is used: entries then never match again (slower, never
    wrong)."""
    global _secret
    if _secret is None:
        _secret = _read_or_make_key()
    return _secret


def _read_or_make_key() -> bytes:
    import secrets

    from okrlint.text.segment import derived_data_dir

    try:
        path = derived_data_dir() / _KEY_FILE
    except OSError:
        return secrets.token_bytes(_KEY_BYTES)
    for _ in range(3):
        try:
            with open(path, "rb") as handle:
                info = os.fstat(handle.fileno())
                key = handle.read(_KEY_BYTES + 1)
            owned = not hasattr(os, "getuid") or info.st_uid == os.getuid()
            if len(key) == _KEY_BYTES and owned and not info.st_mode & 0o077:
                return key
            os.unlink(path)  # damaged, or not ours alone: made again
        except FileNotFoundError:
            pass
        except OSError:
            break
        key = secrets.token_bytes(_KEY_BYTES)
        temporary = path.with_name(f"{_KEY_FILE}.{os.getpid()}.tmp")
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(key)
            try:
                os.link(temporary, path)  # never replaces a key another process has just made: theirs is read
                return key
            except FileExistsError:
                continue
            finally:
                os.unlink(temporary)
        except OSError:
            break
    return secrets.token_bytes(_KEY_BYTES)


def seal(label: str, payload: bytes) -> bytes:
    """The HMAC of ``payload`` stored under ``label`` (an entry's own name: an entry moved elsewhere fails)."""
    return hmac.new(secret_key(), label.encode("utf-8", "surrogateescape") + b"\0" + payload, "sha256").hexdigest().encode()


def sealed(label: str, payload: bytes) -> bytes:
    """What an entry file holds: the HMAC on the first line, then the payload."""
    return seal(label, payload) + b"\n" + payload


def unsealed(label: str, data: bytes) -> bytes | None:
    """The payload of an entry file, or None when its HMAC is not this user's key's for ``label`` and the payload."""
    mac, newline, payload = data.partition(b"\n")
    if not newline or not hmac.compare_digest(mac, seal(label, payload)):
        return None
    return payload


class ResultCache:
    def __init__(self, root: Path, settings_key: str):
        self.root = root
        self.settings_key = settings_key
        self._keys: dict[str, str | None] = {}  # displayed path -> entry key, as computed by get()
        self._folders: set[Path] = set()  # entry folders known to exist

    @staticmethod
    def folder(directory: Path) -> Path:
        """Where entries of this format live in the cache folder ``directory``."""
        return Path(directory) / f"v{_FORMAT}"

    @classmethod
    def open(cls, directory: Path, engine) -> "ResultCache":
        secret_key()  # read (or made) before --jobs workers are forked: they share it
        root = cls.folder(directory)
        try:
            root.mkdir(parents=True, exist_ok=True)
            ignore = Path(directory) / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Created by okrlint.\n*\n", encoding="utf-8")
        except OSError:
            pass  # an unwritable cache is a slower run, not an error
        return cls(root, settings_fingerprint(engine))

    def _entry(self, source) -> Path | None:
        data = source.data
        if data is None:
            try:
                data = read_capped(source.real_path)
            except (OSError, TooLarge):
                return None  # linted without the cache; loading it says what is wrong
        digest = hashlib.sha256()
        digest.update(self.settings_key.encode())
        digest.update(b"\0" + source.path.encode("utf-8", "surrogateescape") + b"\0")
        # found by guessing, a document without OKRs is skipped; named by the user, it is an input error
        digest.update(f"{source.loader.name}\0{'guessed' if source.guessed else 'named'}\0".encode())
        digest.update(data)
        key = digest.hexdigest()
        self._keys[source.path] = key
        return self.root / key[:2] / f"{key}.json"

    def get(self, source):
        from okrlint.engine import FileResult

        path = self._entry(source)
        if path is None:
            return None
        try:
            payload = unsealed(path.name, path.read_bytes())
            if payload is None:
                return None  # not written by this user's okrlint (a committed or planted entry), or changed since
            sets, errors, findings, raw, tags, notes = decode(json.loads(payload))
            return FileResult(tuple(sets), tuple(errors), tuple(findings),
                              raw.encode("utf-8", "surrogateescape") if raw is not None else None,
                              tuple(tuple(t) for t in tags), tuple(notes))
        except Exception:  # noqa: BLE001 - missing or unusable entry (even one nested 100,000 deep): lint the file again
            return None

    def put(self, source, result) -> None:
        if not result.settled or any(f.code == INTERNAL_ERROR.code for f in result.findings):
            return  # a loader or rule that failed or timed out may not do so next time (load, a fixed plugin)
        path = self._entry(source)
        if path is None:
            return
        raw = result.raw.decode("utf-8", "surrogateescape") if result.raw is not None else None
        self._write(path, encode([list(result.sets), list(result.errors), list(result.findings), raw, list(result.tags),
                                  list(result.notes)]))


    # --- org-scope findings ----------------------------------------------------------------------
    def org_key(self, sources, complete) -> str | None:
        """The key of a run over ``sources`` (after get() has seen each of them), or None if one is unknown."""
        keys = [self._keys.get(source.path) for source in sources]
        if not keys or any(key is None for key in keys):
            return None
        digest = hashlib.sha256(f"org\0{self.settings_key}\0{complete}\0".encode())
        digest.update("\0".join(keys).encode())
        return digest.hexdigest()

    def get_org_findings(self, key: str) -> list | None:
        try:
            path = self.root / "org" / f"{key}.json"
            payload = unsealed(f"org/{path.name}", path.read_bytes())
            if payload is None:
                return None
            findings = decode(json.loads(payload))
        except Exception:  # noqa: BLE001 - a damaged entry is a miss
            return None
        if not isinstance(findings, list) or not all(isinstance(f, model.Finding) for f in findings):
            return None
        return findings

    def put_org_findings(self, key: str, findings) -> None:
        if any(f.code == INTERNAL_ERROR.code for f in findings):
            return  # a rule that failed or timed out may not do so next time
        self._write(self.root / "org" / f"{key}.json", encode(list(findings)), "org/")

    def _write(self, path: Path, value, label: str = "") -> None:
        payload = sealed(label + path.name, _COMPACT_JSON(value).encode("utf-8"))
        try:
            if path.parent not in self._folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(path.parent)
            # Written aside and renamed into place: a reader never sees half an entry. The name is this
            # process's own (another process writing the same entry uses another one).
            temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(payload)
            os.replace(temporary, path)
        except OSError:
            pass


def settings_fingerprint(engine) -> str:
    """Everything besides the file that a per-file result depends on (worked out once per engine)."""
    found = getattr(engine, "_settings_fingerprint", None)
    if found is None:
        found = engine._settings_fingerprint = _settings_fingerprint(engine)
    return found


def _settings_fingerprint(engine) -> str:
    config = engine.config
    parts: list[Any] = [
        __version__, sys.version_info[:2], _own_code_stamp(),
        sorted(r.code for r in engine.selected_rules()),
        sorted((r.code, r.origin) for r in engine.registry.rules),
        sorted(config.severity.items()),
        sorted((k, sorted(v.items())) for k, v in config.rule_options.items()),
        sorted((k, v) for k, v in config.per_file_ignores.items()),
        config.language, config.fiscal_year_start_month, sorted(config.column_mapping.items()), config.rule_timeout,
        dt.date.today().strftime("%Y-%m"),  # "this quarter", "next fiscal year" are read relative to today
        sorted(engine.host.manager.list_name_plugin(), key=lambda pair: pair[0]),
    ]
    digest = hashlib.sha256(repr(parts[:-1]).encode())
    for name, plugin in parts[-1]:
        digest.update(name.encode())
        digest.update(_plugin_stamp(plugin).encode())
    for _, path in engine.host.collect("okrlint_vocabulary_paths"):
        digest.update(_file_stamp(Path(path)))
    for path in list(config.vocabulary) + list(config.rule_packs):
        digest.update(_file_stamp(engine._config_path(path)))
    for _, path in engine.host.collect("okrlint_rule_pack_paths"):
        digest.update(_file_stamp(Path(path)))
    return digest.hexdigest()


def _own_code_stamp() -> str:
    """Sizes and times of okrlint's own modules: a changed okrlint never reuses old results."""
    package = Path(__file__).resolve().parent
    stamps = []
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".j2", ".yaml"):
            try:
                info = path.stat()
            except OSError:
                continue
            stamps.append(f"{path.relative_to(package)}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(stamps).encode()).hexdigest()


def _plugin_stamp(plugin) -> str:
    """A plugin's source file contents (so editing a local plugin invalidates the cache)."""
    filename = getattr(plugin, "__file__", None) or getattr(sys.modules.get(type(plugin).__module__), "__file__", None)
    if not filename:
        return repr(type(plugin))
    return _file_stamp(Path(filename)).hex()


def _file_stamp(path: Path) -> bytes:
    try:
        return hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        return b"missing:" + str(path).encode()


# --- a closed JSON codec for the model ------------------------------------------------------------
# Model objects are lists led by a "§Type" tag, then their fields in constructor order; tuples, dicts
# and dates have tags of their own; a string that itself starts with "§" is wrapped so it cannot pass
# for a tag. Decoding builds only the classes listed in _TYPES.

_TAG = "§"
_FIELD_NAMES = {name: tuple(f.name for f in attrs.fields(cls)) for name, cls in _TYPES.items()}
# Per model class: its tag and a C-level getter of all its fields in constructor order.
_MODEL_FIELDS = {cls: (_TAG + name, operator.attrgetter(*_FIELD_NAMES[name])) for name, cls in _TYPES.items()}
_PLAIN = (int, bool, type(None))


def encode(value: Any) -> Any:
    kind = type(value)
    if kind is str:
        return [_TAG + "s", value] if value.startswith(_TAG) else value
    if kind in _PLAIN:
        return value
    model_fields = _MODEL_FIELDS.get(kind)
    if model_fields is not None:
        tag, fields = model_fields
        return [tag, *map(encode, fields(value))]
    if kind is float:
        return value if value == value and value not in (float("inf"), float("-inf")) else [_TAG + "f", repr(value)]
    if kind is model.Severity:
        return [_TAG + "sev", int(value)]
    name = kind.__name__
    if kind is tuple:
        return [_TAG + "t", *map(encode, value)]
    if kind is list:
        return list(map(encode, value))
    if kind is dict:
        return [_TAG + "d"] + [encode(item) for pair in value.items() for item in pair]
    if kind is dt.datetime:
        return [_TAG + "dt", value.isoformat()]
    if kind is dt.date:
        return [_TAG + "date", value.isoformat()]
    if attrs.has(kind):
        raise TypeError(f"cannot cache {name}")
    return str(value)


def decode(value: Any) -> Any:
    if type(value) is not list:
        return value
    if not value or type(value[0]) is not str or not value[0].startswith(_TAG):
        return [decode(v) if type(v) is list else v for v in value]
    tag = value[0][1:]
    cls = _TYPES.get(tag)
    if cls is not None:  # leaves (text, numbers, None) are taken as they are: most fields are leaves
        return cls(*[decode(v) if type(v) is list else v for v in value[1:]])
    if tag == "t":
        return tuple([decode(v) if type(v) is list else v for v in value[1:]])
    if tag == "s":
        return value[1]
    if tag == "d":
        items = value[1:]
        return {_hashable(decode(items[i])): decode(items[i + 1]) for i in range(0, len(items), 2)}
    if tag == "sev":
        return model.Severity(value[1])
    if tag == "date":
        return dt.date.fromisoformat(value[1])
    if tag == "dt":
        return dt.datetime.fromisoformat(value[1])
    if tag == "f":
        return float(value[1])
    raise ValueError("unknown cache entry")


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value
