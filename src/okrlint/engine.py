"""The pipeline: files → load → Org → analyse → rules by scope → findings.

Each stage knows nothing of the stages after it; the engine knows nothing of output formats.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import attrs

from okrlint.text.clip import clipped
from okrlint.config import Config
from okrlint.load import Loader, pick_loader
from okrlint.load import limits
from okrlint.load.limits import oversized_texts
from okrlint.load.withdrawn import without_withdrawn
from okrlint.model import (Finding, InputError, KeyResult, Location, Objective, OKRSet, Org, Scope, Severity,
                           pickled_by_fields)
from okrlint.plugins import PluginHost, create_host
from okrlint.rules.base import Rule, RuleContext, Violation
from okrlint.rules.registry import INTERNAL_ERROR, RuleRegistry, severity_of
from okrlint.text.facts import Analyser
from okrlint.text.vocab import Vocabulary, load_vocabulary
from okrlint.watchdog import RuleTimeout, Watchdog
from okrlint.text import regexcache

SUPPRESSION_MARKER = b"okrlint"  # inline suppressions ("# okrlint: disable=...") contain it
TEXT_SUFFIXES = (".yaml", ".yml", ".md", ".markdown", ".txt")
# A code project's own folders: beside OKR files its documents are documentation, never guessed to be plans
_CODE_FOLDERS = frozenset({"docs", "doc", "documentation", "src", "lib", "test", "tests", "spec", "specs", "scripts",
                           "build", "dist", "site", "vendor", "third_party", "bin", "node_modules", "fixtures"})
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".okrlint_cache"}


# Documents people keep OKRs in that okrlint cannot read, and what to save them as.
_SAVE_AS = {
    ".doc": ": save it as a Word document (.docx)", ".ppt": ": save it as a PowerPoint presentation (.pptx)",
    ".rtf": ": save it as a Word document (.docx)", ".pages": ": export it as a Word document (.docx)",
    ".numbers": ": export it as Excel (.xlsx) or CSV",
    ".json": ": okrlint reads OKR sets as YAML (JSON is valid YAML: name it .okr.yaml if it follows the OKR format)",
}
# Google Drive for desktop's stand-ins for Google Docs, Sheets and Slides: a link to the document, none of its text
_GOOGLE_SHORTCUTS = {".gdoc": ("Docs", ".docx"), ".gsheet": ("Sheets", ".xlsx"), ".gslides": ("Slides", ".pptx")}
# A file named for the *.okr.* convention ("marketing.okr.yaml", "Design.OKR.xls", "legal.okr.doc"): an OKR file, read
# from a folder whatever its format, or an input error when okrlint cannot read that format. Not what an editor, a
# merge or a download leaves beside one ("plan.okr.yaml~", "plan.okr.yaml.bak", "plan.okr.orig", "plan.okr.crdownload").
_OKR_NAMED = regexcache.compile(r"(?is).+\.okr\.([a-z0-9]{1,12})")
_LEFTOVER_SUFFIXES = frozenset({"bak", "backup", "old", "orig", "rej", "tmp", "temp", "swp", "swo", "swx", "lock",
                                "part", "partial", "crdownload", "download", "lnk", "url"})


def okr_named(name: str) -> bool:
    """Whether a file's name follows the *.okr.* convention (``<name>.okr.<format>``)."""
    found = _OKR_NAMED.fullmatch(name)
    return found is not None and found.group(1).lower() not in _LEFTOVER_SUFFIXES


def _through_link(path: Path) -> bool:
    """Whether ``path`` goes through a symbolic link (to a folder on the way, or is one itself)."""
    try:
        return os.path.realpath(path) != os.path.normpath(os.path.abspath(path))
    except (OSError, ValueError):
        return False


@attrs.frozen
class SourceFile:
    path: str  # as shown in reports (relative to where the user ran okrlint when possible)
    real_path: Path | None
    loader: Loader
    data: bytes | None = None  # given for stdin
    guessed: bool = False  # found in a folder without *.okr.* files because it looks like OKRs (load/guess.py)


@attrs.frozen
class FileResult:
    """The per-file part of a run: what one file gives, independent of every other file."""

    sets: tuple[OKRSet, ...]
    errors: tuple[InputError, ...]
    findings: tuple[Finding, ...]
    raw: bytes | None = None  # the file's bytes, kept only when it holds suppression directives
    tags: tuple[tuple[str, ...], ...] = ()  # tags of every objective and KR, in reading order
    notes: tuple[InputError, ...] = ()  # parts of the file skipped on purpose (warnings, not errors)
    # False when a re-run may read the file differently: its loader timed out or crashed (a busy machine, a
    # plugin fixed since). Such results are not cached.
    settled: bool = True


pickled_by_fields(FileResult)


# What loaders say about a file that was read but holds no OKRs; anything else they say is about a broken file.
_NO_OKRS_SAID = ("no objectives found", "no OKRs found", "empty file", "has no header row with an Objective",
                 " is empty", "has no visible worksheet", "has no text to read")


# A period in a file's name, as people name files: "Q3 2026 OKR grading", "okr_2027-Q1", "H1 FY27", "ไตรมาส 1-2570",
# "ปีงบประมาณ 2570", a year alone. Its numbers stand apart from other digits (not "v2026", not "20261").
_PERIOD_IN_NAME = regexcache.compile(
    r"(?<![A-Za-z0-9])(?:(?i:q[1-4]|h[12])[\s_\-/]*(?i:fy)?[\s_\-]?(?:20\d\d|25\d\d|\d\d)"
    r"|(?:20\d\d|25\d\d)[\s_\-]*(?i:q[1-4]|h[12])"
    r"|(?i:fy)[\s_\-]?(?:20\d\d|25\d\d|\d\d)(?:[\s_\-]*(?i:q[1-4]|h[12]))?"
    r"|ไตรมาส(?:ที่)?\s*[1-4๑-๔]\s*[/\-_ ]\s*(?:25\d\d|๒๕[๐-๙][๐-๙])"
    r"|ปีงบ(?:ประมาณ)?\s*(?:25\d\d|๒๕[๐-๙][๐-๙])"
    r"|(?:20[2-9]\d|25[6-9]\d)(?![\-_./]\d))(?![A-Za-z0-9])"  # a year alone, not a date's ('2026-07-03T10…')
)


def _with_period_of_name(okr_set: OKRSet, path: str, config: Config) -> OKRSet:
    """A set that names no period, with the period its file's name gives ("Q3 2026 OKR grading - Patient
    Access.csv", "sales_okrs_2027-Q1.md"); a period written in the set, read or not, is left as it is."""
    if okr_set.period is not None or "period" in okr_set.field_locations:
        return okr_set
    period = period_of_name(path, config.fiscal_year_start_month)
    return okr_set if period is None else attrs.evolve(okr_set, period=period)


# a remark in brackets in a file's name: "(2026 Update)", "(from slides)", "(copy)", "[v2 2027]" — an article's
# update year or a copy's note, never the plan's period
# A day and month before a year: the name's year is a date's ("ข้อมูล ณ 20.11.2569", "as of 3 Nov 2026"), the day
# the figures were taken, not the plan's period.
_DATE_BEFORE_YEAR = regexcache.compile(
    r"(?:(?<![0-9])[0-3]?[0-9][./\-][01]?[0-9][./\-]"
    r"|(?<![0-9])[0-3]?[0-9]\s*(?:ม\.?ค|ก\.?พ|มี\.?ค|เม\.?ย|พ\.?ค|มิ\.?ย|ก\.?ค|ส\.?ค|ก\.?ย|ต\.?ค|พ\.?ย|ธ\.?ค)\.?\s*"
    r"|(?<![0-9])[0-3]?[0-9][\s_\-]*(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[\s_\-]*"
    r"|(?i:as[\s_]+of|updated)[\s_]+(?i:[a-z]+[\s_]+)?)$")
_BRACKETED_IN_NAME = regexcache.compile(r"\s*[(\[（][^()\[\]（）]*[)\]）]")
_EXTENSION = regexcache.compile(r"\.[A-Za-z][A-Za-z0-9]{0,7}$")  # ".xlsx", ".md", ".okr"
_OKR_SUFFIX = regexcache.compile(r"(?i)\.okr$")


