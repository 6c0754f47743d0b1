"""Measurability: a key result is an outcome with a baseline and a target, not a task."""

from __future__ import annotations

import re
import sys

from okrlint.hookspecs import hookimpl
from okrlint.text import regexcache
from okrlint.model import KeyResult
from okrlint.rules.base import Violation, bad, good, rule, rules_in
from okrlint.tags import classify_kind, holds_a_level, is_one_off, scores_a_ladder
from okrlint.text.facts import find_placeholders
from okrlint.text.facts import NON_QUANTITY_KINDS
from okrlint.text.numbers import (parts_per_million, read_numbers, relative_change, relative_target,
                                  share_unit, target_from_baseline, to_base_unit)


def baseline_and_target(kr: KeyResult, facts) -> tuple[float | None, float | None]:
    """Fields win over what the title says; the title fills what the fields leave out."""
    change = facts.change
    if change is not None and _fields_are_the_titles_percents_as_fractions(kr, change):
        return change.baseline, change.target  # cells formatted as percentages: 0.021 is the 2.1% the title says
    baseline = kr.baseline if kr.baseline is not None else (change.baseline if change else None)
    target = kr.target if kr.target is not None else (change.target if change else None)
    if kr.baseline is not None and kr.target is None and change is not None:
        moved = target_from_baseline(change, kr.baseline, kr.baseline_text, kr.unit)
        if moved is not None:
            # a baseline in its field and a change by an amount in the title ("Cut cloud cost per order by 10%",
            # "ลด cloud cost ต่อออเดอร์ 10%" beside 1.80): the target is 1.62, not 10
            target = moved
    if kr.baseline is not None and kr.target is not None and relative_change(kr.target_text) == "either":
        # a target cell "Improve by 5%" / "ดีขึ้น 5%" beside a baseline: the baseline moved the way the title's verb
        # says; with no verb, which way is better is not known, so there is no target to compare
        target = relative_target(kr.baseline, kr.baseline_text or "", kr.target_text or "", _title_direction(facts))
    return baseline, target


def _ratios(change) -> bool:
    """Both ends of the change are ratios written "a:b" ("from 1:3 to 1:2")."""
    return all(m is not None and m.kind == "ratio" and m.denominator for m in (change.baseline_mention,
                                                                              change.target_mention))


def _title_direction(facts) -> str | None:
    up, down = facts.has("increase"), facts.has("decrease")
    return "up" if up and not down else "down" if down and not up else None


def _fields_are_the_titles_percents_as_fractions(kr: KeyResult, change) -> bool:
    """Cells a spreadsheet shows as "2.1%" hold 0.021: when the title says the same change in percent ("from 2.1% to
    2.2%"), the title's numbers are the values as the user wrote and saw them."""
    if kr.baseline is None or kr.target is None or change.baseline is None or change.target is None:
        return False
    mentions = (change.baseline_mention, change.target_mention)
    if not any(m is not None and m.kind == "percent" for m in mentions) and (kr.unit or "").strip().lower() not in (
            "%", "percent", "ร้อยละ"):
        return False
    return all(abs(field * 100 - said) <= 1e-6 * max(1.0, abs(said))
               for field, said in ((kr.baseline, change.baseline), (kr.target, change.target)))


def _comparable(kr: KeyResult, facts) -> tuple[float | None, float | None]:
    """Baseline and target in one unit ("from 3 days to 20 minutes" compares seconds with seconds)."""
    if unit_mismatch(kr) is not None:
        return None, None  # "62%" and "700 carers": not two values of one measure (kr-not-measurable says so)
    baseline, target = baseline_and_target(kr, facts)
    change = facts.change
    if (
        change is not None
        and baseline == change.baseline
        and target == change.target
        and change.baseline_mention is not None
        and change.target_mention is not None
    ):
        if _ratios(change):
            # "จาก 1:3 เป็น 1:2": one to three and one to two, compared as 1/3 and 1/2
            return (change.baseline_mention.value / change.baseline_mention.denominator,
                    change.target_mention.value / change.target_mention.denominator)
        # "from 40 to 15 minutes": a unit written once holds for both numbers
        shared = change.target_mention.unit or change.baseline_mention.unit
        base_value, base_unit = to_base_unit(baseline, change.baseline_mention.unit or shared)
        target_value, target_unit = to_base_unit(target, shared)
        if base_unit == target_unit or change.target_mention.unit is None or change.baseline_mention.unit is None:
            return base_value, target_value
    mentions = _value_mentions(kr, facts, baseline, target)
    if mentions is not None and share_unit(mentions[0]) != share_unit(mentions[1]):
        # "0.35%" and "2,500 ppm", "from 1,800 ppm to 0.1%": one share written in two units, compared in ppm
        in_ppm = parts_per_million(mentions[0]), parts_per_million(mentions[1])
        if None not in in_ppm:
            return in_ppm
    return baseline, target


def _value_mentions(kr: KeyResult, facts, baseline, target):
    """The numbers as written that gave ``baseline`` and ``target``: from the fields when they gave them, else from
    the title's change; None when either cannot be told."""
    found = []
    change = facts.change
    for field, value in (("baseline", baseline), ("target", target)):
        text = getattr(kr, f"{field}_text")
        mention = None
        if getattr(kr, field) is not None and getattr(kr, field) == value and text:
            numbers = [n for n in read_numbers(text) if n.value == value]
            mention = numbers[0] if len(numbers) == 1 else None
        elif getattr(kr, field) is None and change is not None:
            mention = getattr(change, f"{field}_mention")
            mention = mention if mention is not None and mention.value == value else None
        if mention is None:
            return None
        found.append(mention)
    return found


def unit_mismatch(kr: KeyResult) -> tuple[str, str] | None:
    """The baseline and target fields are written as different kinds of value: a share and a count ("62%", "700
    carers"), money and a share, a duration and a count. Two durations ("4 นาที", "90 วินาที"), two sums of money
    ("฿1.2M", "฿1.5M") or a value without a unit ("45", "60 หมู่บ้าน") are one measure."""
    if kr.baseline is None or kr.target is None or not kr.baseline_text or not kr.target_text:
        return None
    before, after = _value_kind(kr.baseline_text), _value_kind(kr.target_text)
    if before is None or after is None or before == after:
        return None
    return kr.baseline_text.strip(), kr.target_text.strip()


# Units that are a scale or a difference, not a kind of thing counted: "4.2 points", "+5 pp", "4.5 stars".
_SCALE_UNITS = frozenset({"pp", "pts", "pt", "point", "points", "จุด", "คะแนน", "star", "stars", "ดาว", "x", "เท่า",
                          "score", "level", "ระดับ", "ppm", "ppb", "bps", "bp"})


def _value_kind(text: str) -> str | None:
    """'percent', 'money', 'duration' or 'count' (a number with a unit word), when a field holds one such value."""
    numbers = [n for n in read_numbers(text) if n.kind not in NON_QUANTITY_KINDS]
    if len(numbers) != 1:
        return None
    number = numbers[0]
    unit = (number.unit or "").lower()
    if unit in _SCALE_UNITS:
        return None
    if number.kind == "percent":
        return "percent"
    if number.kind == "money":
        return "money"
    if number.kind != "number" or not unit:
        return None
    return "duration" if to_base_unit(number.value, unit)[1] == "s" else "count"


def has_placeholder(kr: KeyResult, facts) -> bool:
    return bool(facts.placeholders or facts.has("placeholder") or placeholder_field(kr))


def placeholder_field(kr: KeyResult) -> str | None:
    for field in ("baseline", "target"):
        text = getattr(kr, f"{field}_text")
        if text and getattr(kr, field) is None and (find_placeholders(text) or text.strip().lower() in ("tbd", "tbc", "?")):
            return field
    return None


@rule(
    code="MEA001", name="kr-not-measurable", category="measurability", severity="error", scope="key_result",
    summary="No quantitative target can be read from the key result.",
    rationale="A key result says how you will know the objective is met. Without a number, number word, "
    "percentage, ratio or an explicit `target:`, nobody can tell at the end of the period whether it was "
    "achieved, and grading becomes opinion. A baseline and a target written as different kinds of value (a share "
    "and a count: '62%' and '700 carers'; money and a share) cannot be compared either.",
    examples=[
        bad("Improve the onboarding experience"),
        bad("team: carers\nobjectives:\n  - title: Carers cope better\n    key_results:\n"
            "      - title: Raise the share of carers who say they cope better\n        baseline: 62%\n"
            "        target: 700 carers\n", kind="yaml", note="a share and a count"),
        good("team: ops\nobjectives:\n  - title: Callers reach us fast\n    key_results:\n"
             "      - title: ลดเวลารอสาย\n        baseline: 4 นาที\n        target: 90 วินาที\n", "th", kind="yaml",
             note="two durations"),
        bad("Customers love the new checkout"),
        bad("team: shop\n\n## Objective: Shoppers find what they need\n- Make search feel smarter\n", kind="draft",
            note="a draft: the number belongs in its text"),
        bad("Objective,Key result,Baseline,Target\nShoppers find what they need,Make search feel smarter,,", kind="sheet",
            note="a sheet: the target column is empty"),
        bad("ปรับปรุงกระบวนการรับลูกค้าใหม่ให้ดีขึ้น", "th"),
        bad("ลูกค้าพึงพอใจบริการหลังการขายมากขึ้น", "th"),
        bad("Run a referral campaign for existing customers", note="a task: the message asks what it should change"),
        bad("จัดอบรมการใช้แอปให้ตัวแทนขาย", "th", note="กิจกรรม: ถามว่าควรเปลี่ยนอะไร"),
        good("Raise trial-to-paid conversion from 8% to 12%"),
        good("Cut median ticket resolution time from 30 hours to 12 hours"),
        good("เพิ่มจำนวนลูกค้าที่สมัครใช้บริการจาก 400 เป็น 500 ราย", "th"),
        good("ลดระยะเวลาตอบกลับลูกค้าให้เหลือไม่เกินสองชั่วโมง", "th"),
    ],
)
def kr_not_measurable(kr: KeyResult, ctx):
    if not kr.title.strip() or kr.has_uncomputed_formula:
        return
    mismatch = unit_mismatch(kr)
    if mismatch is not None:
        yield Violation(f"the baseline ({mismatch[0]}) and the target ({mismatch[1]}) measure different things: give "
                        "both in one unit, or split them into two key results", kr.location_of("target"))
        return
    if kr.target is not None:
        return
    if done_target(kr, ctx) is not None:
        return  # a target cell that says "Done" / "Go live": kr-is-binary says what is wrong with it
    facts = ctx.facts(kr)
    if has_placeholder(kr, facts):
        return
    start = _only_a_baseline(facts)
    if start is not None:
        yield Violation(f"only a starting value can be read ({start}): add the target it should reach")
        return
    if facts.has_target:
        return
    if classify_kind(facts, kr).activity:
        # kr-is-activity says to measure the outcome instead: 'add a number' to a task would contradict it
        yield Violation("no quantitative target can be read: say what this work should change, and the number or "
                        "percentage that change should reach")
        return
    source = value_source(kr)
    if source == "key":
        yield Violation("no quantitative target can be read: add a number, percentage or `target:` to measure it by")
    elif source == "column":
        yield Violation("no quantitative target can be read: add a number or percentage, or fill in the target column, "
                        "to measure it by")
    else:
        yield Violation("no quantitative target can be read: write the number or percentage it should reach")


