"""Review 56 (hostile inputs): rule work stays near-linear. Asserted on the work done (pairs verified, ratios
computed, facts computed), never on time.

* duplicate-objective (ALN005): long titles written with one small vocabulary were verified nearly pair by pair,
  each with difflib over 2,000 characters;
* duplicate-key-result (CLA006): every pair of an objective's key results (up to 200 of 500 characters) went
  through difflib;
* inline suppressions: every directive was tried against every finding;
* the facts cache held 4,096 titles: a file with more had every title's facts computed two or three times.
"""

from __future__ import annotations

import difflib
import json
import random
from collections import Counter
from types import SimpleNamespace

from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.hookspecs import hookimpl
from okrlint.model import Finding, Location, Severity
from okrlint.rules import clarity
from okrlint.rules.base import Violation, rule
from okrlint.suppress import Suppressor, parse_directives
from okrlint.testing import engine_for, lint_yaml
from okrlint.text import facts as facts_module
from okrlint.text import neardup
from okrlint.text.neardup import (COMPARED_CHARS, NearDuplicateFinder, common_subsequence, compared_part,
                                  ratio_bound)

WORDS = ("support retention churn partners quality onboarding revenue customers merchants pricing tickets "
         "payments latency signup refunds delivery").split()
THAI_WORDS = ("ความพึงพอใจ ระบบ บริการ อนุญาต เพิ่ม ลด รวดเร็ว ลูกค้า ร้อยละ ค่าธรรมเนียม ออนไลน์ กระบวนการ "
              "คำขอ").split()


def _words(rng: random.Random, count: int, vocabulary=WORDS) -> list[str]:
    return [rng.choice(vocabulary) for _ in range(count)]


def _edited(rng: random.Random, words: list[str], within: int) -> list[str]:
    """A near copy: one or two words near the start get a letter more or less (a plural, a typo)."""
    words = list(words)
    for _ in range(rng.randrange(1, 3)):
        at = rng.randrange(1, within)
        words[at] = words[at][:-1] if rng.random() < 0.5 else words[at] + "s"
    return words


# --- the bounds ---------------------------------------------------------------------------------------------


def _plain_lcs(a: str, b: str) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        diagonal = 0
        for j, y in enumerate(b, 1):
            above = row[j]
            row[j] = diagonal + 1 if x == y else max(row[j], row[j - 1])
            diagonal = above
    return row[-1]


def test_common_subsequence_is_the_longest_and_bounds_difflibs_ratio():
    rng = random.Random(56)
    for _ in range(1500):
        alphabet = rng.choice(["ab", "abc", "กขคา์", "the quick brown fox"])
        a = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 70)))
        b = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 70)))
        assert common_subsequence(a, b) == _plain_lcs(a, b)
        if a or b:
            assert ratio_bound(a, b) >= difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def test_the_word_ratio_of_coded_words_is_difflibs_over_the_lists():
    rng = random.Random(3)
    codes: dict[str, str] = {}
    for _ in range(500):
        a, b = _words(rng, rng.randrange(0, 12), WORDS[:5]), _words(rng, rng.randrange(0, 12), WORDS[:5])
        coded = neardup._sequence_ratio(neardup._coded(a, codes), neardup._coded(b, codes))
        assert coded == difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def test_a_long_text_is_compared_on_its_start_cut_at_a_space():
    text = " ".join(["payments"] * 300)
    start = compared_part(text)
    assert len(start) <= COMPARED_CHARS and text.startswith(start) and not start.endswith(" ")
    assert text[len(start)] == " "
    assert compared_part("short title") == "short title"


# --- duplicate-objective's index ----------------------------------------------------------------------------


def _long_titles(rng: random.Random, count: int, copies: int):
    """``count`` titles of about 1,990 characters from one vocabulary, and ``copies`` near copies of some of them
    (each in a group of its own)."""
    texts = [" ".join(_words(rng, 220))[:1990] for _ in range(count)]
    groups: list[object] = list(range(count))
    expected = set()
    for number in range(copies):
        original = rng.randrange(count)
        texts.append(" ".join(_edited(rng, texts[original].split(), 30)))
        groups.append(f"copy{number}")
        expected.add((original, len(texts) - 1))
    return texts, groups, expected