def period_of_name(path: str, fiscal_year_start_month: int = 1):
    """The period a file's name gives ("sales_okrs_2027-Q1.md" -> Q1 2027), None when it gives none; a bracketed
    remark in the name gives none. The draft loader asks it too, so that it does not say no period was read when
    the name gives one."""
    from okrlint.text.periods import parse_period

    # only the extension and ".okr" cut off: a name's other dots are abbreviations' ("อบจ.", "พ.ศ.", "รพ.สต.")
    name = Path(path).name[-255:]  # as long as a name on disk can be; a --stdin-filename can be any length
    stem = _OKR_SUFFIX.sub("", _EXTENSION.sub("", name, count=1))
    stem = _BRACKETED_IN_NAME.sub(" ", stem)
    found = next((m for m in _PERIOD_IN_NAME.finditer(stem) if not _DATE_BEFORE_YEAR.search(stem, 0, m.start())), None)
    if found is None:
        return None
    text = " ".join(found.group().replace("_", " ").split())
    period = parse_period(text, fiscal_year_start_month=fiscal_year_start_month)
    return None if period.kind == "unknown" else period


_SCANNED = "a scanned PDF:"  # what the PDF loader says of pages that are only pictures
_NAMED_AS_A_PLAN = regexcache.compile(r"(?i:okr|objective|key[\s_-]*result|goal|plan)|วัตถุประสงค์|ผลลัพธ์|ตัวชี้วัด|แผน")


def _says_no_okrs(error: InputError) -> bool:
    return any(said in error.message for said in _NO_OKRS_SAID)


def objects_in_order(sets: Iterable[OKRSet]):
    """(set, objective or key result) in reading order: the order of ``FileResult.tags``."""
    for okr_set in sets:
        for objective in okr_set.objectives:
            yield okr_set, objective
            for kr in objective.key_results:
                yield okr_set, kr


@attrs.frozen
class RunPlan:
    """What a run will lint: the files found under its paths, in order, and what went wrong finding them."""

    files: tuple[SourceFile, ...]
    errors: tuple[InputError, ...]
    warnings: tuple[str, ...]  # e.g. a folder without OKR files
    complete: bool  # the run holds the whole org (folders were given, not single files or standard input)
    whole_folders: tuple[str, ...] = ()  # when not complete: the folders given, each read whole
    skipped: tuple[tuple[str, str], ...] = ()  # (file or folder, why it was not read), for reports


@attrs.frozen
class RunResult:
    org: Org
    findings: tuple[Finding, ...]
    errors: tuple[InputError, ...]
    warnings: tuple[str, ...]  # plugin and configuration problems (stderr)
    files: int
    rules: tuple[Rule, ...]
    analyser: Analyser = attrs.field(eq=False, repr=False)
    tags: dict[int, tuple[str, ...]] = attrs.field(factory=dict, eq=False, repr=False)  # id(object) -> tags
    settled: bool = True  # False when a file's loader timed out or crashed: a re-run may differ (not replayed)
    skipped: tuple[tuple[str, str], ...] = ()  # (file or folder, why it was not read): the JSON report's "skipped"
    # plugins that failed to load or to run a hook (okrlint.plugins.PluginProblem), installed or configured: the JSON
    # report's "plugin_failures", SARIF's toolExecutionNotifications
    plugin_problems: tuple = ()

    def tags_of(self, obj, okr_set) -> tuple[str, ...]:
        """An objective's or key result's tags, as computed with its file (or now, for objects made later)."""
        found = self.tags.get(id(obj))
        if found is None:
            from okrlint.tags import tags_for

            found = tags_for(obj, okr_set, self.analyser)
        return found