_KEYED_FORMATS = (".yaml", ".yml", ".json", ".toml")
_TABLE_FORMATS = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv")


def value_source(kr: KeyResult) -> str:
    """Where a key result's values are written, to name it as the user sees it: 'key' (`target:` in a YAML, JSON or
    TOML file), 'column' (a spreadsheet, CSV or a table in a document, which has target and baseline columns) or
    'text' (a draft: a list in Markdown, a Word document, a chat message, where the numbers are in the words)."""
    location = kr.location
    name = location.file.lower()
    if name.endswith(_KEYED_FORMATS):
        return "key"
    if location.sheet is not None or name.endswith(_TABLE_FORMATS) or kr.target_text is not None \
            or kr.baseline_text is not None or "target" in kr.field_locations or "baseline" in kr.field_locations:
        return "column"
    return "text"


def _only_a_baseline(facts) -> str | None:
    """"Cut average waiting time from 45 days", "ระยะเวลารอคอยเฉลี่ย จาก 45 วัน": where it starts, not where it should
    end."""
    change = facts.change
    if change is None or change.baseline is None or change.target is not None or change.baseline_mention is None:
        return None
    start = change.baseline_mention.start
    if any(q.start != start for q in facts.quantities):
        return None
    return change.baseline_mention.text + (f" {change.baseline_mention.unit}" if change.baseline_mention.unit
                                           and not change.baseline_mention.unit.startswith(("%", "usd", "thb", "eur", "gbp")) else "")


@rule(
    code="MEA002", name="kr-missing-baseline", category="measurability", severity="warning", scope="key_result",
    summary="The key result has a target but no starting value.",
    rationale="A target means little without the value you start from: 'reach 500 sign-ups' is ambitious "
    "from 50 and trivial from 480. Write 'from X to Y' (จาก X เป็น Y) or add `baseline:`. Not reported on a key "
    "result that `kr-is-activity` reports ('Hire 4 engineers', 'จัดอบรม 12 หลักสูตร'): a count of tasks needs "
    "rewriting as an outcome first, and the outcome then needs its baseline. Keep-a-level wording ('maintain', "
    "'keep … below', 'รักษา … ไม่ต่ำกว่า') has no baseline to give.",
    examples=[
        bad("Reach 500 weekly active teams"),
        bad("Raise NPS to 45"),
        bad("เพิ่มยอดขายออนไลน์เป็น 12 ล้านบาท", "th"),
        bad("ลดอัตราการยกเลิกบริการให้เหลือ 3%", "th"),
        bad("team: shop\n\n## Objective: Shoppers come back\n- Reach 500 repeat buyers a month\n", kind="draft"),
        bad("Objective,Key result,Baseline,Target\nShoppers come back,Repeat buyers a month,,500", kind="sheet"),
        good("Raise NPS from 31 to 45"),
        good("Grow weekly active teams from 320 to 500"),
        good("เพิ่มยอดขายออนไลน์จาก 8 ล้านบาทเป็น 12 ล้านบาท", "th"),
        good("ลดอัตราการยกเลิกบริการจาก 5% ให้เหลือ 3%", "th"),
    ],
)
def kr_missing_baseline(kr: KeyResult, ctx):
    facts = ctx.facts(kr)
    baseline, target = baseline_and_target(kr, facts)
    if baseline is not None or has_placeholder(kr, facts) or kr.has_uncomputed_formula:
        return
    if target is None and not facts.quantities:
        return  # nothing to compare with: kr-not-measurable speaks for it
    if done_target(kr, ctx) is not None:
        return  # a target cell that says "Pass" / "ผ่าน": pass or fail has no starting value; kr-is-binary speaks for it
    if kr.target is None and (kr.target_text or "").strip() and not has_placeholder(kr, facts):
        return  # a target written but not read as a number ("Pass", "Go-live"): the input check says so, not a baseline
    if (facts.has("maintain") or holds_a_level(facts)) and not facts.has("increase") and not facts.has("decrease"):
        return  # "maintain 99.9% uptime", "hold churn below 2%": the target is the baseline
    if classify_kind(facts, kr).activity:
        return  # a count of tasks has no meaningful baseline; kr-is-activity speaks for it
    if _is_done_target(kr) and facts.has("binary") and not _names_a_rate(facts):
        return  # "ระบบ...แล้วเสร็จ", target 100%: done or not done, kr-is-binary speaks for it
    if (facts.has("binary") or _moves_all_of_a_thing(facts, ctx)) and kr.target is None and facts.quantities and all(
            _is_done_measure(n, facts, ctx.words("population")) for n in facts.quantities):
        return  # "Offline mode released to 100% of users", "Pass the audit with zero exceptions": kr-is-binary's
    if _BASELINE_PENDING.search(kr.title):
        return  # "(ยังไม่มีข้อมูลฐาน จะสำรวจครั้งแรก พ.ค. 2570)", "baseline to be measured in May": already answered
    source = value_source(kr)
    if source == "key":
        yield Violation("the target has no baseline: say where it starts ('from X to Y') or add `baseline:`")
    elif source == "column":
        yield Violation("the target has no baseline: say where it starts ('from X to Y') or fill in the baseline column")
    else:
        yield Violation("the target has no baseline: say where it starts ('from X to Y')")


_BASELINE_PENDING = regexcache.compile(
    r"ยังไม่มี(?:ข้อมูล|ค่า)ฐาน|(?:จะ)?(?:เก็บ|สำรวจ|วัด)(?:ข้อมูล|ค่า)ฐาน|สำรวจ(?:ครั้งแรก|เป็นครั้งแรก)|ยังไม่เคยวัด"
    r"|(?i:no\s+baseline\s+yet|baseline\s+(?:to\s+be|will\s+be|is\s+being)\s+(?:set|measured|established|taken|collected)"
    r"|baseline\s+(?:tbd|pending|due)\b|(?:establish|set|measure)(?:ing)?\s+(?:a|the)\s+baseline|first\s+measured\s+in)"
)


@rule(
    code="MEA003", name="kr-placeholder", category="measurability", severity="error", scope="key_result",
    summary="An unfilled placeholder stands where a value belongs (X, Y, N, TBD, ???, xx%).",
    rationale="Drafts are often copied from a template ('from X to Y', 'xx%', 'TBD'). A placeholder left in "
    "place means the key result has no real target yet.",
    examples=[
        bad("Increase qualified leads from X to Y"),
        bad("Reach xx% activation in the first week"),
        bad("เพิ่มยอดผู้ใช้งานรายเดือนเป็น TBD", "th"),
        bad("ลดต้นทุนต่อหน่วยลง xx%", "th"),
        bad("Objective,Key result,Baseline,Target\nShoppers come back,Repeat buyers a month,320,TBD", kind="sheet"),
        good("Increase qualified leads from 120 to 180 per month"),
        good("Windows X-ray team reaches 40 scans a day from 25", note="a word that merely contains X"),
        good("เพิ่มยอดผู้ใช้งานรายเดือนจาก 2,000 เป็น 3,000 คน", "th"),
    ],
)
def kr_placeholder(kr: KeyResult, ctx):
    facts = ctx.facts(kr)
    found = list(facts.placeholders) + [h.term for h in facts.hits("placeholder")]
    field = placeholder_field(kr)
    if field:
        written = getattr(kr, field + "_text")
        if value_source(kr) == "key":
            yield Violation(f"`{field}:` is a placeholder ({written!r}), not a value", kr.location_of(field))
        else:
            yield Violation(f"the {field} cell is a placeholder ({written!r}), not a value", kr.location_of(field))
    if found:
        first_spelling: dict[str, str] = {}
        for placeholder in found:
            first_spelling.setdefault(placeholder.lower(), placeholder)  # 'TBC' and 'tbc' are one
        if field and set(first_spelling) <= {getattr(kr, field + "_text").strip().lower()}:
            return  # the title repeats the field's placeholder ('from xx days' beside a baseline cell 'xx'): said once
        shown = ", ".join(repr(p) for p in first_spelling.values())
        yield Violation(f"unfilled placeholder {shown} where a value belongs")