def _counting(monkeypatch, owner, name: str) -> Counter:
    calls: Counter = Counter()
    original = getattr(owner, name)

    def counted(*args, **kwargs):
        calls[name] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_long_titles_of_one_vocabulary_are_not_verified_pair_by_pair(monkeypatch):
    texts, groups, expected = _long_titles(random.Random(192), 192, 8)
    verified = _counting(monkeypatch, NearDuplicateFinder, "_verify")
    compared: list[int] = []
    plain_ratio = neardup.ratio

    def ratio(a, b):
        compared.append(max(len(a), len(b)))
        return plain_ratio(a, b)

    monkeypatch.setattr(neardup, "ratio", ratio)
    pairs = NearDuplicateFinder(threshold=0.85).pairs(texts, groups=groups)
    assert {(p.first, p.second) for p in pairs} == expected  # the near copies are still found
    # review 56: 15,723 of the 18,336 pairs were verified for 192 such texts, each with difflib on 2,000 characters
    assert verified["_verify"] <= 4 * len(texts)
    # the character ratio (the long calls; the short ones are word ratios, a character a word) is computed for
    # the copies only: the longest common subsequence rules out the others
    assert len([length for length in compared if length > 100]) <= len(expected)
    assert max(compared) <= COMPARED_CHARS


def test_a_text_verifies_at_most_max_candidates_others(monkeypatch):
    # one template with a number: all of them meet in the index (and many are alike enough)
    texts = [f"Keep the platform fast and reliable for every merchant in zone {n}" for n in range(300)]
    groups = list(range(len(texts)))
    finder = NearDuplicateFinder(threshold=0.85, max_candidates=5)
    per_text: Counter = Counter()
    original = NearDuplicateFinder._verify

    def verify(self, normalised, shingle_sets, words_of, i, j, counts_of=None):
        per_text[max(i, j)] += 1
        return original(self, normalised, shingle_sets, words_of, i, j, counts_of)

    monkeypatch.setattr(NearDuplicateFinder, "_verify", verify)
    finder.pairs(texts, groups=groups)
    assert per_text and max(per_text.values()) <= 5
    unbounded = NearDuplicateFinder(threshold=0.85, max_candidates=10**6)
    per_text.clear()
    unbounded.pairs(texts, groups=groups)
    assert max(per_text.values()) > 5  # the bound did bind


def test_candidates_meet_copies_and_all_earlier_texts_when_few():
    finder = NearDuplicateFinder()
    found = finder.candidates(["grow signups", "", "cut churn", "grow signups", "grow signups"])
    assert found == [[], [], [0], [0, 2], [0, 2, 3]]
    texts, _, _ = _long_titles(random.Random(5), 150, 0)
    forms = [clarity.normalise(t[:300]) for t in texts]
    forms.append(forms[10])  # a copy meets the first copy
    met = finder.candidates(forms)
    assert 10 in met[-1] and all(m == sorted(m) and all(j < i for j in m) for i, m in enumerate(met))
    assert max(len(m) for m in met) <= finder.max_candidates + 1


# --- duplicate-key-result ------------------------------------------------------------------------------------


def _objective_with_long_key_results(rng: random.Random, count: int, copies: int, vocabulary=WORDS, joiner=" "):
    titles = []
    for number in range(count):
        words = _words(rng, 70 if joiner else 40, vocabulary)
        titles.append("Increase " + joiner.join(words) + f" from {number} to {number + 5}")
    copied = {}
    for _ in range(copies):
        original = titles[rng.randrange(count)]
        words = original.split(" ") if joiner else [original]
        if joiner:
            copy = " ".join(_edited(rng, words, 40))
        else:  # Thai written without spaces: a letter more in the middle
            at = rng.randrange(20, 120)
            copy = original[:at] + "ก" + original[at:]
        at = rng.randrange(len(titles) + 1)
        titles.insert(at, copy)
        copied[copy] = original
    text = "team: growth\nobjectives:\n  - title: Make paying easy\n    key_results:\n"
    text += "".join(f"      - {json.dumps(title, ensure_ascii=False)}\n" for title in titles)
    return text, titles, copied