class Engine:
    """Builds everything a run needs once (plugins, rules, vocabulary) and lints paths with it."""

    def __init__(self, config: Config | None = None, host: PluginHost | None = None, extra_plugins: Iterable[object] = ()):
        self.config = config or Config()
        self.host = host or create_host(
            local_plugins=self.config.plugins, base_dir=self.config.base_dir, extra=extra_plugins,
            timeout=self.config.rule_timeout,
        )
        self.host.call_each("okrlint_configure", config=self.config)
        self.warnings: list[str] = []
        self.skipped: list[tuple[str, str]] = []  # (file or folder, why it was not read), found by discovery
        self._named: set[Path] = set()
        self.config_errors: list[str] = []  # mistakes in configured rule packs; the CLI exits 2 on them
        self._raw_with_directives: dict[str, bytes] = {}  # file -> bytes, for files holding "okrlint" (suppressions)
        self._unsettled: set[str] = set()  # files whose loader timed out or crashed in this process
        self._ignored: dict[str, frozenset[str]] = {}  # file -> codes its per-file-ignores turn off
        self.registry = RuleRegistry()
        for origin, item in self.host.collect("okrlint_rules"):
            self.registry.add(item, origin)
        for origin, path in self.host.collect("okrlint_rule_pack_paths"):
            self._add_rule_pack(path, origin)
        for path in self.config.rule_packs:
            self._add_rule_pack(self._config_path(path), "configuration")
        self.loaders: list[Loader] = [item for _, item in self.host.collect("okrlint_loaders") if isinstance(item, Loader)]
        self._vocabulary: Vocabulary | None = None
        self._analyser: Analyser | None = None
        self._prepared_rules = None
        self.watchdog = Watchdog(self.config.rule_timeout)
        self.load_watchdog = Watchdog(limits.LOAD_TIMEOUT)  # a loader stuck on a hostile file

    # --- set-up --------------------------------------------------------------------------------
    def _config_path(self, path: str) -> Path:
        candidate = Path(path)
        return candidate if candidate.is_absolute() else self.config.base_dir / candidate

    def _add_rule_pack(self, path, origin: str) -> None:
        try:
            from okrlint.rules.packs import PackError, load_rule_pack
        except ImportError:
            self.warnings.append(f"{path}: rule packs are not supported by this build")
            return
        try:
            for item in load_rule_pack(Path(path)):
                clash = self.registry.by_code.get(item.code) or self.registry.by_name.get(item.name)
                if clash is not None:  # the pack's mistake, like any other in it: stops the run (exit 2)
                    taken = "code" if clash.code == item.code else "name"
                    self.config_errors.append(
                        f"{path}: rule {item.code} [{item.name}]: the {taken} is taken by {clash.code} [{clash.name}] "
                        f"({clash.origin}); give the pack's rule another {taken}")
                    continue
                self.registry.add(item, f"{origin}: {path}")
        except PackError as exc:
            self.config_errors.append(str(exc))
        except Exception as exc:  # noqa: BLE001 - a bad pack is reported, the run goes on
            self.warnings.append(f"rule pack {path}: {exc}")

    @property
    def vocabulary(self) -> Vocabulary:
        if self._vocabulary is None:
            paths = [Path(p) for _, p in self.host.collect("okrlint_vocabulary_paths")]
            paths += [self._config_path(p) for p in self.config.vocabulary]
            self._vocabulary = load_vocabulary(paths)
        return self._vocabulary

    @property
    def _internal_error_severity(self) -> Severity:
        """internal-error's severity: error, or warning when ``[severity]`` lowers it (never info)."""
        return severity_of(INTERNAL_ERROR, self.config.severity)

    @property
    def analyser(self) -> Analyser:
        if self._analyser is None:
            self._analyser = Analyser(self.vocabulary)
        return self._analyser

    def selected_rules(self) -> list[Rule]:
        # the command line's --select, --extend-select and --ignore apply after the configuration files (ruff's order)
        return self.registry.select(self.config.select, self.config.ignore, self.config.extend_select,
                                    then=self.config.command_line_selection())

    # --- discovery -----------------------------------------------------------------------------
    def discover(self, paths: Iterable[str]) -> tuple[list[SourceFile], list[InputError]]:
        files: list[SourceFile] = []
        errors: list[InputError] = []
        seen: set[Path] = set()
        paths = list(paths)
        self._named = set()  # files named on the command line: always read, whatever their folder's versions
        for raw in paths:
            try:
                if not _is_dir(raw) and os.path.isfile(raw):
                    self._named.add(Path(raw).resolve())
            except (OSError, RuntimeError):
                pass
        self._overlooked: list[tuple[Path, list[Path]]] = []
        self._given_folders: list[tuple[Path, bool]] = []  # (real path, given through a symbolic link) of folders given
        for raw in paths:
            try:
                if _is_dir(raw):
                    self._given_folders.append((Path(os.path.realpath(raw)), _through_link(Path(raw))))
            except (OSError, ValueError):
                pass
        self._walked_roots: set[Path] = set()
        self._also_at: dict[Path, list[Path]] = {}  # a file read once, met again under another path
        for raw in paths:
            try:
                self._discover_one(raw, files, errors, seen)
            except OSError as exc:  # a file in a folder okrlint may not enter ("locked/x.okr.yaml"): that file's error
                errors.append(InputError(f"cannot read: {exc.strerror or exc}", Location(_display(Path(raw)))))
        for path, others in self._overlooked:
            # a file read all the same (named on the command line, or in another folder given) is not overlooked
            others = [p for p in others if _resolved(p) not in seen and _resolved(p) not in self._named]
            if others:
                self._mention_overlooked(path, others)
        return self._shown_without_links(files), errors

    def _shown_without_links(self, files: list[SourceFile]) -> list[SourceFile]:
        """``files``, each shown under a path that does not go through a symbolic link when it was met under one
        ("okrs/loop/sales.okr.md" is "okrs/sales.okr.md" when both were found)."""
        if not self._also_at:
            return files
        shown = []
        for source in files:
            if source.real_path is not None and _through_link(source.real_path):
                better = next((p for p in self._also_at.get(_resolved(source.real_path), ())
                               if not _through_link(p)), None)
                if better is not None:
                    source = attrs.evolve(source, path=_display(better), real_path=better)
            shown.append(source)
        return shown

    def _read_already(self, path: Path, root: Path) -> bool:
        """Whether the folder ``path`` (real path ``root``) is read another way, so that walking it would read its
        files twice: a folder walked already, or a symbolic link to a folder given without one (or inside one), or
        to the folder that holds the link itself while files in it are given ("okrs/*" with "okrs/loop -> .").
        A link skipped is said once."""
        if root in self._walked_roots and not _through_link(path):
            return True  # the same folder given twice ("okrs okrs/")
        if not _through_link(path):
            return False
        try:
            holds_itself = Path(os.path.realpath(Path(os.path.abspath(path)).parent)).is_relative_to(root)
        except (OSError, ValueError):
            holds_itself = False
        read_as = next((real for real, linked in self._given_folders if not linked and root.is_relative_to(real)), None)
        if read_as is None and root in self._walked_roots:
            read_as = root
        if read_as is None and holds_itself and (
                any(named.is_relative_to(root) for named in self._named)
                or any(real.is_relative_to(root) for real, linked in self._given_folders if not linked)):
            read_as = root
        if read_as is None:
            return False
        self.skipped.append((_display(path), "a symbolic link to a folder whose files are read without it"))
        self.warnings.append(f"{_display(path)}: skipped: a symbolic link to {_display(read_as)}, whose files are "
                             "read without it")
        return True

    def _discover_one(self, raw: str, files: list[SourceFile], errors: list[InputError], seen: set[Path]) -> None:
        path = Path(raw)
        if path.is_dir():
            found_before = len(files)
            root = path.resolve()
            if self._read_already(path, root):
                return
            self._walked_roots.add(root)
            others: list[Path] = []  # readable files not named *.okr.*
            unreadable: list[Path] = []  # documents in formats okrlint cannot read (.doc, .pages ...)
            shortcuts: list[Path] = []  # Google Drive shortcuts (.gdoc, .gsheet ...)
            okr_files: list[Path] = []  # OKR files by their names: read now, read already under another path, unreadable
            special: list[Path] = []  # pipes, sockets, devices
            closed: list[tuple[Path, OSError]] = []  # folders that cannot be listed
            walked = self._walked(path, special, closed)
            for found in walked:
                loader = pick_loader(self.loaders, found.name, explicit=False)
                if loader is None:
                    named_okr = okr_named(found.name)
                    loader = pick_loader(self.loaders, found.name, explicit=True) or self._by_content(found, walked=True)
                    if loader is None and named_okr:  # an OKR file by its name in a format okrlint cannot read
                        okr_files.append(found)
                        errors.append(InputError(self.cannot_read(found.name), Location(_display(found))))
                        continue
                    if loader is None or not named_okr:  # a format read when named (plan.md), not by its name
                        if loader is not None:
                            others.append(found)
                        elif found.suffix.lower() in _GOOGLE_SHORTCUTS:
                            shortcuts.append(found)
                        elif found.suffix.lower() in _SAVE_AS:
                            unreadable.append(found)
                        continue
                try:
                    target = found.resolve(strict=True)
                except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
                    errors.append(InputError("broken symbolic link or symbolic link loop", Location(_display(found))))
                    continue
                if not target.is_relative_to(root):  # never read outside the tree the user named
                    self.warnings.append(f"{_display(found)}: skipped: a symbolic link that leads outside {_printable(str(raw))}")
                    self.skipped.append((_display(found), "a symbolic link that leads outside the folder given"))
                elif target not in seen:
                    seen.add(target)
                    files.append(SourceFile(_display(found), found, loader))
                    okr_files.append(found)
                else:  # read already, under another path given
                    self._also_at.setdefault(target, []).append(found)
                    okr_files.append(found)
            if not okr_files:
                self._guess(path, root, files, seen, walked)
            elif others:
                others = self._guess_plain_folders(path, root, files, found_before, others, seen, okr_files)
                if others:
                    self._overlooked.append((path, others))  # said once every path given is read (discover)
            for folder, exc in closed:  # the OKRs in it would be left out silently, and a clean run exit 0
                errors.append(InputError(
                    f"cannot read this folder: {exc.strerror or exc}; the files in it are not linted",
                    Location(_display(folder))))
            for odd in special:
                self.warnings.append(f"{_display(odd)}: skipped: not a regular file (a pipe, socket or device)")
                self.skipped.append((_display(odd), "not a regular file (a pipe, socket or device)"))
            if unreadable:
                self.skipped.extend((_display(p), f"a format okrlint cannot read ({p.suffix.lower()})") for p in unreadable)
                shown = ", ".join(_display(p) for p in unreadable[:5])
                more = f" and {len(unreadable) - 5} more" if len(unreadable) > 5 else ""
                self.warnings.append(
                    f"{_printable(str(path))}: not read, in formats okrlint cannot read: {shown}{more} (save "
                    "documents as .docx, .md or .txt and spreadsheets as .xlsx or CSV; name one on the command "
                    "line to see how)")
            if shortcuts:
                self.skipped.extend((_display(p), "a Google Drive shortcut: a link to the document, not its text")
                                    for p in shortcuts)
                shown = ", ".join(_display(p) for p in shortcuts[:5])
                more = f" and {len(shortcuts) - 5} more" if len(shortcuts) > 5 else ""
                self.warnings.append(
                    f"{_printable(str(path))}: Google Drive shortcuts not read (a link to the document, not its "
                    f"text): {shown}{more} (open each and download it as .docx, .xlsx or .pdf to lint it)")
        elif path.is_symlink() and not path.exists():
            errors.append(InputError("broken symbolic link or symbolic link loop", Location(_printable(str(raw)))))
        elif path.is_file() and is_lock_file(path.name):
            self.skipped.append((_display(path), "a lock file of an office program, not a document"))
            self.warnings.append(
                f"{_display(path)}: skipped: a lock file that Word, Excel or LibreOffice keeps while a document is "
                "open, not a document")
        elif path.is_file():
            loader = pick_loader(self.loaders, path.name, explicit=True) or self._by_content(path)
            if loader is None:
                errors.append(InputError(self.cannot_read(path.name), Location(_display(path))))
            elif path.resolve() not in seen:
                seen.add(path.resolve())
                files.append(SourceFile(_display(path), path, loader))
            else:
                self._also_at.setdefault(path.resolve(), []).append(path)
        elif path.exists():  # a device, a pipe, a socket: reading one may never end
            errors.append(InputError("not a regular file or folder (a device or a pipe?); not read",
                                     Location(_printable(str(raw)))))
        else:
            errors.append(InputError("no such file or directory", Location(_printable(str(raw)))))

    def _by_content(self, path: Path, walked: bool = False) -> Loader | None:
        """The loader of an Office document saved under another kind's name ("plan.ppt" that is a .pptx, a Word
        file named .doc): their programs open them by content, so people do not notice the name is wrong. A file
        named without a suffix is looked into only when named on the command line."""
        if path.suffix.lower() not in _SAVE_AS and (path.suffix or walked):
            return None
        from okrlint.load.archive import package_suffix

        suffix = package_suffix(path)
        return pick_loader(self.loaders, "document" + suffix, explicit=True) if suffix else None

    def cannot_read(self, name: str) -> str:
        """The input error of a file no loader reads, with what to save it as."""
        suffix = os.path.splitext(name)[1].lower()
        if suffix in _GOOGLE_SHORTCUTS:
            app, target = _GOOGLE_SHORTCUTS[suffix]
            return (f"a Google {app} shortcut, not the document itself: open it and download it as {target} "
                    "(File → Download)")
        known = sorted({s for ld in self.loaders for s in ld.suffixes})
        return f"no loader reads this kind of file{_SAVE_AS.get(suffix, '')} (okrlint reads {', '.join(known)})"

    def _guess(self, path: Path, root: Path, files: list[SourceFile], seen: set[Path], walked: list[Path]) -> None:
        """A folder with no *.okr.* file: the documents in it that look like OKRs (load/guess.py)."""
        if not self._read_guessed(path, walked, root, files, seen):
            self.warnings.append(f"{_printable(str(path))}: no OKR files in this directory")

    def _read_guessed(self, folder: Path, candidates: list[Path], root: Path, files: list[SourceFile],
                      seen: set[Path]) -> int:
        """Add the candidates that look like OKRs to ``files``, and say how many were read from ``folder``."""
        from okrlint.load.guess import content_looks_like_okrs, is_repository_file, looks_like_okrs

        count = 0
        by_name: list[Path] = []  # README.md, SECURITY.md ... whose text reads like OKRs: named, never dropped silently
        for found in candidates:
            loader = pick_loader(self.loaders, found.name, explicit=True) or self._by_content(found, walked=True)
            if loader is None or found.is_symlink():
                continue
            target = found.resolve()
            if target in seen or not target.is_relative_to(root):
                continue
            if not looks_like_okrs(found):
                if is_repository_file(found) and content_looks_like_okrs(found):
                    by_name.append(found)
                continue
            seen.add(target)
            files.append(SourceFile(_display(found), found, loader, guessed=True))
            count += 1
        self._say_repository_files(folder, by_name)
        if count:
            self.warnings.append(
                f"{_printable(str(folder))}: no file is named *.okr.*; reading the {count} "
                f"{'documents that look' if count != 1 else 'document that looks'} like OKRs (name OKR files "
                "*.okr.md, *.okr.yaml, *.okr.xlsx ... to choose them)")
        return count

    def _say_repository_files(self, folder: Path, by_name: list[Path]) -> None:
        """README.md, SECURITY.md ... left unread by their names although their text mentions objectives: named in
        a warning and in the report's skipped files, never left out silently."""
        if not by_name:
            return
        self.skipped.extend((_display(p), "a repository file by its name (README, SECURITY, CHANGELOG ...)")
                            for p in by_name)
        shown = ", ".join(_display(p) for p in by_name[:5]) + (
            f" and {len(by_name) - 5} more" if len(by_name) > 5 else "")
        self.warnings.append(
            f"{_printable(str(folder))}: not read, by their names (files every repository has), although they "
            f"mention objectives: {shown} (name one on the command line, or *.okr.*, to read it)")

    def _walked(self, path: Path, special: list[Path], closed: list[tuple[Path, OSError]]) -> list[Path]:
        """The files under the folder ``path``, sorted, without the sub-folders and files that ``exclude`` names, the
        archive and template folders below it (unless ``skip-archives = false``) and the older versions of a document
        beside its latest one; what is left out is said in one warning per kind and folder, and listed for reports."""
        pruned: list[Path] = []
        excluded: list[tuple[Path, str]] = []

        def leave_out(entry_path: str, name: str, is_dir: bool) -> bool:
            pattern = self._excluded_by(entry_path, name, path)
            if pattern is not None:
                excluded.append((Path(entry_path), pattern))
                return True
            if is_dir and self.config.skip_archives and is_archive_folder(name):
                pruned.append(Path(entry_path))
                return True
            return False

        found = sorted(_walk(path, special, closed, leave_out))
        for item, pattern in sorted(excluded):
            self.skipped.append((_display(item), f"excluded by the configuration ('{pattern}')"))
        if pruned:
            pruned.sort()
            for folder in pruned:
                self.skipped.append((_display(folder) + "/", "an archive, old-version, backup or template folder"))
            shown = ", ".join(_display(f) for f in pruned[:5]) + (f" and {len(pruned) - 5} more" if len(pruned) > 5 else "")
            self.warnings.append(
                f"{_printable(str(path))}: archive and template folders not read: {shown} (name a folder on the command "
                "line to lint it, or set skip-archives = false in the configuration)")
        return self._latest_versions(found)

    def _excluded_by(self, entry_path: str, name: str, given: Path) -> str | None:
        """The ``exclude`` pattern that matches a file or folder met in a walk, if any: matched against its name, its
        path as shown, relative to the folder given and relative to the configuration file's folder."""
        patterns = self.config.exclude
        if not patterns:
            return None
        import fnmatch

        names = {name, _display(Path(entry_path))}
        absolute = Path(os.path.abspath(entry_path))
        for base in (Path(os.path.abspath(given)), Path(os.path.abspath(self.config.base_dir))):
            try:
                names.add(absolute.relative_to(base).as_posix())
            except ValueError:
                pass
        for pattern in patterns:
            bare = pattern.rstrip("/") or pattern
            if any(fnmatch.fnmatch(n, bare) or fnmatch.fnmatch(n, pattern) for n in names):
                return pattern
        return None

    def _latest_versions(self, found: list[Path]) -> list[Path]:
        """``found`` without the older versions of a document kept beside its latest one in the same folder ("OKR Q1
        v1.docx" beside "OKR Q1 v2 (final).docx", "Copy of plan.xlsx" beside "plan.xlsx"): see version_key and
        version_rank. Only the file names are looked at (and the times of files that have versions). Files named
        on the command line are always kept."""
        groups: dict[tuple, list[Path]] = {}
        for item in found:
            if pick_loader(self.loaders, item.name, explicit=True) is None:
                continue
            key = version_key(item.name)
            if key is not None:
                groups.setdefault((item.parent, key), []).append(item)
        older: dict[Path, list[tuple[Path, Path]]] = {}  # folder -> (older file, the one read)
        for (folder, _), members in groups.items():
            if len(members) < 2:
                continue
            latest = max(members, key=_version_order)
            for member in members:
                if member is not latest and _resolved(member) not in self._named:
                    older.setdefault(folder, []).append((member, latest))
        if not older:
            return found
        left_out = {member for pairs in older.values() for member, _ in pairs}
        for folder, pairs in sorted(older.items()):
            pairs.sort()
            for member, latest in pairs:
                self.skipped.append((_display(member), f"an older version or a copy of {_display(latest)}"))
            # "old → the version read": the arrow reads the same in a Thai run's translated warning
            shown = ", ".join(f"{_printable(m.name)} → {_printable(latest.name)}" for m, latest in pairs[:5])
            more = f" (+{len(pairs) - 5})" if len(pairs) > 5 else ""
            self.warnings.append(f"{_display(folder)}: older versions not read (→ the version read): {shown}{more}; "
                                 "name a file on the command line to lint it")
        return [item for item in found if item not in left_out]

    def _guess_plain_folders(self, path: Path, root: Path, files: list[SourceFile], found_before: int,
                             others: list[Path], seen: set[Path], okr_files: list[Path] = ()) -> list[Path]:
        """A tree in which some folders follow the *.okr.* convention: a folder beside one of them in which no file is
        so named, nor in any folder below it or on the way down to it ("okrs/council/" beside
        "okrs/brightloop/*.okr.*"), is another plan kept as people name files, read by guessing as a folder given
        alone would be. Returns the documents left unread: in or above a folder that follows the convention, in a
        folder not beside one, or in a code project's own folders (docs/, src/, tests/...)."""
        okr_folders = {source.real_path.parent for source in files[found_before:] if source.real_path is not None}
        okr_folders |= {found.parent for found in okr_files}  # read before, or named *.okr.* but unreadable
        holding = {folder for okr_folder in okr_folders for folder in (okr_folder, *okr_folder.parents)}
        beside = {okr_folder.parent for okr_folder in okr_folders}
        plain: dict[Path, list[Path]] = {}
        unread = []
        for other in others:
            chain = []  # the folders from the one given down to the file's, without the one given
            folder = other.parent
            while folder != path and path in folder.parents:
                chain.append(folder)
                folder = folder.parent
            chain.reverse()
            if (not chain or other.parent in holding or path in okr_folders
                    or any(f.name.lower() in _CODE_FOLDERS for f in chain)):
                unread.append(other)
                continue
            top = next(f for f in chain if f not in holding)
            if any(f in okr_folders for f in chain) and top.parent not in beside:
                # below a folder of OKR files ("okrs/sales/notes/"): its own papers, unless beside a folder of its
                # teams' OKR files ("operations/supply/" next to "operations/it/*.okr.*", operations/ holding its
                # own *.okr.yaml): a team of the same organisation, laid out company/department/team
                unread.append(other)
                continue
            # beside a folder of OKR files ("okrs/council" next to "okrs/sales"), or beside an organisation's folder
            # holding them ("B-school/" next to "C-oss/" with "C-oss/okrs/*.okr.yaml"); not beside the folder
            # where a project keeps its OKRs ("notes/" next to "okrs/sales/*.okr.md"), nor in a code project,
            # whose other folders are its own (benchmarks/, rules/)
            if top.parent not in beside and (
                    _is_code_project(top.parent)
                    or any(_OKR_STORE.match(f.name) for f in holding if f.parent == top.parent)):
                unread.append(other)
                continue
            plain.setdefault(top, []).append(other)
        for folder, candidates in plain.items():
            self._read_guessed(folder, candidates, root, files, seen)
        return unread

    def _mention_overlooked(self, path: Path, others: list[Path]) -> None:
        """A folder that follows the *.okr.* convention: say which other documents look like OKRs but are not
        read, so that a draft named ``marketing.md`` beside ``company.okr.yaml`` is not silently left out."""
        from okrlint.load.guess import content_looks_like_okrs, is_repository_file, looks_like_okrs

        overlooked = [_display(p) for p in others[:200] if looks_like_okrs(p)]
        # a team's README.md holding its OKRs, in a folder of its own with no *.okr.* file ("customer-success/README.md"
        # below "company.okr.yaml"): said as in a folder read by guessing, whatever the depth of the folder given; a
        # README beside *.okr.* files is about them
        self._say_repository_files(path, [p for p in others[:200] if is_repository_file(p)
                                          and not _holds_okr_files(p.parent) and content_looks_like_okrs(p)])
        self.skipped.extend((name, "not named *.okr.* in a folder that follows that convention") for name in overlooked)
        if overlooked:
            shown = ", ".join(overlooked[:5]) + (f" and {len(overlooked) - 5} more" if len(overlooked) > 5 else "")
            # each kept in its own format: "plan.md" as *.okr.md, a Sheets export "… - Sales.csv" as *.okr.csv
            renamed = " / ".join(dict.fromkeys(
                "*.okr" + _SAME_FORMAT.get(suffix, suffix) for suffix in (Path(p).suffix.lower() for p in overlooked)))
            self.warnings.append(
                f"{_printable(str(path))}: not read, although they look like OKRs: {shown} (only files named "
                f"*.okr.* are read from a folder that has them, so the org is checked without these; rename them "
                f"{_printable(renamed)}, or name them on the command line)")

    def source_from_bytes(self, filename: str, data: bytes) -> SourceFile | InputError:
        loader = pick_loader(self.loaders, Path(filename).name, explicit=True)
        if loader is None:
            loader = pick_loader(self.loaders, "stdin.okr.yaml", explicit=True)
        if loader is None:  # pragma: no cover - the YAML loader is built in
            return InputError("no loader for standard input", Location(filename))
        return SourceFile(filename, None, loader, data)

    # --- loading -------------------------------------------------------------------------------
    def load(self, source: SourceFile) -> tuple[tuple[OKRSet, ...], tuple[InputError, ...], tuple[InputError, ...]]:
        """The sets of one file, its input errors, and notes on parts skipped on purpose."""
        try:
            data = limits.check_size(source.data) if source.data is not None else limits.read_capped(source.real_path)
        except OSError as exc:
            return (), (InputError(f"cannot read: {exc.strerror or exc}", Location(source.path)),), ()
        except limits.TooLarge as exc:
            return (), (InputError(str(exc), Location(source.path)),), ()
        if SUPPRESSION_MARKER in data:  # kept for the suppression stage; other files' bytes are dropped
            self._raw_with_directives[source.path] = data
        try:
            with self.load_watchdog:
                result = self.load_watchdog.call(source.loader.load, source.path, data, self.config.loader_options())
        except RuleTimeout as exc:
            message = f"reading the file took longer than {exc.seconds:g} s; not read (a damaged or hostile document?)"
            self._unsettled.add(source.path)
            return (), (InputError(message, Location(source.path)),), ()
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - one bad file never stops the others; a panic in a Rust
            # library (calamine) reaches Python as a BaseException, and a plugin loader's SystemExit is its failure
            detail = " ".join(str(exc).split())[:300]
            message = f"the {source.loader.name} loader failed: {type(exc).__name__}: {detail}"
            self._unsettled.add(source.path)
            return (), (InputError(message, Location(source.path)),), ()
        if source.guessed and not any(o.key_results for s in result.sets for o in s.objectives):
            if (result.errors and all(error.message.startswith(_SCANNED) for error in result.errors)
                    and not _NAMED_AS_A_PLAN.search(Path(source.path).name)):
                # a scanned PDF found by guessing may be anything (an invoice, a signed form): said, not an error;
                # one whose name says it is a plan ('แผน OKR 2570 (ฉบับสแกน).pdf') is an error, as it cannot be checked
                return (), (), (InputError(f"skipped, {result.errors[0].message}", Location(source.path)),)
            if not all(_says_no_okrs(error) for error in result.errors):
                return (), result.errors, ()  # a broken file in the folder (bad YAML, a damaged workbook): an error
            if result.errors and result.errors[0].message.startswith("empty file") \
                    and _NAMED_AS_A_PLAN.search(Path(source.path).name):
                return (), result.errors, ()  # 'OKR_2570_final.docx' of no bytes: a failed download or save
            # Not named by the user and no OKRs in it after all (a budget sheet, a memo): skipped, not an error.
            reason = result.errors[0].message if result.errors else "no objectives in it"
            return (), (), (InputError(f"skipped, not an OKR document: {reason}", Location(source.path)),)
        sets = tuple(_with_period_of_name(s, source.path, self.config) for s in result.sets)
        sets, withdrawn = without_withdrawn(sets)  # struck through or marked DROPPED: no longer part of the plan
        return sets, result.errors + oversized_texts(sets), result.notes + withdrawn

    # --- the run -------------------------------------------------------------------------------
    def lint_file(self, source: SourceFile) -> "FileResult":
        """Everything that depends on one file only: load it and run its set, objective and KR rules."""
        from okrlint.tags import tags_for

        sets, errors, notes = self.load(source)
        if sets:  # room for the facts of all the file's titles: its rules and its tags read them again and again
            self.analyser.hold(sum(1 + len(s.objectives) + sum(len(o.key_results) for o in s.objectives) for s in sets))
        findings = self.check_sets(sets)
        tags = tuple(tags_for(obj, okr_set, self.analyser) for okr_set, obj in objects_in_order(sets))
        settled = source.path not in self._unsettled
        self._unsettled.discard(source.path)
        return FileResult(sets, errors, tuple(findings), self._raw_with_directives.pop(source.path, None), tags, notes,
                          settled)

    def run(self, paths: Iterable[str] = (), sources: Iterable[SourceFile] = (),
            progress: Callable[[int, int], None] | None = None, jobs: int | None = None,
            cache_dir: Path | None = None, complete: bool | None = None, plan: RunPlan | None = None) -> RunResult:
        """Lint ``paths`` and ``sources``.

        Per-file work runs in ``jobs`` processes (default: one per core, for runs large enough to gain)
        and is cached by content in ``cache_dir`` when one is given; org-scope rules then see every set.
        The result is the same, in the same order, whatever ``jobs`` and the cache.
        ``progress(done, total)`` is called as files are done. ``complete`` says whether the run holds the
        whole org (by default: when it was given folders, not single files or standard input). A ``plan``
        made beforehand by ``plan()`` stands for ``paths``, ``sources`` and ``complete``.
        """
        from okrlint.parallel import lint_files

        if plan is None:
            plan = self.plan(paths, sources, complete)
        files = list(plan.files)
        errors = list(plan.errors)
        complete = plan.complete
        self._raw_with_directives = {}
        sets: list[OKRSet] = []
        findings: list[Finding] = []
        raw: dict[str, bytes] = {}
        tags: dict[int, tuple[str, ...]] = {}
        notes: list[str] = []
        skipped_documents: list[tuple[str, str]] = []
        settled = True
        cache = None
        if cache_dir is not None:
            from okrlint.cache import ResultCache

            cache = ResultCache.open(cache_dir, self)
        # files that could not be read: the org rules do not blame the files that name them (unknown-team ...)
        unread: list[str] = [error.location.file for error in plan.errors if error.location.file != "<org>"]
        for source, result in zip(files, lint_files(self, files, jobs=jobs, cache=cache, progress=progress)):
            if result.errors and not result.sets:
                unread.append(result.errors[0].location.file)
            objects = [obj for _, obj in objects_in_order(result.sets)]
            if len(objects) == len(result.tags):  # results made without tags get them on demand (tags_of)
                tags.update(zip(map(id, objects), result.tags))
            sets.extend(result.sets)
            errors.extend(result.errors)
            findings.extend(result.findings)
            notes.extend(f"{note.location}: {note.message}" for note in result.notes)
            skipped_documents.extend((source.path, note.message) for note in result.notes
                                     if note.message.startswith("skipped, not an OKR document")
                                     and note.location.sheet is None)
            if result.raw is not None:
                raw[source.path] = result.raw
            settled = settled and result.settled
        org = Org(tuple(sets), complete=complete, whole_folders=plan.whole_folders, unread=tuple(dict.fromkeys(unread)))
        # a fiscal year written without its months, read in the months the run states for it (after the cache: the
        # answer depends on the other files)
        from okrlint.org import settle_fiscal_years

        org = settle_fiscal_years(org, self.config.fiscal_year_start_month)
        # with a file unread this time only, the org's findings are neither taken from the cache nor kept there
        findings.extend(self._org_findings(org, files, cache if settled else None))
        findings.sort(key=Finding.sort_key)
        if raw:
            self._raw_with_directives = raw
            findings = self._apply_suppressions(findings)
        warnings = [str(p) for p in self.host.problems] + self.registry.problems + self.warnings + notes
        warnings.extend(self._org_notes(org))
        skipped = list(plan.skipped)
        for source, note in skipped_documents:
            skipped.append((source, note))
        return RunResult(
            org=org,
            findings=tuple(findings),
            errors=tuple(errors),
            warnings=tuple(warnings),
            files=len(files),
            rules=tuple(self.selected_rules()),
            analyser=self.analyser,
            tags=tags,
            settled=settled,
            skipped=tuple(skipped),
            plugin_problems=tuple(dict.fromkeys(self.host.problems)),
        )

    def plan(self, paths: Iterable[str] = (), sources: Iterable[SourceFile] = (),
             complete: bool | None = None) -> RunPlan:
        paths = list(paths)
        sources = list(sources)
        warnings_before = len(self.warnings)
        skipped_before = len(self.skipped)
        files, errors = self.discover(paths)
        if complete is None:  # the whole org when given folders; only part of it when given single files
            complete = not sources and all(_is_dir(p) for p in paths)
            if not complete and not sources and paths and files and not errors:
                # every OKR file of the tree named one by one (`pre-commit run --all-files`): the whole org too
                complete = self._names_whole_tree(paths, files)
        whole = () if complete else tuple(dict.fromkeys(
            "" if shown == "." else shown.rstrip("/") for shown in (_display(Path(p)) for p in paths if _is_dir(p))))
        return RunPlan(tuple(files + sources), tuple(errors), tuple(self.warnings[warnings_before:]), complete, whole,
                       tuple(self.skipped[skipped_before:]))

    def _names_whole_tree(self, paths: list[str], files: list[SourceFile]) -> bool:
        """Whether the single files of a run are the whole org, as ``pre-commit run --all-files`` gives them: every file
        that linting the folder they share would read (that run's files, so the same findings as ``okrlint check
        okrs/``), and every file named *.okr.* in the tree around it, the repository holding them (the folder with
        ``.git``), or the working folder when they are under it and in no repository. A commit staging some of the
        files is not the whole org, nor one staging every file of one team's folder (the other teams' files lie
        outside it). Nothing is said or listed for these look-ups."""
        named = {_resolved(source.real_path) for source in files if source.real_path is not None}
        try:
            folders = [os.path.abspath(p if _is_dir(p) else os.path.dirname(os.path.abspath(p))) for p in paths]
            shared = Path(os.path.commonpath(folders))
        except ValueError:  # paths on different drives
            return False
        top = next((folder for folder in (shared, *shared.parents) if (folder / ".git").exists()), None)
        if top is None:
            cwd = Path.cwd()
            if shared != cwd and cwd not in shared.parents:
                return False  # outside the working folder and in no repository: no tree to speak of
            top = cwd
        def leave_out(entry_path: str, name: str, is_dir: bool) -> bool:
            return self._excluded_by(entry_path, name, top) is not None or (
                is_dir and self.config.skip_archives and is_archive_folder(name))

        # First the cheap test, stopping at the first OKR file of the tree not named (a commit staging one file of a
        # large repository pays for a few folder listings, not for a walk and a read of every document in it).
        for path in _walk(top, None, None, leave_out):
            if okr_named(path.name) and _resolved(path) not in named:
                return False
        state = (len(self.warnings), len(self.skipped), self._named, self._overlooked, self._given_folders,
                 self._walked_roots, self._also_at)
        try:
            found, _ = self.discover([str(shared)])
            if not found or any(_resolved(source.real_path) not in named
                                for source in found if source.real_path is not None):
                return False  # a file the folder's run reads is not named (or that run reads nothing)
            return True
        finally:
            del self.warnings[state[0]:], self.skipped[state[1]:]
            self._named, self._overlooked, self._given_folders, self._walked_roots, self._also_at = state[2:]

    def _org_notes(self, org: Org) -> list[str]:
        """What the org rules could not check, said once on standard error: references to the organisation's
        objectives in a run that holds no plan of the organisation (see unchecked_company_references)."""
        selected = self.selected_rules()
        if not any(r.scope is Scope.ORG and r.category == "alignment" for r in selected):
            return []
        from okrlint.org import years_read_two_ways
        from okrlint.rules.alignment import unchecked_company_references

        note = unchecked_company_references(org)
        notes = [note] if note else []
        if any(r.name == "period-mismatch" for r in selected):  # one year read in two ways: which months are meant
            notes.extend(years_read_two_ways(org, self.config.fiscal_year_start_month))
        return notes

    def _org_findings(self, org: Org, files: list[SourceFile], cache) -> list[Finding]:
        """The org-scope findings; from the cache when the run's files are all unchanged."""
        key = cache.org_key(files, (org.complete, org.whole_folders, org.unread)) if cache is not None else None
        found = cache.get_org_findings(key) if key is not None else None
        if found is None:
            found = self.check_org(org)
            if key is not None:
                cache.put_org_findings(key, found)
        return found

    def _apply_suppressions(self, findings: list[Finding]) -> list[Finding]:
        from okrlint.load import LoadError
        from okrlint.load.decode import decode_text
        from okrlint.suppress import Suppressor

        texts = {}
        for path, data in self._raw_with_directives.items():
            if path.lower().endswith(TEXT_SUFFIXES):
                try:
                    texts[path] = decode_text(data)
                except LoadError:
                    continue
        selected = frozenset(r.code for r in self.selected_rules())
        return Suppressor(self.registry, selected, self.config.severity).apply(findings, texts)

    def _prepared(self):
        if self._prepared_rules is None:
            rules = self.selected_rules()
            options = {r.name: self.config.options_for(r.name, r.options) for r in rules}
            self._prepared_rules = (self.registry.by_scope(rules), options)
        return self._prepared_rules

    def check(self, org: Org) -> list[Finding]:
        """All rules over an org already loaded (sets, then the org as a whole)."""
        findings = self.check_sets(org.sets) + self.check_org(org)
        findings.sort(key=Finding.sort_key)
        return findings

    def check_sets(self, sets: Iterable[OKRSet]) -> list[Finding]:
        """Set, objective and key-result rules: each sees one set, never the rest of the org."""
        with self.watchdog:
            return self._check_sets(sets)

    def _check_sets(self, sets: Iterable[OKRSet]) -> list[Finding]:
        grouped, options = self._prepared()
        analyser = self.analyser
        findings: list[Finding] = []
        for okr_set in sets:
            ignored = self._ignored_for(okr_set.file)
            ctx = RuleContext(analyser=analyser, okr_set=okr_set)
            for item in grouped[Scope.SET]:
                findings.extend(self._apply(item, okr_set, ctx, options, ignored))
            for objective in okr_set.objectives:
                ctx.objective = objective
                for item in grouped[Scope.OBJECTIVE]:
                    findings.extend(self._apply(item, objective, ctx, options, ignored))
                for kr in objective.key_results:
                    for item in grouped[Scope.KEY_RESULT]:
                        findings.extend(self._apply(item, kr, ctx, options, ignored))
            ctx.objective = None
        return findings

    def check_org(self, org: Org) -> list[Finding]:
        """Org-scope rules: they see every set of the run, and the shared org index.

        Their time limit grows with the org: ``rule-timeout`` per thousand objectives (a near-linear
        rule over 50,000 objectives legitimately takes longer than one rule on one key result).
        """
        limit = self.config.rule_timeout
        if limit:
            objectives = sum(len(s.objectives) for s in org.sets)
            limit = limit * max(1.0, objectives / 1000)
        watchdog = Watchdog(limit)
        with watchdog:
            return self._check_org(org, watchdog)

    def _check_org(self, org: Org, watchdog: Watchdog | None = None) -> list[Finding]:
        grouped, options = self._prepared()
        if not grouped[Scope.ORG]:
            return []
        from okrlint.org import org_index

        findings: list[Finding] = []
        ctx = RuleContext(analyser=self.analyser, org=org, services=org_index(org))
        for item in grouped[Scope.ORG]:
            # the org's own watchdog, armed with the org's limit: the engine's per-object one is not running here
            findings.extend(self._apply(item, org, ctx, options, frozenset(), watchdog))
        if self.config.per_file_ignores:
            findings = [f for f in findings if f.code not in self._ignored_for(f.location.file)]
        return findings

    def _ignored_for(self, file: str) -> frozenset[str]:
        if not self.config.per_file_ignores:
            return frozenset()
        found = self._ignored.get(file)
        if found is None:
            found = self._ignored[file] = self._ignore_codes(file)
        return found

    def _ignore_codes(self, file: str) -> frozenset[str]:
        import fnmatch

        codes: set[str] = set()
        names = {file, Path(file).name}
        try:  # as ruff does, patterns are relative to the configuration file's folder, wherever okrlint runs from
            names.add(Path(os.path.abspath(file)).relative_to(self.config.base_dir.resolve()).as_posix())
        except (ValueError, OSError):
            pass
        for pattern, selectors in self.config.per_file_ignores.items():
            if any(fnmatch.fnmatch(name, pattern) for name in names):
                for selector in selectors:
                    codes.update(r.code for r in self.registry.matching(selector))
        codes.discard(INTERNAL_ERROR.code)  # a rule that failed is reported in every file (docs/security.md)
        return frozenset(codes)

    def _apply(self, item: Rule, target, ctx: RuleContext, options: dict, ignored: frozenset[str],
               watchdog: Watchdog | None = None) -> Iterator[Finding]:
        if item.code in ignored:
            return
        ctx.options = options[item.name]
        try:
            violations = (watchdog or self.watchdog).call(_violations, item, target, ctx)
        except RuleTimeout as exc:
            yield attrs.evolve(internal_error(item, target, ctx, exc), message=timeout_message(item, target, exc),
                               severity=self._internal_error_severity)
            return
        except KeyboardInterrupt:  # the user's Ctrl-C (or a rule that raises it: the two look alike) stops the run
            raise
        except BaseException as exc:  # noqa: BLE001 - a failing rule must not stop the run: SystemExit(0) from a
            # rule is its failure, never the run's exit code (it would turn CI green with the findings unshown)
            yield attrs.evolve(internal_error(item, target, ctx, exc), severity=self._internal_error_severity)
            return
        try:  # what a rule yields is checked: a str, None or a Violation with a bad location is the rule failing
            findings = [make_finding(item, _checked(violation), target, ctx, self.config.severity)
                        for violation in violations]
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001
            yield attrs.evolve(internal_error(item, target, ctx, exc, where=False),
                               severity=self._internal_error_severity)
            return
        for finding in findings:
            if finding.code not in ignored:
                yield finding