@rule(
    code="MEA004", name="kr-direction-mismatch", category="measurability", severity="error", scope="key_result",
    summary="The verb and the numbers disagree (increase from 50 to 40; reduce from 3% to 5%), or, with no verb, "
    "a measure that is better lower goes up (cancellation rate 8% → 12%) or one that is better higher goes down.",
    rationale="When the verb says up and the numbers go down (or the reverse), one of them is a mistake, "
    "and the team may work towards the wrong thing. Without a verb, churn, complaints, defects, cancellations "
    "and delays (ยกเลิก, ร้องเรียน, ข้อผิดพลาด, ลาออก) should fall, and satisfaction, pass, on-time, retention and "
    "success rates (ความพึงพอใจ, ผ่านการประเมิน, สำเร็จการศึกษา) should rise (vocabulary categories `better_lower` "
    "and `good_measures`), unless the key result says it keeps a level ('at least', 'ไม่น้อยกว่า'). Such a word "
    "that only says when or between what the measure is taken ('mean time between failures', 'within 5 minutes of "
    "the incident', 'ระยะทางระหว่างการขัดข้อง') does not make the measure better lower. A verb "
    "that agrees with the numbers is reported too when it drives such a measure the wrong way ('Increase churn', "
    "'Reduce daily active users').",
    examples=[
        bad("Increase repeat purchase rate from 30% to 25%"),
        bad("Reduce average handling time from 6 minutes to 8 minutes"),
        bad("เพิ่มอัตราการต่ออายุสมาชิกจาก 80% เป็น 70%", "th"),
        bad("ลดจำนวนเรื่องร้องเรียนจาก 3% เป็น 5%", "th"),
        bad("อัตราการยกเลิกคำสั่งซื้อ 8% → 12%", "th", note="no verb, and cancellations are better lower"),
        good("Bugs fixed per sprint from 10 to 20", note="fixed bugs are better higher"),
        good("Increase repeat purchase rate from 25% to 30%"),
        good("Reduce average handling time from 8 minutes to 6 minutes"),
        good("ลดจำนวนเรื่องร้องเรียนจาก 5% เหลือ 3%", "th"),
        good("Cut time to first report from 3 days to 20 minutes", note="units are compared, not raw numbers"),
        good("ลดเวลารอสายจาก 4 นาที เหลือ 90 วินาที", "th"),
        bad("Increase churn from 3% to 5%", note="a measure that is better lower, raised on purpose"),
        good("Increase complaints resolved from 60% to 90%"),
        bad("On-time graduation rate from 62% to 55%", note="no verb, and on-time graduation is better higher"),
        bad("ร้อยละของนักศึกษาที่สอบผ่านใบประกอบวิชาชีพ จากร้อยละ 81 เป็นร้อยละ 74", "th"),
        bad("Reduce daily active users from 420,000 to 380,000", note="a measure that is better higher, cut on purpose"),
        bad("ลดอัตราการต่ออายุสมาชิกจาก 80% เหลือ 70%", "th"),
        good("เพิ่มสัดส่วนเรื่องร้องเรียนที่ปิดได้ภายใน 3 วัน จาก 64% เป็น 90%", "th", note="complaints closed are better higher"),
        good("Raise mean time between failures from 30 days to 45 days",
             note="'between failures' says what is timed, not what is counted"),
        good("ร้อยละของการแจ้งเตือนภายใน 5 นาทีหลังเกิดอุบัติเหตุ จาก 40% เป็น 85%", "th"),
    ],
)
def kr_direction_mismatch(kr: KeyResult, ctx):
    facts = ctx.facts(kr)
    baseline, target = _comparable(kr, facts)
    if baseline is None or target is None or baseline == target or has_placeholder(kr, facts):
        return
    if baseline < 0 and target < 0:
        # "Reduce net loss from -$40M to -$10M", "ลดขาดทุนจาก -฿40M เหลือ -฿10M": a loss cut is a negative number
        # rising, and people say it either way; a verb cannot be checked against two negative numbers
        return
    if facts.change is not None and _ratios(facts.change) \
            and facts.change.baseline_mention.value == facts.change.target_mention.value:
        # "ลดอัตราส่วนพยาบาลต่อผู้ป่วยจาก 1:8 เป็น 1:6": only the second term moves, and people say either way which
        # way that is ("reduce the ratio" to fewer patients per nurse); "from 2:1 to 3:1" rises, whatever it is cut
        return
    if facts.change is not None and facts.change.baseline_mention is not None \
            and facts.change.baseline_mention.text[:1] in "(（":
        return  # "ข้อร้องเรียนไม่เกิน 10 เรื่อง (ปัจจุบันยังไม่มี)": a note of none yet says little of the direction
    up, down = _heading_verbs(facts, facts.hits("increase")), _heading_verbs(facts, facts.hits("decrease"))
    if _follows_its_measure(facts, up, down, baseline, target):
        up = down = []  # "อัตราการลาออกเพิ่มขึ้นจาก 8% เป็น 12%": the verb agrees with the numbers; the measure decides
    if not up and not down:
        holds = facts.has("maintain") or _KEEPS_A_LEVEL.search(facts.text)
        if target < baseline and facts.has("good_measures") and not holds and not _has_a_worse_measure(facts, ctx):
            # "On-time graduation rate from 62% to 55%", "ร้อยละ…ที่ผ่านการประเมินสมรรถนะ จากร้อยละ ๗๐ เป็นร้อยละ ๖๕"
            yield Violation(f"'{facts.first('good_measures')}' is better higher, but the numbers go down from "
                            f"{_as_written(kr, facts)}")
            return
        state = None if holds else _state_it_counts(facts, ctx)
        if state == "good" and target < baseline:
            # "ร้อยละของผู้ป่วยเบาหวานที่ควบคุมระดับน้ำตาลได้ 40 → 35", "share of loans repaid on schedule 90% → 84%"
            yield Violation(f"'{_measure_as_written(facts)}' is better higher, but the numbers go down from "
                            f"{_as_written(kr, facts)}")
            return
        if _names_its_measure_first(facts):
            if state == "bad" and target > baseline:
                # "Share of parcels that arrive damaged 2% → 3%", "ร้อยละของคำขอที่ตกค้างเกินกำหนด 5 → 9"
                yield Violation(f"'{_measure_as_written(facts)}' is better lower, but the numbers go up from "
                                f"{_as_written(kr, facts)}")
            return  # "ร้อยละของเรื่องร้องเรียนที่แจ้งผล…", "คะแนนความพึงพอใจ…ต่อการจัดการเรื่องร้องเรียน": complaints are
            # what is counted or rated, not the measure
        # several-word measures too ("false positive rate"): the vocabulary's matches, not single tokens
        worse = next((t for t, _ in _worse_measures(facts, ctx)), None)
        if worse is None and state == "bad":
            worse = next((t for t in facts.tokens if t.lower() in _BAD_STATES), None)  # "share of late deliveries"
        better = _work_done_on_it(facts, ctx)
        if worse is not None and target > baseline and not better and not (holds and _under_a_ceiling(facts)):
            yield Violation(f"'{worse}' is better lower, but the numbers go up from {_as_written(kr, facts)}")
        return
    first_up = up[0].index if up else 10**9
    first_down = down[0].index if down else 10**9
    says_up = first_up < first_down
    verb = up[0].term if says_up else down[0].term
    verb = verb.rstrip("*")
    if says_up and target > baseline and not _work_done_on_it(facts, ctx) and not _names_its_measure_first(facts):
        worse = next((t for t, at in _worse_measures(facts, ctx) if at > up[0].index and t in ctx.words("better_lower")),
                     None)
        if worse is not None:
            # "Increase churn from 3% to 5%": the verb and the numbers agree, on a measure that is better lower
            yield Violation(f"'{worse}' is better lower, but '{verb}' and the numbers raise it from "
                            f"{_as_written(kr, facts)}")
            return
    if not says_up and target < baseline and not _names_its_measure_first(facts):
        good = _lowered_good_measure(facts, down[0], ctx)
        if good is not None:
            # "Reduce daily active users from 420,000 to 380,000", "ลดอัตราการต่ออายุสมาชิกจาก 80% เหลือ 70%": the verb
            # and the numbers agree, on a measure that is better higher
            yield Violation(f"'{good}' is better higher, but '{verb}' and the numbers lower it from "
                            f"{_as_written(kr, facts)}")
            return
    if says_up and target < baseline:
        yield Violation(f"'{verb}' says up, but the numbers go down from {_as_written(kr, facts)}")
    elif not says_up and target > baseline:
        yield Violation(f"'{verb}' says down, but the numbers go up from {_as_written(kr, facts)}")


def _follows_its_measure(facts, up: list, down: list, baseline: float, target: float) -> bool:
    """The direction word comes after the measure it moves, right before the change, and agrees with the numbers:
    "จำนวนข้อร้องเรียนเพิ่มขึ้นจาก 30 เป็น 45", "อัตราการลาออกเพิ่มขึ้นจาก 8% เป็น 12%", "Patient complaints increase
    from 30 to 45". Like a measure with no verb, which way is better is then the measure's own, read as such."""
    hits = sorted((*up, *down), key=lambda h: h.index)
    if not hits or hits[0].index == 0:
        return False
    first = hits[0]
    if (first in up) != (target > baseline):
        return False  # "อัตราการลาออกลดลงจาก 8% เป็น 12%": the verb and the numbers disagree, which is said as such
    text = facts.text
    term = first.term.rstrip("*")
    at = text.lower().find(term.lower())
    return at > 0 and _CHANGE_AFTER_VERB.match(text, at + len(term)) is not None


# "Keep 30-day arrears below 2.5% (currently 2.1%)", "รักษาอัตราหนี้ค้างไว้ไม่เกิน 3%": a ceiling to stay under, above
# where the measure stands now, is a guardrail, not a plan to let it rise
_CEILING_BEFORE = regexcache.compile(
    r"(?:(?i:\b(?:below|under|beneath|at\s+most|no\s+more\s+than|not\s+more\s+than|no\s+higher\s+than|max(?:imum)?(?:\s+of)?))"
    r"|[<≤]=?|=<|ไม่เกิน|ไม่สูงกว่า|ไม่มากกว่า|ต่ำกว่า|น้อยกว่า)\s*$")


def _under_a_ceiling(facts) -> bool:
    mention = facts.change.target_mention if facts.change is not None else None
    return mention is not None and _CEILING_BEFORE.search(facts.text, 0, mention.start) is not None