_PLAIN_RATIO = neardup.ratio  # difflib's ratio (test_perf_similarity), not counted below


def _plain_duplicates(titles: list[str], threshold: float = 0.9) -> dict[str, str]:
    """What duplicate-key-result reports, computed pair by pair (each title: its first look-alike)."""
    forms = [clarity._compared(t) for t in titles]
    found = {}
    for i, form in enumerate(forms):
        for j in range(i):
            if _PLAIN_RATIO(form, forms[j]) >= threshold:
                found[titles[i]] = titles[j]
                break
    return found


def test_long_key_results_of_one_vocabulary_are_not_compared_pair_by_pair(monkeypatch):
    for vocabulary, joiner in ((WORDS, " "), (THAI_WORDS, "")):
        text, titles, copied = _objective_with_long_key_results(random.Random(100), 80, 6, vocabulary, joiner)
        plain = _plain_duplicates(titles)
        assert len(plain) == len(copied)
        similarities = _counting(monkeypatch, clarity, "_similarity")
        ratios = _counting(monkeypatch, neardup, "ratio")
        findings = [f for f in lint_yaml(text, select=["CLA006"]) if f.code == "CLA006"]
        reported = {titles[f.location.line - 5]: f.message for f in findings}
        assert reported.keys() == plain.keys()
        for title, message in reported.items():
            assert message.startswith(f"repeats key result '{plain[title][:80]}")  # (a long title is shortened)
        # review 56: all 3,403 pairs of 86 key results went through difflib (9 s for 100 of them)
        assert similarities["_similarity"] <= 20 * len(titles)
        assert ratios["ratio"] <= 2 * len(copied)
        monkeypatch.undo()


def test_few_key_results_are_still_compared_pair_by_pair(monkeypatch):
    rng = random.Random(4)
    titles = [f"Raise {' '.join(_words(rng, 4))} from {n}% to {n + 9}%" for n in range(30)]
    text = "team: growth\nobjectives:\n  - title: Make paying easy\n    key_results:\n"
    text += "".join(f"      - {title}\n" for title in titles)
    similarities = _counting(monkeypatch, clarity, "_similarity")
    lint_yaml(text, select=["CLA006"])
    assert similarities["_similarity"] == len(titles) * (len(titles) - 1) // 2


# --- inline suppressions -------------------------------------------------------------------------------------


@rule(code="TST561", name="says-launch", category="custom", severity="warning", scope="key_result",
      summary="The key result says 'launch'.")
def _says_launch(kr, ctx):
    if "launch" in kr.title.lower():
        yield Violation("says launch")


@rule(code="TST562", name="says-page", category="custom", severity="warning", scope="key_result",
      summary="The key result says 'page'.")
def _says_page(kr, ctx):
    if "page" in kr.title.lower():
        yield Violation("says page")


_TEST_RULES = SimpleNamespace(okrlint_rules=hookimpl(lambda: [_says_launch, _says_page]))


def _suppressor() -> Suppressor:
    engine = Engine(Config(select=["TST56", "SUP"]), extra_plugins=[_TEST_RULES])
    selected = frozenset(r.code for r in engine.selected_rules())
    return Suppressor(engine.registry, selected)


def _plain_apply(suppressor: Suppressor, findings: list[Finding], raw: dict[str, str]):
    """Every directive tried against every finding: what suppressions did before review 56."""
    directives = {file: parse_directives(file, text) for file, text in raw.items()}
    kept = []
    for finding in findings:
        hidden = False
        for directive in directives.get(finding.location.file, ()):
            if not directive.covers_line(finding.location.line):
                continue
            if directive.names is None:
                directive.used.add("*")
                hidden = True
                continue
            for name in directive.names:
                codes = suppressor.codes_for(name.text)
                if codes and finding.code in codes:
                    directive.used.add(name.text)
                    hidden = True
        if not hidden:
            kept.append(finding)
    kept += suppressor._directive_findings({f: d for f, d in directives.items() if d})
    return sorted(kept)


def _finding(file: str, line: int, code: str) -> Finding:
    return Finding(location=Location(file, line, 7), code=code, name=code.lower(), category="custom",
                   severity=Severity.WARNING, message=f"{code} at {line}")