def _violations(item: Rule, target, ctx: RuleContext) -> list[Violation]:
    return list(item.check(target, ctx) or ())


class BadRuleOutput(TypeError):
    """A rule yielded something that is not a well-formed Violation."""


def _checked(violation) -> Violation:
    """``violation`` if it is a Violation okrlint can report, else BadRuleOutput saying what is wrong with it."""
    if type(violation) is not Violation and not isinstance(violation, Violation):
        raise BadRuleOutput(f"it yielded {_shown_type(violation)} instead of a Violation")
    if not isinstance(violation.message, str):
        raise BadRuleOutput(f"it yielded a Violation whose message is {_shown_type(violation.message)}, not text")
    location = violation.location
    if location is not None and not (
            isinstance(location, Location) and isinstance(location.file, str)
            and type(location.line) is int and type(location.column) is int
            and isinstance(location.path, str) and (location.sheet is None or isinstance(location.sheet, str))
            and (location.paragraph is None or type(location.paragraph) is int)
            and (location.page is None or type(location.page) is int)):
        raise BadRuleOutput(f"it yielded a Violation whose location is {_shown_type(location)}, not a Location of "
                            "a file, line and column")
    severity = violation.severity
    if severity is not None and not isinstance(severity, Severity):
        try:
            severity = Severity.parse(severity)
        except Exception:  # noqa: BLE001
            raise BadRuleOutput(f"it yielded a Violation whose severity is {_shown_type(severity)}, not error, "
                                "warning or info") from None
        violation = attrs.evolve(violation, severity=severity)
    return violation