def _lowered_good_measure(facts, verb, ctx) -> str | None:
    """The measure a down verb leads to is one everyone wants higher (satisfaction, renewal rate, daily active users),
    and nothing turns it round: no better-lower word ("time to", "complaints about"), no gap, cost or survey of it,
    no negation ("dissatisfied", "ไม่พึงพอใจ"), no legacy product being retired."""
    end = verb.index + verb.size
    # "ลดอัตราการต่ออายุ…", or the measure first and the verb as its "to" ("ผู้ใช้งานรายวันจาก 420,000 เหลือ 380,000")
    good = next((h for h in facts.hits("good_measures") if end <= h.index <= end + 4
                 or h.index < verb.index and h.index <= 2), None)
    mention = facts.change.target_mention if facts.change is not None else None
    if mention is not None and mention.kind == "money":
        return None  # "ลดค่าธรรมเนียมต่ออายุสมาชิกจาก 500 บาท เหลือ 300 บาท": a price, not the measure
    if good is None or facts.has("maintain") or _KEEPS_A_LEVEL.search(facts.text):
        return None
    between = good.term.lower() in _TIME_BETWEEN  # "MTBF": a time, in days or hours, and the failures are its name
    if not between and _has_a_worse_measure(facts, ctx):
        return None
    inside = range(good.index, good.index + good.size)  # "ผู้ใช้งานราย|วัน": the measure's own words
    lowered = {t.lower() for i, t in enumerate(facts.tokens) if i not in inside}
    if lowered & _TURNS_A_GOOD_MEASURE or not between and _DURATION_WORDS & lowered or _RETIRED.search(facts.text):
        return None
    return good.term


_TIME_BETWEEN = frozenset({"mtbf", "mean time between failures", "time between failures", "mean time between failure",
                           "ระยะเวลาเฉลี่ยระหว่างการขัดข้อง", "เวลาเฉลี่ยระหว่างการขัดข้อง"})


_TURNS_A_GOOD_MEASURE = frozenset("""survey surveys questionnaire questions length cost costs gap gaps variance spread
    difference budget spend low lower below under dis un not non no without ไม่ ต่ำกว่า ต่ำ ช่องว่าง ความแตกต่าง ต้นทุน
    ค่าใช้จ่าย แบบสำรวจ แบบสอบถาม งบประมาณ fee fees price prices ค่าธรรมเนียม ราคา""".split())
# a product or channel being retired: its users are meant to fall ("legacy app", "ระบบเดิม")
_RETIRED = regexcache.compile(r"(?i:\b(?:legacy|old|deprecated|sunset\w*|retir\w*|previous|outdated|v1)\b)"
                              r"|เก่า|ระบบเดิม|แอปเดิม|เวอร์ชันเดิม|ช่องทางเดิม")


_SHARE_HEADS = frozenset({"ร้อยละ", "สัดส่วน", "อัตรา", "จำนวน", "share", "percentage", "proportion", "number", "%"})
_RELATIVE_WORDS = frozenset({"ที่", "ซึ่ง", "who", "whose", "that", "which", "with", "where"})


_BETTER_HIGHER_HEADS = frozenset({"คะแนน", "ความพึงพอใจ", "score", "satisfaction", "rating", "csat", "nps"})


def _has_a_worse_measure(facts, ctx) -> bool:
    """"Time to resolve complaints", "satisfaction complaints": a better-lower word beside the good one."""
    return bool(_worse_measures(facts, ctx)) or any(
        facts.has(c) for c in ("service_quality",)) and any(t in _DURATION_WORDS for t in facts.tokens)


def _worse_measures(facts, ctx) -> list[tuple[str, int]]:
    """The better-lower words of a key result (one word or a phrase), with their token index, leaving out those that
    only qualify the measure: "mean distance between failures", "alerts sent within 5 minutes of the incident",
    "days since the last injury", "km per breakdown", "ระยะทางเฉลี่ยระหว่างการขัดข้อง", "ภายใน 5 นาทีหลังเกิดอุบัติเหตุ"."""
    words = ctx.words("better_lower")
    # whole words first ("ยกเลิก"), then the vocabulary's phrases ("false positive rate", "การยกเลิก")
    found = [(t, i) for i, t in enumerate(facts.tokens) if t in words]
    seen = {i for _, i in found}
    found += [(h.term, h.index) for h in facts.hits("better_lower") if h.index not in seen]
    return [(t, i) for t, i in found if not _only_qualifies(facts.tokens, i)
            and not (t == facts.tokens[i] and _modifies_the_next_noun(facts.tokens, i))
            and not _names_who_is_won_back(facts.tokens, i)]


def _names_who_is_won_back(tokens: tuple[str, ...], index: int) -> bool:
    """The better-lower word at ``index`` only says who a key result wins back, keeps or brings back: "Win back 25% of
    sellers flagged at churn risk", "Re-engage 30% of customers who churned", "share of cancelled accounts won back",
    "ดึงลูกค้าที่เสี่ยงยกเลิกกลับมา 30%", "ร้านค้าที่เคยยกเลิกกลับมาขาย". What is counted is those won back: better higher."""
    heading = " ".join(tokens[:2])
    after = " ".join(tokens[index + 1: index + 5])
    if _WINS_BACK.match(heading) or _WON_BACK.search(after):
        return True
    return tokens[0].startswith(_THAI_WIN_BACK) and not tokens[0].startswith("ดึงดูด") or any(
        t.startswith(_THAI_COME_BACK) for t in tokens[index + 1: index + 4])


# A key result that opens on winning back, keeping or saving people counts those it wins back, whatever they risked
_WINS_BACK = regexcache.compile(r"(?:win|bring|get)\s+back\b|win-?back|re-?engag|re-?activat|re-?win|recover|rescue|"
                                r"save\b|retain|reclaim|convert\b")
_WON_BACK = regexcache.compile(r"\b(?:(?:won|brought|got|came|come|coming|win|bring)\s+back|re-?engaged|re-?activated|"
                               r"recovered|rescued|saved|retained|reclaimed)\b")
_THAI_WIN_BACK = ("ดึง", "กู้", "ชนะใจ", "รักษา", "เปลี่ยนใจ")
_THAI_COME_BACK = ("กลับมา", "กลับคืน", "ดึงกลับ", "อยู่ต่อ", "ต่ออายุ")


# Words after which a better-lower word says when or between what a measure is taken, not what it counts.
_QUALIFYING_BEFORE = frozenset({"between", "after", "since", "following", "without", "per", "before", "free", "until",
                                # "with no Sev-1 incident", "zero downtime", "never a breach": its absence is counted
                                "no", "zero", "never", "none"})
# how bad, or which kind, between "no" and the word it negates: "no Sev-1 incident", "no P1 outage", "no critical bug"
_SEVERITY_BEFORE = regexcache.compile(r"(?:sev|p|s|tier|severity|priority)?-?\d|sev|critical|severe|high|major|"
                                      r"serious|security|data|unplanned|reportable|notifiable")
_SKIPPED_BEFORE = frozenset({"the", "a", "an", "each", "every", "any", "its", "their", "our", "last", "first", "last",
                             "reported", "recorded", "an", "major", "serious", "unplanned"})
_TIME_BEFORE_OF = frozenset({"minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days", "week",
                             "weeks", "month", "months", "second", "seconds", "secs", "km", "miles", "metres", "meters"})
_THAI_QUALIFYING = ("ระหว่าง", "หลัง", "หลังจาก", "นับจาก", "นับตั้งแต่", "ตั้งแต่", "ปลอด", "ไม่มี", "ไร้", "ต่อ", "ก่อน")
# "ชุดอุปกรณ์สำรองกรณีระบบขัดข้อง", "แผนรองรับไฟดับ": something kept for when it happens, with what fails between
_THAI_IN_CASE_OF = frozenset({"กรณี", "รองรับ", "เผื่อ", "สำรอง"})
_THAI_SKIPPED = ("เกิด", "การ", "มี", "ครั้ง", "ที่", "เหตุ")


def _only_qualifies(tokens: tuple[str, ...], index: int) -> bool:
    """The word at ``index`` follows "between", "after", "per", "within 5 minutes of" (or ระหว่าง, หลัง, ต่อ, ปลอด …):
    it names the event a measure is timed or divided by, which makes the measure no worse for being higher."""
    word = tokens[index]
    if any("\u0e00" <= c <= "\u0e7f" for c in word):
        before = "".join(tokens[max(0, index - 4): index])
        for _ in range(3):
            if before.endswith(_THAI_QUALIFYING):  # before 'มี' is taken off 'ไม่มี'
                return True
            stripped = next((before[: -len(w)] for w in _THAI_SKIPPED if before.endswith(w)), None)
            if stripped is None:
                break
            before = stripped
        return before.endswith(_THAI_QUALIFYING) or not _THAI_IN_CASE_OF.isdisjoint(tokens[max(0, index - 3): index])
    at = index - 1
    while at >= 0 and (tokens[at].lower() in _SKIPPED_BEFORE
                       or (index - at <= 3 and _SEVERITY_BEFORE.fullmatch(tokens[at].lower()))):
        at -= 1
    if at < 0:
        return False
    previous = tokens[at].lower()
    if previous in _QUALIFYING_BEFORE:
        return True
    # "within 5 minutes of the incident", "48 hours of a complaint": when, counted from the event
    return previous == "of" and at >= 1 and tokens[at - 1].lower() in _TIME_BEFORE_OF


# Words after a better-lower word that make it the measure's own head ("churn rate", "defect count", "downtime hours"),
# or that end the phrase or say what happens to it ("churn from", "complaints about", "errors per", "churn cut")
_MEASURE_AFTER = frozenset("""rate rates ratio ratios count counts number numbers volume volumes level levels hours hour
    minutes minute days day weeks time times density frequency cost costs share percentage percent index backlog
    tickets ticket cases case events occurrences instances incidents items total totals trend risk""".split())