def test_suppressions_hide_and_report_what_they_did_when_tried_against_every_finding():
    rng = random.Random(56)
    names = ["", "says-launch", "TST562", "says-launch,TST562", "kr-cuont", "custom", "TST56", "MEA001"]
    for _ in range(40):
        lines, findings = ["team: t", "objectives:"], []
        for _ in range(rng.randrange(1, 40)):
            kind = rng.random()
            name = rng.choice(names)
            directive = f"# okrlint: disable{'=' + name if name else ''}"
            if kind < 0.3:
                lines.append(f"      {directive}")
            lines.append("      - title: Launch the page" + (f"  {directive}" if 0.3 <= kind < 0.7 else ""))
            lines.append("        owner: someone")
            for code in ("TST561", "TST562"):
                if rng.random() < 0.7:
                    findings.append(_finding("a.okr.yaml", rng.randrange(len(lines) - 1, len(lines) + 1), code))
        if rng.random() < 0.2:
            lines.insert(2, f"# okrlint: disable-file={rng.choice(names[1:4])}")
        raw = {"a.okr.yaml": "\n".join(lines) + "\n"}
        findings.append(_finding("b.okr.yaml", 3, "TST561"))  # a file without directives
        suppressor = _suppressor()
        assert suppressor.apply(findings, raw) == _plain_apply(suppressor, findings, raw)


def test_thousands_of_suppressions_are_not_each_tried_against_every_finding(monkeypatch):
    import okrlint.suppress as suppress

    count = 3000
    lines = ["team: t", "objectives:", "  - title: Launch it", "    key_results:"]
    findings = []
    for number in range(count):
        lines.append("      # okrlint: disable=says-page")
        lines.append(f"      - Launch the page {number}  # okrlint: disable=TST561")
        findings += [_finding("a.okr.yaml", len(lines), "TST561"), _finding("a.okr.yaml", len(lines), "TST562")]
    raw = {"a.okr.yaml": "\n".join(lines) + "\n"}
    covers = _counting(monkeypatch, suppress.Directive, "covers_line")
    lookups = _counting(monkeypatch, suppress, "_within")
    ranges = _counting(monkeypatch, suppress, "_any_between")
    kept = _suppressor().apply(findings, raw)
    assert kept == []  # every finding hidden, every directive used
    assert covers["covers_line"] == 0  # review 56: 81 M calls for 4,000 key results
    assert lookups["_within"] <= 2 * len(findings)
    assert ranges["_any_between"] <= 2 * count + 1


# --- the facts cache -----------------------------------------------------------------------------------------


def test_a_file_with_more_titles_than_the_cache_analyses_each_title_once(monkeypatch):
    monkeypatch.setattr(facts_module, "FACTS_CACHE_SIZE", 32)
    computed: Counter = Counter()
    original = facts_module.Analyser._compute

    def compute(self, text, language):
        computed[(text, language)] += 1
        return original(self, text, language)

    monkeypatch.setattr(facts_module.Analyser, "_compute", compute)
    objectives = "".join(
        f"  - title: Shops in city {o} stay with us\n    key_results:\n"
        + "".join(f"      - Raise repeat orders in city {o} zone {k} from {k}% to {k + 20}%\n" for k in range(5))
        for o in range(40))
    engine = engine_for()
    result = engine.run(sources=[engine.source_from_bytes("big.okr.yaml", f"team: shops\nobjectives:\n{objectives}".encode())])
    assert not result.errors
    assert len(computed) > 200  # 240 titles, far more than the cache's 32
    assert max(computed.values()) == 1, [text for text, n in computed.items() if n > 1][:3]


def test_the_facts_cache_shrinks_back_after_a_big_file():
    analyser = engine_for().analyser
    analyser.hold(3000)
    for number in range(5000):
        analyser.analyse(f"Raise repeat orders in zone {number}")
    assert len(analyser._cache) > facts_module.FACTS_CACHE_SIZE  # the big file's titles all stay
    analyser.hold(10)
    analyser.analyse("Cut churn from 5% to 3%")
    assert len(analyser._cache) <= facts_module.FACTS_CACHE_SIZE // 2 + 1