def _shown_type(value) -> str:
    if value is None:
        return "None"
    shown = repr(value)
    shown = clipped(shown, 40)
    return f"a {type(value).__name__} ({shown})"


def timeout_message(item: Rule, target, exc: RuleTimeout) -> str:
    about = object_id(target) or getattr(target, "kind", "the org")
    return (f"rule {item.code} [{item.name}] from {item.origin} timed out after {exc.seconds:g} s on {about}; "
            "its findings for this object are missing (the limit is the 'rule-timeout' setting)")


def internal_error(item: Rule, target, ctx: RuleContext, exc: BaseException, where: bool = True) -> Finding:
    import traceback  # only when a rule has failed

    frame = traceback.extract_tb(exc.__traceback__)[-1] if where and exc.__traceback__ else None
    where = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    okr_set = ctx.okr_set
    location = getattr(target, "location", None) or (okr_set.location if okr_set else Location("<org>"))
    return Finding(
        location=location,
        code=INTERNAL_ERROR.code,
        name=INTERNAL_ERROR.name,
        category=INTERNAL_ERROR.category,
        severity=INTERNAL_ERROR.severity,
        message=f"rule {item.code} [{item.name}] from {item.origin} failed: {type(exc).__name__}: {exc}{where}",
        object_id=object_id(target),
        object_kind=getattr(target, "kind", "org"),
        team=okr_set.team if okr_set else "",
    )