_ENDS_THE_PHRASE = frozenset("""from to by per in on at of for and or with within than vs versus about across among
    under over below above into the a an our their its this that these those who which where whose while after before
    since during between following until without via through behind beyond near caused due""".split())
# Better-lower words that describe the thing counted rather than name a thing of their own ("flaky tests", "late
# deliveries", "cancelled orders"): what they describe is bad
_BAD_ADJECTIVES = frozenset("flaky late overdue cancelled canceled failed false lost-time unplanned".split())
_IRREGULAR_PARTICIPLES = frozenset("found caught made seen shown sent paid won lost left given taken kept met cut".split())


def _modifies_the_next_noun(tokens: tuple[str, ...], index: int) -> bool:
    """An English better-lower word that only describes the noun after it: "a tested downtime kit", "the complaint
    handling guide", "an incident response drill". The noun it describes is what is counted ("wards with a kit"), not
    the downtime. "Churn rate", "defect count" are its measure; "churn from", "complaints reduced" end the phrase."""
    if index + 1 >= len(tokens):
        return False
    after = tokens[index + 1].lower()
    if tokens[index].lower() in _BAD_ADJECTIVES or not after.isalpha() or not after.isascii() or after in _MEASURE_AFTER or after in _ENDS_THE_PHRASE:
        return False
    if after.endswith("ed") or after in _IRREGULAR_PARTICIPLES or after in _DIRECTION_WORDS:
        return False  # "bugs fixed", "defects found", "churn cut": what happens to it
    return True


_DIRECTION_WORDS = frozenset("""increase increases increased raise raised grow grows grew grown reduce reduces reduced cut
    cuts lower lowers lowered drop drops dropped fall falls fell fallen rise rises rose risen decline declines declined
    decrease decreases decreased climb climbs climbed halve halved double doubled""".split())


_DURATION_WORDS = frozenset("time times wait waiting days hours minutes weeks เวลา ระยะเวลา วัน ชั่วโมง นาที สัปดาห์".split())


def _names_its_measure_first(facts) -> bool:
    """A share of something that a clause then qualifies, or a score: the words after the head do not say which
    way is better."""
    tokens = facts.tokens
    if not tokens:
        return False
    head = tokens[0].lower()
    if head in _BETTER_HIGHER_HEADS:
        return True
    return head in _SHARE_HEADS and any(token.lower() in _RELATIVE_WORDS for token in tokens[1:])


_RATE_HEADS = frozenset({"ร้อยละ", "สัดส่วน", "อัตรา", "share", "percentage", "proportion", "%", "rate"})
# States that a share counts when it counts people or things that reached a good end: controlled, passed, on time,
# resolved, retained ("ที่ควบคุม…ได้ดี", "ผ่าน…", "who passed", "whose blood pressure is controlled")
_GOOD_STATES = frozenset("""controlled control resolved passed pass passing retained achieved achieving met meet meeting
    recovered succeeded successful satisfied employed repaid compliant cured healed ผ่าน สำเร็จ ได้ดี ได้รับ ครบ หาย
    หายขาด ดีขึ้น ตรงเวลา ทันเวลา ตามเกณฑ์ ตามเป้า ตามเป้าหมาย ตามกำหนด ตามมาตรฐาน อยู่ในเกณฑ์ มีงานทำ""".split())
_GOOD_STATE_PREFIXES = ("ผ่าน", "สำเร็จ", "ควบคุมได้", "ทำได้")
# States that are a bad end (late, damaged, failed), and words that turn a state round or leave it unclear (not,
# again: "ได้รับการผ่าตัดซ้ำ", "received an injury")
_BAD_STATES = frozenset("""late overdue delayed missed failed fail fails failing rejected readmitted injured damaged lost
    unresolved uncontrolled abandoned dropped breached ล่าช้า ตกค้าง ค้าง เกินกำหนด ไม่ผ่าน บาดเจ็บ เสียชีวิต""".split())
_UNCLEAR_STATES = frozenset("""not no never without non un ไม่ ซ้ำ ผลกระทบ เสียหาย อันตราย ติดเชื้อ โทษ again repeat
    repeated""".split())


def _state_it_counts(facts, ctx) -> str | None:
    """'good' when a share counts those that reached a good state ("ร้อยละผู้ป่วยที่ควบคุมความดันได้ดี", "share of
    patients whose blood pressure is controlled", "share of claims resolved"), 'bad' when a share or count counts a bad
    one ("share of late deliveries", "จำนวนคำขอที่ค้างเกินกำหนด"); None when it names neither, or both."""
    tokens = facts.tokens
    if not tokens or tokens[0].lower() not in _SHARE_HEADS:
        return None
    relative = next((i for i, token in enumerate(tokens) if token.lower() in _RELATIVE_WORDS), None)
    start = 1 if relative is None else relative + 1
    end = next((i for i in range(start, len(tokens)) if tokens[i][:1].isdigit() or tokens[i].lower() in _CHANGE_WORDS),
               len(tokens))
    clause = [t.lower() for t in tokens[start:end]]
    if not clause or not _UNCLEAR_STATES.isdisjoint(clause):
        return None
    bad = not _BAD_STATES.isdisjoint(clause) or any(start <= at < end for _, at in _worse_measures(facts, ctx))
    done = ctx.words("better_higher")
    good = tokens[0].lower() in _RATE_HEADS and (
        any(t in _GOOD_STATES or t.startswith(_GOOD_STATE_PREFIXES) or t in done and not _still_to_do(tokens, i)
            for i, t in enumerate(clause, start))
        or any(t == "ได้" for t in clause[1:])  # "ที่ควบคุมระดับน้ำตาลได้", "ที่อ่านออกเขียนได้": could do it
        or any(start <= h.index < end for h in facts.hits("good_measures")))
    if good == bad:
        return None
    return "good" if good else "bad"


_CHANGE_WORDS = frozenset({"จาก", "from", "เป็น", "to", "→", "->", ":"})

# Before a word of work done on something (fixed, resolved, แก้ไข), words that make it work still to be done: "เอกสารที่
# ต้องแก้ไข", "ส่งกลับให้แก้ไข", "claims that need to be fixed". What is counted then is what was sent back or needs
# correction, which is better lower.
_STILL_TO_DO = frozenset({"ต้อง", "ให้", "รอ", "รอการ", "ต้องการ", "ต้องได้รับการ", "need", "needs", "needed", "needing",
                          "require", "requires", "required", "requiring", "awaiting", "await"})
_PASSIVE_FILLERS = frozenset({"to", "be", "being", "การ", "ได้รับ", "ได้รับการ"})


def _still_to_do(tokens, index: int) -> bool:
    at = index - 1
    while at >= 0 and tokens[at].lower() in _PASSIVE_FILLERS:
        at -= 1
    return at >= 0 and tokens[at].lower() in _STILL_TO_DO


def _work_done_on_it(facts, ctx) -> bool:
    """A word of work done on the measure's things ("bugs fixed", "เรื่องร้องเรียนที่แก้ไขแล้ว"), which makes it better higher;
    not one of work still to do ("เอกสารที่ต้องแก้ไข")."""
    tokens = facts.tokens
    done = ctx.words("better_higher")
    return any(t in done and not _still_to_do(tokens, i) for i, t in enumerate(tokens)) or any(
        not _still_to_do(tokens, h.index) for h in facts.hits("better_higher"))


def _measure_as_written(facts) -> str:
    """The measure the key result names, as written: its text up to the numbers ("Share of patients whose blood
    pressure is controlled", "ร้อยละของผู้ป่วยเบาหวานที่ควบคุมระดับน้ำตาลได้")."""
    change = facts.change
    mention = change.baseline_mention if change is not None else None
    text = facts.text[: mention.start] if mention is not None else facts.text
    text = text.rstrip(" :：\t(")
    for word in ("จาก", "from", "From", "ร้อยละ"):
        if text.endswith(word) and len(text) > len(word):
            text = text[: -len(word)].rstrip(" :：\t(")
    for hit in (*facts.hits("increase"), *facts.hits("decrease")):  # "…ที่ร้องเรียน เพิ่มขึ้น": the measure, not its move
        term = hit.term.rstrip("*")
        if text.lower().endswith(term.lower()) and len(text) > len(term):
            text = text[: -len(term)].rstrip(" :：\t(")
            break
    return text or facts.text


def _heading_verbs(facts, hits: list) -> list:
    """Direction words that say which way the measure should move: not those inside the clause that says what
    is counted ("ร้อยละของผู้สูงอายุที่…มีระดับความเสี่ยงลดลง", "share of patients whose risk went down")."""
    tokens = facts.tokens
    if not hits or not tokens or tokens[0].lower() not in _SHARE_HEADS:
        return hits
    relative = next((i for i, token in enumerate(tokens) if token.lower() in _RELATIVE_WORDS), None)
    if relative is None:
        return hits
    return [hit for hit in hits if hit.index < relative or _governs_the_numbers(facts, hit, relative)]


# What follows the verb of a whole key result: the change itself ("ลดจาก 17", "reduced from 17 to 20", "cut to 8%")
_CHANGE_AFTER_VERB = regexcache.compile(
    r"\s*(?:ลงจาก|ขึ้นจาก|ลงเหลือ|ขึ้นเป็น|จาก|ให้เหลือ|เหลือ|ให้เป็น|เป็น|(?i:from|to|down\s+to|up\s+to)\b)"
    r"\s*(?:ร้อยละ\s*|[$฿€£]\s*)?[0-9๐-๙]")
_CLAUSE_OPENERS_BEFORE_A_VERB = frozenset({"who", "that", "which"})


