"""Findings in the reader's language: a catalogue of message patterns, applied when reports are written.

Rules write their messages in English (the canonical form: baselines, fingerprints and the caches keep it).
A catalogue such as ``rules/messages/th.yaml`` holds, for every message template the rules produce, the
English template with named placeholders and the same message in another language::

    - en: "vague wording ({terms}) with nothing to measure it by"
      th: "ถ้อยคำกว้าง ๆ ({terms}) ที่ไม่มีตัวเลขบอกว่าหมายถึงอะไร"

An English template becomes a regular expression (each ``{name}`` matches any text; a name used twice must
match the same text twice); the translation reuses what the placeholders matched. ``{name:KIND}`` says the
matched text is itself a phrase to translate with the catalogue's ``parts`` (see the file's header for the
kinds). A message no pattern matches stays in English: a finding is never lost.

``--messages auto`` (the default) translates the findings about OKR sets written in Thai (the set's
``language: th``, the configured ``language``, or Thai text in its titles); ``th`` translates every finding,
``en`` none.

The same catalogue holds okrlint's own words in two more lists, looked up by their exact English text: ``words``
(the headings, labels and sentences of the HTML and Markdown reports, the graph's labels and ``okrlint explain``'s,
where ``{name}`` placeholders are filled in after the lookup) and ``rules`` (each built-in rule's summary and
rationale, for ``explain`` and ``rules``). A text with no entry stays in English.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePath

import attrs

from okrlint.model import Finding, InputError
from okrlint.text import regexcache, stored

MODES = ("auto", "en", "th")
LANGUAGES = ("th",)  # languages with a shipped catalogue
_MEMO_LIMIT = 100_000


class CatalogueError(ValueError):
    pass


@attrs.frozen(order=True)
class ShownFinding(Finding):
    """A finding whose message is shown translated; ``english`` is the rule's own (canonical) message."""

    english: str = attrs.field(default="", eq=False, order=False)


_FINDING_FIELDS = tuple(field.name for field in attrs.fields(Finding))


def canonical_message(finding) -> str:
    """The English message of a finding, whatever language it is shown in (fingerprints use it)."""
    return getattr(finding, "english", "") or finding.message


# --- the catalogue ---------------------------------------------------------------------------------

@attrs.frozen
class _Kind:
    split: str | None  # the separator of a list's items; None: a single phrase
    join: str
    strict: bool  # an item no part matches leaves the whole message in English (else it is kept as written)


_BUILTIN_KINDS = {
    "": _Kind(None, "", False),  # plain text, copied as written
    "part": _Kind(None, "", True),
    "word": _Kind(None, "", False),
    "number": _Kind(None, "", False),  # digits only (copied as written)
}


@attrs.frozen
class _Template:
    english: str
    translation: str
    kinds: tuple[tuple[str, str], ...]  # (placeholder, kind)


class _PatternSet:
    """Templates compiled into one regular expression of alternatives, tried in order (first match wins)."""

    def __init__(self, templates: list[_Template], prefix: str, where: str, source: str | None = None):
        self.templates = templates
        self.prefix = prefix
        if source is None:
            alternatives = []
            for number, template in enumerate(templates):
                try:
                    alternatives.append(f"(?P<{prefix}{number}>{_pattern(template.english, f'{prefix}{number}_')})")
                except (ValueError, re.error) as exc:
                    raise CatalogueError(f"{where}: {template.english!r}: {exc}") from None
            source = "|".join(alternatives) or "(?!)"
        self.source = source
        self.regex = regexcache.compile(source, re.DOTALL)
        # Each alternative's own groups, (group number, placeholder): reading all groups of the whole
        # expression for every message cost more than matching it.
        groups: dict[int, list[tuple[int, str]]] = {}
        for group, index in self.regex.groupindex.items():
            head, _, placeholder = group.partition("_")
            if placeholder:
                groups.setdefault(int(head[len(prefix):]), []).append((index, placeholder))
        self._groups = groups

    def match(self, text: str) -> tuple[_Template, dict[str, str]] | None:
        found = self.regex.fullmatch(text)
        if found is None:
            return None
        number = int(found.lastgroup[len(self.prefix):])
        values = {}
        for index, placeholder in self._groups.get(number, ()):
            value = found.group(index)
            if value is not None:
                values[placeholder] = value
        return self.templates[number], values