def object_id(target) -> str:
    if isinstance(target, OKRSet):
        return target.team
    return getattr(target, "uid", "") or ""


def make_finding(item: Rule, violation: Violation, target, ctx: RuleContext, overrides: dict[str, str]) -> Finding:
    about = violation.target if violation.target is not None else target
    team = ""
    if isinstance(about, OKRSet):
        team = about.team
    elif ctx.okr_set is not None:
        team = ctx.okr_set.team
    elif isinstance(about, (Objective, KeyResult)) and ctx.org is not None:
        team = ctx.services.team_of(about) if hasattr(ctx.services, "team_of") else _team_of(ctx.org, about)
    location = violation.location or _default_location(about)
    return Finding(
        location=location,
        code=item.code,
        name=item.name,
        category=item.category,
        severity=violation.severity or severity_of(item, overrides),
        message=violation.message,
        object_id=object_id(about),
        object_kind=getattr(about, "kind", "org"),
        team=team,
    )


def _default_location(about) -> Location:
    """Findings about an objective or key result point at its title, where the words are."""
    if isinstance(about, (Objective, KeyResult)):
        return about.location_of("title")
    return getattr(about, "location", None) or Location("<org>")


def _team_of(org: Org, obj) -> str:
    file = obj.location.file
    for okr_set in org.sets:
        if okr_set.file == file:
            return okr_set.team
    return ""


