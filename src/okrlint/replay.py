"""Replays of whole runs: an unchanged organisation linted again with the same options gives its last
reports back without linting anything.

A run's key covers everything its reports and exit code depend on: every file's displayed path and
bytes, in order; the discovery problems; the settings of the content cache (okrlint version, effective
configuration, plugins, vocabularies, rule packs, the month for relative periods); the working
directory; each report's format, target and colour; the fail level; the baseline file's bytes; the
template folder's files. One changed byte anywhere and the run is linted as usual (through the per-file
cache, so only changed files are linted again).

Only runs that are worth replaying are kept: no rule failed or timed out, no plugin failed to load,
standard input was not read, and every report's format is known to depend on nothing but the run
(the HTML report carries the time it was made, so it is never replayed). A few recent runs are kept;
older ones are removed as new ones are stored.

A stored run is authenticated as the cache's entries are (cache.seal: an HMAC with this user's private key)
over its key, exit code, standard error, targets and the digest of every stored report; the reports are read
and checked before a byte of them is written. A stored run planted in ``.okrlint_cache/runs`` (committed to a
repository, say) or changed since it was stored is a miss: the run is linted, and stored again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import attrs

from okrlint.load.limits import TooLarge, read_capped

RUNS_KEPT = 6
_META = "run.json"


@attrs.frozen
class StoredRun:
    exit_code: int
    stderr: str
    outputs: tuple[tuple[str | None, bytes], ...]  # (target file or None for standard output, the report's bytes)


def _seal_of(key: str, exit_code: int, stderr: str, targets: list, digests: list[str]) -> str:
    from okrlint.cache import seal

    said = json.dumps([key, exit_code, stderr, targets, digests], ensure_ascii=False)
    return seal(f"run/{key}", said.encode("utf-8", "surrogateescape")).decode()


class RunReplays:
    def __init__(self, folder: Path):
        self.folder = folder

    @classmethod
    def beside(cls, cache_root: Path) -> "RunReplays":
        return cls(cache_root / "runs")

    def get(self, key: str) -> StoredRun | None:
        """The stored run of ``key``, its reports read and checked; None when there is none that this user's
        okrlint stored (anything unreadable, damaged, forged or changed is a miss)."""
        import hmac

        folder = self.folder / key
        try:
            meta = json.loads((folder / _META).read_bytes())
            targets, exit_code, stderr, mac = meta["targets"], meta["exit"], meta["stderr"], meta["mac"]
            if (type(targets) is not list or not all(t is None or type(t) is str for t in targets)
                    or type(exit_code) is not int or type(stderr) is not str or type(mac) is not str):
                return None
            contents = [(folder / str(index)).read_bytes() for index in range(len(targets))]
            digests = [hashlib.sha256(data).hexdigest() for data in contents]
            if not hmac.compare_digest(mac.encode(), _seal_of(key, exit_code, stderr, targets, digests).encode()):
                return None
            return StoredRun(exit_code, stderr, tuple(zip(targets, contents)))
        except Exception:  # noqa: BLE001 - unreadable or damaged (nested 100,000 deep, wrong types): lint again
            return None

    def recorder(self, key: str) -> "RunRecorder":
        return RunRecorder(self, key)

    def _prune(self) -> None:
        try:
            runs = sorted((p for p in self.folder.iterdir() if p.is_dir() and not p.name.endswith(".tmp")),
                          key=lambda p: p.stat().st_mtime_ns, reverse=True)
        except OSError:
            return
        for old in runs[RUNS_KEPT:]:
            shutil.rmtree(old, ignore_errors=True)


class RunRecorder:
    """Collects what a run writes (standard error, each report) and stores it under the run's key."""

    def __init__(self, replays: RunReplays, key: str):
        self.replays = replays
        self.key = key
        self.stderr: list[str] = []
        self.targets: list[str | None] = []
        self._temporary = replays.folder / f"{key}.{os.getpid()}.tmp"  # made when the first report is copied
        self._failed = False
        self._copies: list[_Copy] = []

    def note_stderr(self, line: str) -> None:
        self.stderr.append(line)

    def output_copy(self, target: str | None):
        """A binary file to copy the next report's bytes into (None when recording has failed)."""
        index = len(self.targets)
        self.targets.append(target)
        if self._failed:
            return None
        try:
            self._temporary.mkdir(parents=True, exist_ok=True)
            copy = _Copy(open(self._temporary / str(index), "wb"), self)
            self._copies.append(copy)
            return copy
        except OSError:
            self._failed = True
            return None

    def store(self, exit_code: int) -> None:
        folder = self.replays.folder / self.key
        if self._failed or not self._temporary.is_dir():
            shutil.rmtree(self._temporary, ignore_errors=True)
            return
        try:
            if len(self._copies) != len(self.targets):
                raise OSError("a report was not copied")
            stderr = "".join(self.stderr)
            digests = [copy.digest.hexdigest() for copy in self._copies]
            meta = {"exit": exit_code, "stderr": stderr, "targets": self.targets,
                    "mac": _seal_of(self.key, exit_code, stderr, self.targets, digests)}
            (self._temporary / _META).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
            shutil.rmtree(folder, ignore_errors=True)
            os.replace(self._temporary, folder)
        except OSError:
            shutil.rmtree(self._temporary, ignore_errors=True)
            return
        self.replays._prune()

    def discard(self) -> None:
        shutil.rmtree(self._temporary, ignore_errors=True)


class _Copy:
    """A copy of a report being written: a full disk spoils the recording, never the report."""

    def __init__(self, handle, recorder: RunRecorder):
        self.handle = handle
        self.recorder = recorder
        self.digest = hashlib.sha256()  # of what was written: the stored run's seal covers it

    def write(self, data: bytes) -> None:
        if self.recorder._failed:
            return
        try:
            self.digest.update(data)
            self.handle.write(data)
        except OSError:
            self.recorder._failed = True

    def close(self) -> None:
        try:
            self.handle.close()
        except OSError:
            self.recorder._failed = True


def run_key(settings_key: str, plan, report_options: list) -> str:
    """The key of a run of ``plan`` (an engine RunPlan) with ``report_options`` (plain, repr-stable values)."""
    digest = hashlib.sha256()
    digest.update(repr((settings_key, os.getcwd(), plan.complete, plan.whole_folders, [str(e) for e in plan.errors],
                        list(plan.warnings), report_options)).encode("utf-8", "surrogateescape"))
    for source in plan.files:
        digest.update(b"\0" + source.path.encode("utf-8", "surrogateescape") + b"\0")
        data = source.data
        if data is None:
            try:
                data = read_capped(source.real_path)  # OSError: the caller lints as usual, which reports it
            except TooLarge:
                data = b"\0too large"  # reported as such whatever its bytes, while it stays too large
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def file_stamp(path: str | None) -> str | None:
    """A file's or a folder's contents as a digest (None when not given; 'missing' when unreadable)."""
    if not path:
        return None
    target = Path(path)
    digest = hashlib.sha256()
    try:
        files = sorted(p for p in target.rglob("*") if p.is_file()) if target.is_dir() else [target]
        for file in files:
            digest.update(str(file).encode("utf-8", "surrogateescape") + b"\0" + file.read_bytes())
    except OSError:
        return "missing"
    return digest.hexdigest()