def _fields(template: str) -> Iterable[tuple[str, str | None, str | None]]:
    """(literal text, placeholder name, kind) pieces of a template (``{{`` and ``}}`` are literal braces)."""
    for literal, name, spec, conversion in string.Formatter().parse(template):
        if conversion:
            raise ValueError(f"conversion '!{conversion}' is not allowed in a placeholder")
        if name is not None and not name.isidentifier():
            raise ValueError(f"placeholder {{{name}}} is not a name")
        yield literal, name, spec


def _pattern(template: str, group_prefix: str) -> str:
    parts = []
    seen: set[str] = set()
    after_placeholder = False
    for literal, name, kind in _fields(template):
        parts.append(re.escape(literal))
        if name is None:
            continue
        if after_placeholder and not literal:
            raise ValueError(f"{{{name}}} follows another placeholder with no text between them")
        after_placeholder = True
        if name in seen:
            parts.append(f"(?P={group_prefix}{name})")
        else:
            seen.add(name)
            parts.append(f"(?P<{group_prefix}{name}>{_NUMBER if kind == 'number' else '.*?'})")
    return "".join(parts)


_NUMBER = r"\d[\d,.]*"


def _placeholders(template: str) -> dict[str, str]:
    """placeholder -> kind ('' when none is given)."""
    found: dict[str, str] = {}
    for _, name, spec in _fields(template):
        if name is not None:
            found.setdefault(name, spec or "")
    return found


class Catalogue:
    """One language's translations of okrlint's messages."""

    def __init__(self, language: str, messages: list[_Template], parts: list[_Template], kinds: dict[str, _Kind],
                 source: str = "", patterns: tuple[str, str] | None = None, words: Mapping[str, str] | None = None,
                 rule_texts: Mapping[str, str] | None = None):
        self.language = language
        self.source = source
        self.kinds = kinds
        self._messages = _PatternSet(messages, "m", source, patterns and patterns[0])
        self._parts = _PatternSet(parts, "p", source, patterns and patterns[1])
        self._memo: dict[str, str | None] = {}
        self._words: dict[str, str] | None = dict(words) if words is not None else None
        self._rule_texts: dict[str, str] | None = dict(rule_texts) if rule_texts is not None else None
        self._load_texts: Callable[[], tuple[dict[str, str], dict[str, str]]] | None = None

    # okrlint's own words (English -> translation) and the rules' summaries and rationales: only reports and
    # `explain` need them, so a run that translates findings never reads them (see load_catalogue)
    @property
    def words(self) -> dict[str, str]:
        if self._words is None:
            self._fill_texts()
        return self._words

    @property
    def rule_texts(self) -> dict[str, str]:
        if self._rule_texts is None:
            self._fill_texts()
        return self._rule_texts

    def _fill_texts(self) -> None:
        words, rule_texts = self._load_texts() if self._load_texts is not None else ({}, {})
        self._words, self._rule_texts = dict(words), dict(rule_texts)

    def plain(self) -> tuple:
        """This catalogue as plain data (for the private folder): see ``_from_plain``."""
        def rows(templates):
            return tuple((t.english, t.translation, t.kinds) for t in templates)

        kinds = tuple((name, (kind.split, kind.join, kind.strict)) for name, kind in self.kinds.items())
        return (self.language, kinds, rows(self._messages.templates), rows(self._parts.templates),
                (self._messages.source, self._parts.source))

    def plain_texts(self) -> tuple:
        return tuple(self.words.items()), tuple(self.rule_texts.items())

    @classmethod
    def _from_plain(cls, plain: tuple, source: str, texts: tuple | None = None) -> Catalogue:
        language, kinds, messages, parts, patterns = plain
        words, rule_texts = texts if texts is not None else (None, None)
        return cls(language, [_Template(*row) for row in messages], [_Template(*row) for row in parts],
                   {name: _Kind(*kind) for name, kind in kinds}, source, patterns,
                   dict(words) if words is not None else None, dict(rule_texts) if rule_texts is not None else None)

    def word(self, english: str) -> str | None:
        """okrlint's own words (a report's heading, a label) in this catalogue's language; None: no entry."""
        return self.words.get(english)

    def rule_text(self, english: str) -> str | None:
        """A rule's summary or rationale in this catalogue's language; None: no entry (a plugin's rule, or a text
        changed since it was translated)."""
        return self.rule_texts.get(english)

    @property
    def templates(self) -> list[_Template]:
        return list(self._messages.templates)

    def template_for(self, message: str) -> str | None:
        """The English template that matches ``message`` (None: no translation)."""
        found = self._messages.match(message)
        return found[0].english if found else None

    def translate(self, message: str) -> str | None:
        """``message`` in this catalogue's language, or None when no template matches it completely."""
        memo = self._memo
        if message in memo:
            return memo[message]
        found = self._render(self._messages, message, depth=0)
        if found is not None and self.language == "th" and "-" in found:
            found = thai_dates(found)
        if len(memo) < _MEMO_LIMIT:
            memo[message] = found
        return found

    def _render(self, patterns: _PatternSet, text: str, depth: int) -> str | None:
        found = patterns.match(text)
        if found is None:
            return None
        template, values = found
        for name, kind_name in template.kinds:
            value = values.get(name)
            if value is None or not kind_name or kind_name == "number":
                continue
            translated = self._value(value, self.kinds[kind_name], depth)
            if translated is None:
                return None
            values[name] = translated
        return template.translation.format_map(values)

    def _value(self, value: str, kind: _Kind, depth: int) -> str | None:
        if depth > 4:  # parts within parts within parts: a catalogue mistake, not a message
            return None if kind.strict else value
        items = value.split(kind.split) if kind.split else [value]
        out = []
        for item in items:
            translated = self._render(self._parts, item, depth + 1) if item else item
            if translated is None:
                if kind.strict:
                    return None
                translated = item
            out.append(translated)
        return (kind.join if kind.split else "").join(out)