def _governs_the_numbers(facts, hit, relative: int) -> bool:
    """A direction verb after the clause that says what is counted, which is the verb of the whole key result: it
    stands right before the change ("จำนวนลูกค้าที่ซื้อซ้ำ ลดจาก 300", "Number of sites that fail the audit reduced
    from 9 to 4"). In Thai the value part is set off by a space before the verb; a verb glued to the clause's words
    ("…มีระดับความเสี่ยงลดลง จาก 40") is the clause's own. In English the clause must already have its verb ("who
    churn", "that get"): in "whose fall risk decreased from 40%" the verb is the clause's."""
    text = facts.text
    term = hit.term.rstrip("*")
    thai = "\u0e00" <= term[:1] <= "\u0e7f"
    if not thai:
        opener = facts.tokens[relative].lower()
        if opener not in _CLAUSE_OPENERS_BEFORE_A_VERB or hit.index <= relative + 1:
            return False
        text = text.lower()
        term = term.lower()
    at = text.find(term)
    while at >= 0:
        end = at + len(term)
        if at > 0 and text[at - 1].isspace() and _CHANGE_AFTER_VERB.match(text, end):
            return True
        at = text.find(term, end)
    return False


def _as_written(kr: KeyResult, facts) -> str:
    """'45 minutes to 60 minutes' as the text says it (compared in seconds), else the two values."""
    baseline, target = baseline_and_target(kr, facts)
    if baseline is not None and target is not None:
        mentions = _value_mentions(kr, facts, baseline, target)
        if mentions is not None and any(m.unit for m in mentions):
            # "0.35% to 2,500 ppm": the values as written, so that a difference in units shows
            return " to ".join(m.text if m.kind in ("money", "percent") or not m.unit or m.text.endswith(m.unit)
                               else f"{m.text} {m.unit}" for m in mentions)
    change = facts.change
    if change is not None and (baseline, target) == (change.baseline, change.target):
        mentions = (change.baseline_mention, change.target_mention)
        if all(m is not None for m in mentions) and (mentions[0].value, mentions[1].value) == (baseline, target):
            return " to ".join(m.text if m.kind in ("money", "percent") or not m.unit or m.text.endswith(m.unit)
                               else f"{m.text} {m.unit}" for m in mentions)
    return f"{baseline:g} to {target:g}"


@rule(
    code="MEA005", name="kr-is-activity", category="measurability", severity="warning", scope="key_result",
    summary="The key result is a task or an output (launch, hold, hire, จัด, ดำเนินการ) rather than an outcome.",
    rationale="Key results measure change for someone — more customers retained, faster resolution — not the "
    "work done to get there. 'Hold 5 seminars' can be done without changing anything; a count of activities "
    "is still an activity, and so is more of an output made by the team ('from 2 to 4 posts a week'), hours "
    "of training put in, agreements signed with partners (the partners' sales are the result; signing "
    "customers is one), kilometres of pipe or road laid, money given out ('Fund 3 new community hubs'), or progress "
    "on the team's own plan ('% of programme milestones met', 'ร้อยละความสำเร็จของการดำเนินงานตามแผน'). Ask what the "
    "activity is for, and measure that.",
    examples=[
        bad("Launch the new pricing page"),
        bad("Hold 5 customer webinars"),
        bad("Hire 3 account managers"),
        bad("จัดอบรมการใช้งานระบบให้ลูกค้า 4 ครั้ง", "th"),
        bad("ดำเนินการสำรวจความพึงพอใจของผู้รับบริการ", "th"),
        bad("Grow the number of case studies we publish from 1 to 3 a month", note="more outputs made"),
        bad("พนักงานได้รับการฝึกอบรมไม่น้อยกว่า 12 ชั่วโมงต่อคน", "th", note="hours of training put in"),
        bad("Sign 4 new wholesale distribution agreements", note="paper signed with partners"),
        bad("Book 40 demos per week", note="outputs, even when made for customers"),
        bad("เพิ่มจำนวนครั้งของการจัดงานแสดงสินค้าชุมชนจาก 12 เป็น 15 ครั้ง", "th", note="how often a task is done"),
        bad("Lay 1,200 km of new water mains", note="a length of network built"),
        bad("ขยายเขตจำหน่ายน้ำเพิ่ม 1,200 กิโลเมตร", "th"),
        bad("Hit 90% of project milestones", note="progress on the plan, not what the projects bring"),
        bad("ร้อยละของกิจกรรมที่ดำเนินการแล้วเสร็จตามแผน 95%", "th"),
        bad("Fund 3 new community hubs", note="money given out"),
        bad("จำนวนบทความวิจัยที่ตีพิมพ์ในวารสาร Q1 จาก 41 เป็น 55 บทความ", "th", note="outputs published"),
        good("Increase webinar-sourced pipeline from $40k to $90k"),
        good("Increase the share of customers who attend onboarding from 20% to 45%",
             note="about an activity, but measures a change"),
        good("เพิ่มอัตราการต่ออายุของลูกค้าที่เข้าอบรมจาก 60% เป็น 75%", "th"),
        good("ลดระยะเวลารอคอยของผู้รับบริการจาก 40 นาทีเหลือ 15 นาที", "th"),
        good("Sign 18 new mid-market customers", note="customers won are a result"),
        good("Get 100,000 views on our TikTok clips", note="views counted, not clips (vanity-metric speaks for it)"),
    ],
)
def kr_is_activity(kr: KeyResult, ctx):
    if not kr.title.strip():
        return
    facts = ctx.facts(kr)
    kind = classify_kind(facts, kr)
    if kind.activity:
        yield Violation(f"this reads as an activity ({kind.reason}): measure the outcome it should produce instead")
        return
    held = _COUNT_OF_HELD.search(kr.title)
    thing = ctx.facts(held["th"] or held["en"]) if held is not None else None
    if thing is not None and not (thing.has("customer") or thing.has("population") or facts.has("vanity")):
        reason = f"it counts what the team holds or makes ('{held.group(0).strip()}'), not a change in a result"
        yield Violation(f"this reads as an activity ({reason}): measure the outcome it should produce instead")


# "จำนวนโปรโมชั่นที่จัดในสาขา", "number of campaigns run", "number of events hosted", "number of papers published",
# "จำนวนบทความวิจัยที่ตีพิมพ์": a count of things the team itself holds, runs or publishes, whatever they are called
_COUNT_OF_HELD = regexcache.compile(
    r"จำนวน\s*(?!ครั้ง|คน|ราย|ผู้)(?P<th>[\u0e01-\u0e4eA-Za-z]{2,30}?)\s*ที่(?:ได้(?:รับการ)?)?(?:ทาง(?:ทีม|สาขา|ฝ่าย|หน่วยงาน)\S{0,20})?"
    r"(?:จัด(?!ส่ง|เก็บ|หา|สรร|ซื้อ|การ|ลำดับ|อันดับ|ระดับ|ตั้ง|จ้าง)|ดำเนินการ|เปิดตัว|เผยแพร่|ตีพิมพ์"
    # made or developed, with nothing made named after the verb (in "จำนวนวิสาหกิจที่พัฒนาผลิตภัณฑ์" the
    # enterprises are the ones who develop)
    r"|(?:ผลิต|พัฒนา)(?=ขึ้น|ใหม่|แล้ว|เสร็จ|ใน|จาก|เพิ่ม|ต่อ|ได้|\s|$|[0-9๐-๙]))"
    r"|(?i:\bnumber\s+of\s+(?P<en>(?:[a-z-]+\s+){0,2}[a-z-]+s)\s+(?:held|run|hosted|organi[sz]ed|launched|published"
    r"|produced|developed|written)\b)")


_NAME_NUMBER_BEFORE = ("iso", "soc", "pci", "v", "version", "web", "phase", "step", "level", "tier", "wave", "release",
                       "เฟส", "ระยะที่", "ขั้นที่", "เวอร์ชัน", "รุ่น")


def _is_done_measure(number, facts, population: frozenset[str]) -> bool:
    """100% of a completion, one deliverable ("1 ระบบ", "1 new portal"), or a number that is part of a name
    (ISO 27001, v2, phase 2)."""
    if number.kind == "percent" and number.value == 100:
        # "released to 100% of users": a rollout finished, not people won one by one
        return _ROLLED_OUT_TO.search(facts.text, 0, number.start) is not None or not _share_of_people(number, facts, population)
    if number.value == 0 and _WITH_NONE.search(facts.text, 0, number.start):
        return True  # "Pass the SOC 2 audit with zero exceptions": how the pass should look, not a count to move
    if number.kind != "percent" and number.value == 1 and number.denominator is None:
        return True
    before = facts.text[: number.start].rstrip().lower()
    if _ALL_OF.search(before) and _COMPLETED.search(facts.text) and not _counts_people(number, population):
        # "Complete the upgrade of all 14 clusters", "…ทั้ง 12 ระบบให้แล้วเสร็จ": the count names the whole scope of
        # a piece of work said to be finished ("Migrate all 32 services" may be counted service by service)
        return True
    return before.endswith(_NAME_NUMBER_BEFORE)


# "all 14", "all of the 14", "every one of the 14", "ทั้ง 14", "ครบ 14", "ครบทั้ง 14", "ทุก 14": the whole of a known scope
_ALL_OF = regexcache.compile(r"(?i:\b(?:all|all\s+of\s+(?:the|our)|every\s+one\s+of\s+(?:the|our)|each\s+of\s+the)$)"
                             r"|(?:ทั้ง|ครบ|ครบทั้ง|ครบทุก|ทุก)\s*$")


_COMPLETED = regexcache.compile(r"(?i:\b(?:complete|completes|completed|completion|finish|finishes|finished)\b)"
                                r"|แล้วเสร็จ|เสร็จสิ้น|ให้เสร็จ|เสร็จภายใน")


def _counts_people(number, population: frozenset[str]) -> bool:
    """"all 200 staff", "ทั้ง 120 คน": people, who move one by one (a share of them is a measure)."""
    unit = (number.unit or "").lower()
    return unit in population or unit.rstrip("s") in population or unit in ("คน", "ราย", "people", "persons")