def _walk(root: Path, special: list[Path] | None = None,
          closed: list[tuple[Path, OSError]] | None = None,
          leave_out: Callable[[str, str, bool], bool] | None = None) -> Iterator[Path]:
    """The files under ``root`` (and symbolic links to files, broken ones too: reported where they are read),
    skipping SKIP_DIRS and hidden folders; links to folders are not followed. Pipes, sockets and devices go to
    ``special``: opening a named pipe to read waits for a writer for ever. Folders that cannot be listed (no
    permission) go to ``closed`` with the error. The directory entries' own types are used, so a plain file
    costs no extra system call. ``leave_out(path, name, is_folder)`` true: that folder or file is left out."""
    folders = [os.fspath(root)]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as exc:
            if closed is not None:
                closed.append((Path(folder), exc))
            continue
        for entry in listed:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in SKIP_DIRS and not entry.name.startswith(".") and not (
                            leave_out is not None and leave_out(entry.path, entry.name, True)):
                        folders.append(entry.path)
                    continue
                if entry.is_file(follow_symlinks=False):
                    if not is_lock_file(entry.name) and not (  # "~$plan.docx": Office's note that plan.docx is open
                            leave_out is not None and leave_out(entry.path, entry.name, False)):
                        yield Path(entry.path)
                    continue
                if entry.is_symlink():
                    if entry.is_dir():
                        continue  # as os.walk: a link to a folder is not walked
                    if entry.is_file() or not os.path.exists(entry.path):
                        yield Path(entry.path)  # a link to a file, or a broken link (reported when read)
                        continue
            except OSError:
                yield Path(entry.path)  # unreadable entry: reading it reports the problem
                continue
            if special is not None:
                special.append(Path(entry.path))