_ISO_DATE = regexcache.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_ISO_SPAN = regexcache.compile(r"(?<![\d-])(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})(?![\d-])")
_THAI_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")


def thai_dates(text: str) -> str:
    """ISO dates in a Thai message as Thai readers write them: 2026-10-01 → 1 ต.ค. 2569 (Buddhist Era), and a span
    2026-10-01..2027-09-30 → 1 ต.ค. 2569 – 30 ก.ย. 2570."""
    def one(match: re.Match) -> str:
        year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return match.group(0)
        return f"{day} {_THAI_MONTHS[month - 1]} {year + 543}"

    text = _ISO_SPAN.sub(lambda m: f"{m.group(1)} – {m.group(2)}", text)
    return _ISO_DATE.sub(one, text)


def data_path(language: str) -> Path:
    from okrlint.text.vocab import data_dir

    return data_dir() / "messages" / f"{language}.yaml"


_CATALOGUES: dict[str, Catalogue] = {}


def catalogue(language: str) -> Catalogue:
    """The shipped catalogue of ``language`` (read once per process)."""
    found = _CATALOGUES.get(language)
    if found is None:
        found = _CATALOGUES[language] = load_catalogue(data_path(language))
    return found


def load_catalogue(path: Path) -> Catalogue:
    """The catalogue of a file: built once per content and kept; its ``words`` and ``rules`` lists (for reports and
    `explain`) kept apart and read only when asked for, so translating a run's findings reads neither them nor the
    YAML."""
    from okrlint.text.segment import sha1

    try:
        key = sha1(b"catalogue-v3\n" + Path(path).read_bytes()).hexdigest()
    except OSError:
        key = None
    kept = _kept_catalogues.get(key) if key else None
    if kept is not None:
        try:
            found = Catalogue._from_plain(kept, str(path))
            found._load_texts = lambda: _kept_texts(path, key)
            return found
        except Exception:  # noqa: BLE001 - a damaged entry: build it again below
            pass
    built = _build_catalogue(_parsed(path), str(path))
    if key:
        _kept_catalogues.keep(key, built.plain())
        _kept_catalogue_texts.keep(key, built.plain_texts())
    return built


def _parsed(path: Path) -> object:
    from okrlint.load import LoadError
    from okrlint.load.kept_yaml import load_plain_yaml_kept

    try:
        return load_plain_yaml_kept(path, "messages")  # parsed once per content, then kept (~25 ms a run)
    except LoadError as exc:
        raise CatalogueError(str(exc)) from None