# Moving the whole of something to a new place is one step, whatever the verb: "Move 100% of the DAGs to Dagster",
# "Switch all stores to the new till", "ย้ายเว็บไซต์ทั้งหมดไปยังคลาวด์"
_MOVES_ALL_TO = regexcache.compile(
    r"(?i:\b(?P<verb>move|moves|moving|migrate|migrates|migrating|port|ports|porting|switch|switches|switching|shift"
    r"|shifts|transfer|transfers|convert|converts|upgrade|upgrades|release|releases|roll\s+out|rolls\s+out|deploy"
    r"|deploys|ship|ships|cut\s+over|consolidate|consolidates)\b[^.;]{0,60}?(?:\b100\s*%|\ball\b|\bevery\b)"
    r"[^.;]{0,60}?\b(?:to|onto|into)\b)"
    r"|(?P<th>ย้าย|โอนย้าย|ปรับเปลี่ยน|เปลี่ยน|อัปเกรด|อัพเกรด|ปล่อย)[^.;0-9]{0,40}?(?:ทั้งหมด|ทุก|100\s*%|ร้อยละ\s*100)"
    r"[^.;]{0,40}?(?:ไปยัง|ไปสู่|ไปใช้|มาใช้|ไป|สู่)")


def _moves_all_of_a_thing(facts, ctx) -> str | None:
    """The verb of a move of the whole of a thing to a new place (one step), not of people or customers, who move one
    by one ("Move all customers to e-billing", "ย้ายลูกค้าทุกรายไปใช้…" is a share to grow)."""
    moved = _MOVES_ALL_TO.search(facts.text)
    if moved is None:
        return None
    span = moved.group().lower()
    population = ctx.words("population")
    people = [h.term.rstrip("*").lower() for h in facts.hits("customer") + facts.hits("internal_customer")
              + facts.hits("population")]
    if any(p and p in span for p in people) or any(w in population for w in span.split()) or any(
            _share_of_people(n, facts, population) for n in facts.quantities):
        return None
    return moved.group("verb") or moved.group("th")


_ROLLED_OUT_TO = regexcache.compile(r"(?i:\b(?:released|rolled\s+out|launched|shipped|available|enabled|live)\s+(?:to|for)\s+$)")
_WITH_NONE = regexcache.compile(r"(?i:\bwith\s+$)")


def _share_of_people(number, facts, population: frozenset[str]) -> bool:
    """"100% of staff complete the course": a share of a population, which moves person by person."""
    after = facts.text[number.end:].lstrip().lower()
    after = after[3:].lstrip() if after.startswith("of ") else after[3:].lstrip() if after.startswith("ของ") else None
    if after is None:
        return False
    for article in ("the ", "our ", "all ", "every "):
        if after.startswith(article):
            after = after[len(article):]
    word = after.split(" ", 1)[0]
    return word in population or any(after.startswith(p) for p in population if not p.isascii()) or any(
        h.term.rstrip("*") and word.startswith(h.term.rstrip("*").lower())
        for h in facts.hits("customer") + facts.hits("internal_customer"))


def _names_a_rate(facts) -> bool:
    """The key result names a rate or share ("pass rate", "อัตราการ…", "สัดส่วน…"), which moves by degrees."""
    return any(h.term.lower().endswith(("rate", "rates", "ratio", "share")) or h.term in ("อัตรา", "สัดส่วน")
               for h in facts.hits("metric")) or _opens_on_a_share(facts.tokens)


def _opens_on_a_share(tokens) -> bool:
    """"ร้อยละของโครงการที่แล้วเสร็จตามแผน", "Percentage of claims settled": a share of many things done, not one."""
    if len(tokens) < 2:
        return False
    first = tokens[0].lower()
    return first in ("ร้อยละ", "สัดส่วน", "อัตรา") or first in ("percentage", "proportion", "share", "percent") \
        and tokens[1].lower() == "of"


def _describes_a_noun(facts, hit) -> bool:
    """"within the approved budget", "the signed contracts", "our deployed services": a done-word as an
    adjective before a noun, which says nothing about the key result being done or not. So is a Thai done-word made
    a noun by ความ after a share or rate ("ร้อยละความสำเร็จของ…", "อัตราความสำเร็จ…"): a success rate over many
    pieces of work, as "success rate" is ("ประสบความสำเร็จ", "ระดับความสำเร็จ" are not shares)."""
    tokens = facts.tokens
    if hit.index > 1 and tokens[hit.index - 1] == "ความ" and tokens[hit.index - 2] in _SHARE_WORDS:
        return True
    return hit.index > 0 and hit.term.lower().endswith("ed") and tokens[hit.index - 1] in _BEFORE_AN_ADJECTIVE


_BEFORE_AN_ADJECTIVE = frozenset({"the", "a", "an", "our", "their", "its", "all", "every", "each", "within", "of"})
_SHARE_WORDS = frozenset({"ร้อยละ", "อัตรา", "สัดส่วน", "เปอร์เซ็นต์", "เปอร์เซ็นต์ของ", "%"})


def _is_done_target(kr: KeyResult) -> bool:
    """A `target:` field that only says done: one deliverable, or 100 % of it, from nothing."""
    if kr.baseline not in (None, 0):
        return False
    written = f"{kr.unit or ''} {kr.target_text or ''}".lower()
    share = any(sign in written for sign in ("%", "percent", "ร้อยละ"))  # a unit column, or "ร้อยละ 100" in the cell
    return kr.target == 1 and not share or kr.target == 100 and share


def done_target(kr: KeyResult, ctx) -> str | None:
    """A `target:` written as a word that only says done ('Done', 'Yes', 'แล้วเสร็จ'), as spreadsheets often do."""
    written = (kr.target_text or "").strip()
    if kr.target is None and written and " ".join(written.lower().split()) in ctx.words("done_target"):
        return written
    return None


@rule(
    code="MEA006", name="kr-is-binary", category="measurability", severity="info", scope="key_result",
    summary="The key result is done or not done (complete, launch, go live, แล้วเสร็จ), with nothing in between.",
    rationale="A binary key result scores 0 or 1: it gives no signal during the quarter and invites marking it "
    "done when the work is 'nearly' there. Prefer the result the milestone should bring, or break it into "
    "measurable steps. Numbers that only name or complete the thing ('100% complete', 'ISO 27001') do not "
    "make it measurable.",
    examples=[
        bad("team: a\nobjectives:\n  - title: Shoppers pay the way they like\n    key_results:\n"
            "      - title: Add Apple Pay at checkout\n        target: Done\n", kind="yaml",
            note="a target that only says done"),
        bad("Complete 100% of the data-centre migration"),
        bad("ISO 27001 certification achieved for the payments platform"),
        bad("Launch the self-service portal"),
        bad("ติดตั้งระบบใหม่ให้แล้วเสร็จ 100%", "th"),
        bad("Launch 1 new self-service portal", note="one deliverable is still done or not done"),
        bad("พัฒนาระบบบริการอิเล็กทรอนิกส์ให้แล้วเสร็จ 1 ระบบ", "th"),
        bad("Get sign-off from compliance on the card-data audit", note="an approval is given or not"),
        good("Cut contract sign-off time from 9 days to 3 days"),
        good("Move 80% of customer workloads to the new data centre, up from 20%"),
        good("Cut payment-page incidents from 6 to 1 per month"),
        good("Cut audit findings from 14 to 3 before the ISO 27001 review"),
        good("เพิ่มสัดส่วนหน่วยงานที่ใช้ระบบใหม่จาก 20% เป็น 80%", "th"),
    ],
)
def kr_is_binary(kr: KeyResult, ctx):
    done = done_target(kr, ctx)
    if done is not None:
        yield Violation(f"a done/not-done key result (target '{done}'): measure the result it should bring")
        return
    facts = ctx.facts(kr)
    if (kr.target is not None and not _is_done_target(kr)) or has_placeholder(kr, facts):
        return
    if facts.change and facts.change.baseline is not None:
        return
    if scores_a_ladder(facts.text):
        return  # "ระดับความสำเร็จของ…": levels 1–5, not done or not done ('สำเร็จ' names the ladder); kr-is-activity's
    if not all(_is_done_measure(n, facts, ctx.words("population")) for n in facts.quantities):
        return
    if _names_a_rate(facts):
        return  # "Sales certification pass rate", target 100%: a rate moves by degrees
    marker = next((h.term for h in facts.hits("binary") if not _describes_a_noun(facts, h)), None)
    if marker is None:
        marker = _moves_all_of_a_thing(facts, ctx)  # "Move 100% of the DAGs to Dagster", "ย้ายเว็บไซต์ทั้งหมดไปยังคลาวด์"
    if marker is None and not facts.has("recurring"):
        kind = classify_kind(facts, kr)
        if is_one_off(facts, kind):
            marker = kind.verb
    if marker is None:
        return
    yield Violation(f"a done/not-done key result ('{_as_quoted(marker, facts.text)}'): measure the result it should bring")


_TRAILING_FUNCTION_WORDS = frozenset({"the", "our", "its", "their", "a", "an", "to", "of", "for", "all"})


def _as_quoted(marker: str, text: str) -> str:
    """A marker word as a clean phrase: without a trailing article ('pass the' -> 'pass'), in lower case unless the
    title writes it as an acronym ('GA', not 'ga'), and a verb as in the other messages ('Move' -> 'move')."""
    words = marker.split()
    while len(words) > 1 and words[-1].lower() in _TRAILING_FUNCTION_WORDS:
        words.pop()
    phrase = " ".join(words)
    if not phrase.isascii():
        return phrase
    found = re.search(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w-])", text, re.IGNORECASE)
    written = found.group(0) if found is not None else phrase
    if any(len(w) > 1 and w.isupper() for w in written.split()):
        return " ".join(written.split())  # "GA", "SOC 2 report": as written
    return phrase.lower()