# A folder named for the OKRs a project keeps in it ("okrs/", "objectives/", "company-okrs/"), not for an organisation
_OKR_STORE = regexcache.compile(r"(?i)(?:.*[-_ .])?(?:okrs?|objectives|goals|key[-_ ]results)(?:[-_ .].*)?$")
# What makes a folder a code project's: its build or package file, or a source folder
_PROJECT_FILES = ("pyproject.toml", "setup.py", "setup.cfg", "package.json", "Cargo.toml", "go.mod", "pom.xml",
                  "build.gradle", "build.gradle.kts", "Gemfile", "composer.json", "CMakeLists.txt", "Makefile", "src")


# Folders that keep what is not current: archives, old versions, backups, and forms and samples to copy from. The whole
# name is the word, maybe with a year, a quarter, "files" or "versions" ("Archive", "_old", "Old versions", "Archive
# 2569", "เอกสารเก่า", "Templates"), so "Old Town" or "Archive team plans" are not. Not "examples" or "samples": a code
# project keeps its example OKRs there (okrlint's own examples/), nor "drafts" (work in progress), nor "history".
_ARCHIVE_FOLDER = regexcache.compile(
    r"(?i)[\W_\d]*(?:zz?[\W_]+)?"
    r"(?:archives?|archived|old|older|backups?|bak|obsolete|deprecated|superseded|previous|templates?"
    r"|เก่า|ย้อนหลัง|สำรอง|เอกสารเก่า|ไฟล์เก่า|ฉบับเก่า|เอกสารย้อนหลัง|ข้อมูลสำรอง|แม่แบบ|แบบฟอร์ม|ตัวอย่าง|ต้นแบบ)"
    r"(?:[\W_]*(?:files?|versions?|docs?|documents?|okrs?|plans?|\d{2,4}(?:[-/]\d{2,4})?|q[1-4]|h[12]|fy\d{2,4}"
    r"|ไฟล์|เอกสาร|ปี|ไตรมาส\S*))*[\W_]*")


def is_archive_folder(name: str) -> bool:
    """Whether a folder's name says it keeps archives, old versions, backups or templates (not walked by default)."""
    return _ARCHIVE_FOLDER.fullmatch(name) is not None


# --- versions of one document in one folder ------------------------------------------------------------------------
# The words a file name carries for its version, of those load/draft.py's without_file_name_noise knows; periods,
# levels and "OKR" stay, so "Sales Q1 2027.md" and "Sales Q2 2027.md" are two plans, not two versions.
_COPY_PREFIX = regexcache.compile(r"(?i)^(?:(?:copy\s+of|สำเนาของ|สำเนา)\s*)+")
_COPY_SUFFIX = regexcache.compile(
    r"(?i)(?:\s*-\s*(?:copy|สำเนา)(?:\s*\(\d+\))?|\s*\(\d+\)|\s*\((?:copy|สำเนา)\)|\s+copy(?:\s+\d+)?)$")
_OLD_SUFFIX = regexcache.compile(r"(?i)(?:[\s_.-]+(?:old|bak|backup)|\s*\((?:old|เก่า)\)|[\s_-]*(?:ฉบับ)?เก่า)$")
_NUMBERED = regexcache.compile(r"(?i)\b(?:version|ver\.?|rev\.?|revision)\s*(\d+(?:\.\d+)*)\b|(?:ฉบับที่|ครั้งที่|แก้ไขครั้งที่)\s*(\d+)")
_THAI_STAGE = regexcache.compile(r"ฉบับ(?:ร่าง|แก้ไข|สมบูรณ์|อนุมัติ|ปรับปรุง|ล่าสุด|จริง|สุดท้าย)")
_TOKEN_SPLIT = regexcache.compile(r"[\s_\-–—()\[\],]+")
_FINAL_WORDS = frozenset({"final", "approved", "ฉบับสมบูรณ์", "ฉบับอนุมัติ", "ฉบับจริง", "ฉบับสุดท้าย", "สมบูรณ์", "อนุมัติ"})
_DRAFT_WORDS = frozenset({"draft", "ร่าง", "ฉบับร่าง", "wip"})
_NEUTRAL_WORDS = frozenset({"latest", "updated", "revised", "ฉบับ", "ฉบับแก้ไข", "ฉบับปรับปรุง", "ฉบับล่าสุด", "แก้ไข",
                            "ปรับปรุง", "ล่าสุด"})
_VERSION_NUMBER = regexcache.compile(r"(?i)v(\d+(?:\.\d+)*)")


@attrs.frozen
class _Version:
    key: tuple[str, ...]
    final: bool
    number: tuple[int, ...]
    draft: bool
    copy: bool
    old: bool
    marked: bool  # the name carries a version word at all


def _parse_version(name: str) -> _Version:
    suffix = name[name.lower().rindex(".okr."):] if okr_named(name) else os.path.splitext(name)[1]
    stem = name[:len(name) - len(suffix)] if suffix else name
    copy = old = False
    while True:
        shorter = _COPY_PREFIX.sub("", stem).strip()
        shorter = _COPY_SUFFIX.sub("", shorter).strip()
        copy = copy or shorter != stem.strip()
        without_old = _OLD_SUFFIX.sub("", shorter).strip(" -_")
        old = old or without_old != shorter
        if without_old == stem or not without_old:
            break
        stem = without_old
    stem = _NUMBERED.sub(lambda m: f" v{m.group(1) or m.group(2)} ", stem)
    stem = _THAI_STAGE.sub(lambda m: f" {m.group(0)} ", stem)
    final = draft = False
    number: tuple[int, ...] = ()
    kept = []
    marked = copy or old
    for token in _TOKEN_SPLIT.split(stem):
        word = token.lower().strip(".")
        if not word:
            continue
        version = _VERSION_NUMBER.fullmatch(word)
        if version:
            number = max(number, tuple(int(part) for part in version.group(1).split(".")))
        elif word in _FINAL_WORDS:
            final = True
        elif word in _DRAFT_WORDS:
            draft = True
        elif word not in _NEUTRAL_WORDS:
            kept.append(word)
            continue
        marked = True
    return _Version((*kept, suffix.lower()), final, number, draft, copy, old, marked)


def version_key(name: str) -> tuple[str, ...] | None:
    """What is left of a file name without its version words ("OKR Q1 2570 v2 (final).docx" and "OKR Q1 2570
    v1.docx": the same document); files with the same key in one folder are versions of one document."""
    return _parse_version(name).key


def _version_order(path: Path):
    """Which version is the latest: not marked old, then final (final, ฉบับสมบูรณ์), then the highest version number,
    then not a draft, then not a copy ("Copy of …", "… (1)", "… - Copy" never wins over its original), then the newest
    modification time, then the name."""
    version = _parse_version(path.name)
    try:
        mtime = path.stat().st_mtime
    except OSError:
        mtime = 0.0
    return (not version.old, version.final, version.number, not version.draft, not version.copy, mtime, path.name)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path


# The usual spelling of a format's suffix, for the *.okr.* name a file is advised to take
_SAME_FORMAT = {".markdown": ".md", ".yml": ".yaml", ".text": ".txt"}


def _holds_okr_files(folder: Path) -> bool:
    """Whether a folder itself (not below it) holds a file named *.okr.*."""
    try:
        return any(okr_named(name) for name in os.listdir(folder))
    except OSError:
        return False


def _is_dir(path: str) -> bool:
    """Whether ``path`` is a folder; False when it cannot be looked at (a path inside a folder without permission)."""
    try:
        return Path(path).is_dir()
    except OSError:
        return False


def _is_code_project(folder: Path) -> bool:
    try:
        return any((folder / name).exists() for name in _PROJECT_FILES)
    except OSError:
        return True


def is_lock_file(name: str) -> bool:
    """An office program's lock file beside an open document: Word's and Excel's ``~$plan.docx`` (the owner's name,
    not the document), LibreOffice's ``.~lock.plan.docx#``. Never a document to read."""
    return name.startswith("~$") or (name.startswith(".~lock.") and name.endswith("#"))


def _display(path: Path) -> str:
    """Relative to the working directory when under it, else as given. Symbolic links are not
    resolved: a file is shown by the name the user sees, and a link loop cannot stop the display."""
    try:
        relative = Path(os.path.abspath(path)).relative_to(Path.cwd())
        return _printable(relative.as_posix())
    except ValueError:
        return _printable(path.as_posix())


def _printable(name: str) -> str:
    """A file name that can be printed and written as UTF-8: undecodable bytes shown as \\xNN."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