def _kept_texts(path: Path, key: str) -> tuple[dict[str, str], dict[str, str]]:
    texts = _kept_catalogue_texts.get(key)
    if texts is None:
        built = _build_catalogue(_parsed(path), str(path))
        texts = built.plain_texts()
        _kept_catalogue_texts.keep(key, texts)
    words, rule_texts = texts
    return dict(words), dict(rule_texts)


# Built catalogues as plain data, keyed by a digest of what they were built from: checking ~250 templates and
# writing their patterns took a fiftieth of a single-file run that shows Thai findings.
_kept_catalogues = stored.KeptDict(lambda: "catalogues-v3.marshal", 16)
_kept_catalogue_texts = stored.KeptDict(lambda: "catalogue-texts-v1.marshal", 16)


def catalogue_from_data(data: object, source: str = "<catalogue>") -> Catalogue:
    """A catalogue from parsed data (a plugin's or a test's); built each time."""
    return _build_catalogue(data, source)


def _build_catalogue(data: object, source: str) -> Catalogue:
    if not isinstance(data, dict) or not isinstance(data.get("language"), str):
        raise CatalogueError(f"{source}: expected a mapping with 'language', 'messages' and 'parts'")
    language = data["language"]
    kinds = dict(_BUILTIN_KINDS)
    for name, spec in (data.get("lists") or {}).items():
        if not isinstance(spec, dict) or not isinstance(spec.get("split"), str) or not spec["split"]:
            raise CatalogueError(f"{source}: lists.{name}: expected 'split' (and 'join', 'strict')")
        kinds[str(name)] = _Kind(spec["split"], str(spec.get("join", spec["split"])), bool(spec.get("strict", False)))
    messages = _templates(data.get("messages"), language, kinds, f"{source}: messages")
    parts = _templates(data.get("parts") or [], language, kinds, f"{source}: parts")
    words = _texts(data.get("words") or [], language, f"{source}: words", placeholders=True)
    rule_texts = _texts(data.get("rules") or [], language, f"{source}: rules", placeholders=False)
    return Catalogue(language, messages, parts, kinds, source, words=words, rule_texts=rule_texts)


def _texts(entries: object, language: str, where: str, placeholders: bool) -> dict[str, str]:
    """English text -> translation, for the lists looked up by their exact text (``words``, ``rules``); in ``words``
    the translation's ``{placeholders}`` must be the English text's."""
    if not isinstance(entries, list):
        raise CatalogueError(f"{where}: expected a list of {{en: ..., {language}: ...}}")
    found: dict[str, str] = {}
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("en"), str) or not isinstance(entry.get(language), str):
            raise CatalogueError(f"{where} #{number}: expected 'en' and '{language}' texts")
        english, translation = entry["en"], entry[language]
        if english in found:
            raise CatalogueError(f"{where} #{number}: {english!r} is translated twice")
        if placeholders:
            try:
                wanted, used = _placeholders(english), _placeholders(translation)
            except ValueError as exc:
                raise CatalogueError(f"{where} #{number}: {exc}") from None
            if any(wanted.values()) or any(used.values()):
                raise CatalogueError(f"{where} #{number}: kinds (':...') belong in messages only")
            missing = sorted(set(used) - set(wanted))
            if missing:
                raise CatalogueError(f"{where} #{number}: {{{missing[0]}}} in the translation is not in {english!r}")
        found[english] = translation
    return found


def _templates(entries: object, language: str, kinds: Mapping[str, _Kind], where: str) -> list[_Template]:
    if not isinstance(entries, list):
        raise CatalogueError(f"{where}: expected a list of {{en: ..., {language}: ...}}")
    templates = []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("en"), str) or not isinstance(entry.get(language), str):
            raise CatalogueError(f"{where} #{number}: expected 'en' and '{language}' texts")
        english, translation = entry["en"], entry[language]
        try:
            wanted = _placeholders(english)
            used = _placeholders(translation)
        except ValueError as exc:
            raise CatalogueError(f"{where} #{number}: {exc}") from None
        unknown = [kind for kind in wanted.values() if kind not in kinds]
        if unknown:
            raise CatalogueError(f"{where} #{number}: unknown kind ':{unknown[0]}' in {english!r}")
        missing = sorted(set(used) - set(wanted))
        if missing:
            raise CatalogueError(f"{where} #{number}: {{{missing[0]}}} in the translation is not in {english!r}")
        if any(used.values()):
            raise CatalogueError(f"{where} #{number}: kinds (':...') belong in the English template only")
        templates.append(_Template(english, translation, tuple(wanted.items())))
    return templates