@rule(
    code="MEA007", name="kr-small-step", category="measurability", severity="info", scope="key_result",
    summary="The target is barely beyond the baseline (18% to 19%, 4.1 to 4.2), or is the baseline itself: a step, "
    "not a stretch.",
    rationale="A key result should stretch the team: reaching about 70% of it should already be a good quarter. "
    "A target within a point of a share's baseline, or within 5% of any other baseline, will likely be met by "
    "noise or by doing nothing new. Aim further, or say why this step is hard-won. A share near 0% or 100% moves "
    "in small steps ('uptime from 99.5% to 99.9%' cuts downtime by four fifths), and keeping a level "
    "('maintain ...') is not a step.",
    examples=[
        bad("Raise the share of orders delivered next day from 18% to 19%"),
        bad("Grow annual recurring revenue from $4.0M to $4.1M"),
        bad("เพิ่มคะแนนความพึงพอใจของผู้รับบริการจาก 4.21 เป็น 4.25", "th"),
        bad("เพิ่มอัตราการต่ออายุสมาชิกจากร้อยละ 62 เป็นร้อยละ 63", "th"),
        bad("team: hr\nobjectives:\n  - title: Staff have the skills the work needs\n    key_results:\n"
            "      - title: Share of staff with a development plan\n        baseline: 100\n        target: 100\n",
            kind="yaml", note="nothing is to change"),
        good("Raise the share of orders delivered next day from 18% to 26%"),
        good("Raise checkout uptime from 99.5% to 99.9%", note="a share near 100% moves in small steps"),
        good("Cut the defect rate from 0.5% to 0.4%"),
        good("รักษาอัตราความพร้อมใช้งานของระบบไว้ที่ 99.9% (ปีที่แล้ว 99.8%)", "th"),
        good("เพิ่มยอดขายออนไลน์จาก 8 ล้านบาทเป็น 12 ล้านบาท", "th"),
        good("Raise our average review rating from 4.6 to 4.8 stars",
             note="half of what is left to the top of a 5-star scale"),
    ],
)
def kr_small_step(kr: KeyResult, ctx):
    facts = ctx.facts(kr)
    baseline, target = _comparable(kr, facts)
    if baseline is None or target is None or has_placeholder(kr, facts):
        return
    if (facts.has("maintain") or holds_a_level(facts)) and not facts.has("increase") and not facts.has("decrease"):
        return  # keeping a level: the target is the baseline, give or take
    if baseline == target:
        if not (facts.has("increase") or facts.has("decrease")) and not _KEEPS_A_LEVEL.search(facts.text):
            # "ร้อยละของบุคลากรที่ได้รับการพัฒนาตาม IDP: 100 -> 100": nothing is to change
            yield Violation(f"the target is the baseline ({_as_written(kr, facts)}): nothing is to change; if holding "
                            "the level is the point, say so ('keep … at …'), else aim for a change")
        return
    if baseline == 0:
        return
    if classify_kind(facts, kr).activity:
        return  # a count of tasks: kr-is-activity speaks for it
    if (target > baseline and facts.has("decrease") and not facts.has("increase")) or (
            target < baseline and facts.has("increase") and not facts.has("decrease")):
        return  # "ลด scrap จาก 2.8% เหลือ 2.9%": the numbers contradict the verb; kr-direction-mismatch speaks for it
    if next(iter(kr_direction_mismatch.check(kr, ctx)), None) is not None:
        return  # "ความพึงพอใจ จาก 4.1 เป็น 3.9": a target that goes the wrong way is no timid step
    step = abs(target - baseline)
    if _is_share(kr, facts):
        if not (0 < baseline < 100 and 0 <= target <= 100):
            return
        # within a point, and neither the share nor what is left of it moves by a tenth (99.5% -> 99.9% does)
        if step > 1 or step / baseline >= 0.1 or step / (100 - baseline) >= 0.1:
            return
        yield Violation(f"a small step ({_as_written(kr, facts)}): a share that moves a point or less may move by "
                        "itself; aim for a change that stretches the team, or say why this step is hard-won")
    elif step / abs(baseline) < 0.05 and not _closes_the_gap_to_the_top(facts, baseline, target, step):
        yield Violation(f"a small step ({_as_written(kr, facts)}, {step / abs(baseline):.1%}): aim for a change that "
                        "stretches the team, or say why this step is hard-won")


# "no lower than", "at least", "ไม่ต่ำกว่า", "คงไว้": a floor to hold, which may equal the baseline
_KEEPS_A_LEVEL = regexcache.compile(r"(?i:\b(?:at\s+least|no\s+(?:lower|less|fewer)\s+than|not\s+(?:below|under)|stay|stays"
                                    r"|remain|remains|hold|holds|keep|keeps|sustain)\b)|ไม่ต่ำกว่า|ไม่น้อยกว่า|ไม่เกิน|คงไว้|รักษา|คง")


_RATING_WORDS = frozenset("rating ratings rated score scores star stars csat review reviews satisfaction คะแนน ดาว "
                          "ความพึงพอใจ พึงพอใจ".split())
_SCALE_TOPS = (5.0, 7.0, 10.0, 100.0)  # a 0–100 score (ITA, a quality audit) near its top too


def _closes_the_gap_to_the_top(facts, baseline: float, target: float, step: float) -> bool:
    """A rating that closes a fifth or more of what is left of its scale: 4.6 -> 4.8 of 5 stars, 4.12 -> 4.30 of 5, an ITA
    score of 88.5 -> 92 (of 100)."""
    if not baseline < target:
        return False
    tops = [n.denominator for n in facts.quantities if n.denominator in _SCALE_TOPS]
    if not tops and not _RATING_WORDS.isdisjoint(facts.tokens):
        tops = [top for top in _SCALE_TOPS if target <= top][:1]
    return any(target <= top and step / (top - baseline) >= 0.2 for top in tops if top > baseline)


def _is_share(kr: KeyResult, facts) -> bool:
    change = facts.change
    if kr.target is not None or kr.baseline is not None:
        unit = (kr.unit or "").strip().lower()
        if unit in ("%", "percent", "ร้อยละ"):
            return True
        written = f"{kr.target_text or ''} {kr.baseline_text or ''}"
        if "%" in written or "ร้อยละ" in written:  # `target: 19%`, a cell "ร้อยละ 85"
            return True
    mention = change.target_mention if change is not None else None
    if mention is not None and mention.kind == "percent":
        if change.target_role in ("rel", "verb") and (
                change.baseline_mention is not None and change.baseline_mention.kind != "percent"
                or kr.baseline is not None and kr.target is None
                and target_from_baseline(change, kr.baseline, kr.baseline_text, kr.unit) is not None):
            return False  # "Cut cloud cost per order by 10%" from 1.80: the size of the change, not a share
        return True
    # "ร้อยละความพร้อมใช้งานของระบบ จาก ๙๘.๕ เป็น ๙๙.๕", "Percentage of orders shipped same day: 61 → 64"
    return bool(facts.tokens) and facts.tokens[0].lower() in ("ร้อยละ", "สัดส่วน", "percentage", "%", "share")


@rule(
    code="MEA008", name="vanity-metric", category="measurability", severity="info", scope="key_result",
    summary="The key result only counts attention (impressions, reach, followers, likes, views), not what it "
    "should lead to.",
    rationale="Impressions, followers, likes and views can grow while nothing changes for customers or the "
    "business: they are bought, gamed or come and go with a trend. A key result is worth more when it measures "
    "what the attention should lead to (sign-ups, enquiries, repeat buyers, sales), or the attention of the "
    "right people ('followers who buy within 90 days'). Use them as health signals beside the key results.",
    examples=[
        bad("Reach 50,000 Instagram followers"),
        bad("Get 2 million impressions on paid social"),
        bad("เพิ่มยอดผู้ติดตามเพจ Facebook จาก 12,000 เป็น 30,000 คน", "th"),
        good("Raise sign-ups from social media from 300 to 900 a month"),
        good("Raise the share of Instagram followers who buy within 90 days from 2% to 5%"),
        good("เพิ่มยอดสั่งซื้อที่มาจากเพจ Facebook จาก 150 เป็น 400 ครั้งต่อเดือน", "th"),
    ],
)
def vanity_metric(kr: KeyResult, ctx):
    facts = ctx.facts(kr)
    vanity = facts.hits("vanity")
    if not vanity or facts.has("decrease"):
        return
    counted = {i for h in vanity for i in range(h.index, h.index + h.size)}
    # "…เพิ่มขึ้นร้อยละ 30", "grow … by 30 percent": the size of the change, not another measure
    counted |= {h.index for h in facts.hits("metric") if h.term.lower() in _CHANGE_SIZE
                and any(up.index < h.index for up in facts.hits("increase"))
                and any(q.kind == "percent" and q.text.lower().startswith(h.term.lower()) for q in facts.quantities)}
    if any(h.index not in counted and h.term.lower() not in _ATTENTION for h in facts.hits("metric"))\
            or any(h.index not in counted for h in facts.hits("conversion")):
        return  # "followers who buy", "conversion from views": the attention is only where it starts
    yield Violation(f"'{_term_as_written(facts.text, vanity[0].term.rstrip('*'))}' counts attention, which can grow while "
                    "nothing changes for customers or the business: measure what it should lead to (sign-ups, "
                    "enquiries, sales)")


def _term_as_written(text: str, term: str) -> str:
    """A Thai term as the text writes it: the words of "ยอดreach" are joined, the text has "ยอด reach"."""
    if term in text:
        return term
    found = re.search(r"\s*".join(map(re.escape, term.replace(" ", ""))), text, re.IGNORECASE)
    return found.group(0) if found else term


# The words of a relative change's size ("เพิ่มขึ้นร้อยละ 30")
_CHANGE_SIZE = frozenset({"ร้อยละ", "เปอร์เซ็นต์", "percent", "%"})
# Measures that are themselves attention: beside a vanity count they are not what it leads to ("engagement on TikTok
# and IG, 500K views"); "ยอด"/"จำนวน" only say "number of".
_ATTENTION = frozenset({"engagement", "traffic", "visits", "sessions", "pageviews", "page views", "reach", "ยอด", "จำนวน"})


@hookimpl
def okrlint_rules():
    return rules_in(sys.modules[__name__])