# --- which findings are shown in which language -------------------------------------------------------

def set_language(okr_set, default: str | None = None) -> str:
    """``th`` or ``en``: the set's ``language``, else the configured default, else what its titles are written in."""
    if okr_set.language in ("th", "en"):
        return okr_set.language
    if default in ("th", "en"):
        return default
    from okrlint.text.facts import detect_language

    titles = []
    size = 0
    for objective in okr_set.objectives:
        for text in (objective.title, *(kr.title for kr in objective.key_results)):
            titles.append(text)
            size += len(text)
        if size > 4000:
            break
    return detect_language(" ".join(titles))


_THAI_LETTER = regexcache.compile(r"[\u0e01-\u0e4e]")


def finding_languages(result, mode: str, default: str | None = None):
    """A function giving the language each finding of ``result`` is shown in."""
    if mode != "auto":
        return lambda finding: mode
    by_team: dict[tuple[str, str], str] = {}
    by_file: dict[str, str] = {}
    for okr_set in result.org.sets:
        language = set_language(okr_set, default)
        by_team[(okr_set.file, okr_set.team)] = language
        if by_file.get(okr_set.file) != "th":  # a file with a Thai set speaks Thai
            by_file[okr_set.file] = language
    languages = set(by_team.values())
    whole_run = "th" if languages == {"th"} else default if default in ("th", "en") else "en"

    def language_of(finding) -> str:
        file = finding.location.file
        known = by_team.get((file, getattr(finding, "team", None))) or by_file.get(file)
        if known is None and whole_run != "th" and _THAI_LETTER.search(PurePath(file).name):
            return "th"  # a file that could not be read, named in Thai ('แผน OKR กองคลัง.xlsx'): its reader reads Thai
        return known or whole_run

    return language_of


def report_language(result, mode: str, default: str | None = None) -> str:
    """The language of a report's own words: ``th`` when its findings are all shown in Thai (``--messages th``,
    or ``auto`` with every set in Thai), else English."""
    if mode in LANGUAGES:
        return mode
    if mode != "auto" or not result.org.sets:
        return "en"
    return "th" if all(set_language(okr_set, default) == "th" for okr_set in result.org.sets) else "en"


def translated_findings(findings: Iterable[Finding], language_of) -> tuple[Finding, ...]:
    """The findings with their messages translated where a catalogue has them (order kept)."""
    out = []
    for finding in findings:
        language = language_of(finding)
        if language in LANGUAGES:
            shown = catalogue(language).translate(finding.message)
            if shown is not None and shown != finding.message:
                fields = {name: getattr(finding, name) for name in _FINDING_FIELDS}
                fields["message"] = shown
                finding = ShownFinding(**fields, english=finding.message)
        out.append(finding)
    return tuple(out)


def localise(result, mode: str, default: str | None = None):
    """``result`` (an engine RunResult) with its findings in the language ``mode`` asks for."""
    if mode == "en":
        return result
    language_of = finding_languages(result, mode, default)
    findings = translated_findings(result.findings, language_of)
    return attrs.evolve(result, findings=findings, errors=localise_errors(result.errors, mode, language_of))


def localise_errors(errors: Iterable[InputError], mode: str, language_of=None) -> tuple[InputError, ...]:
    """Input errors in the language ``mode`` names; under ``auto`` in the language of their file's sets, and for
    a file that could not be read, Thai when every set of the run is Thai (``language_of``, from
    :func:`finding_languages`), else English."""
    errors = tuple(errors)
    if mode not in LANGUAGES and (mode != "auto" or language_of is None):
        return errors
    out = []
    for error in errors:
        language = mode if mode in LANGUAGES else language_of(error)
        shown = catalogue(language).translate(error.message) if language in LANGUAGES else None
        out.append(attrs.evolve(error, message=shown) if shown is not None else error)  # its kind kept
    return tuple(out)


def catalogue_stamp() -> list:
    """What the shown messages depend on besides the run (for the key of a replayed run)."""
    from okrlint.replay import file_stamp

    return [file_stamp(str(data_path(language))) for language in LANGUAGES]
