"""Benchmark of the org-level alignment rules on generated orgs of 1k, 10k and 50k objectives.

    PYTHONPATH=src python benchmarks/bench_alignment.py [--sizes 1000,10000,50000] [--no-memory]

Each org has one company set, departments and many team sets (five objectives and three key results per
objective), Thai and English titles, cross-team dependencies, about 1% near-duplicate objectives across teams,
a few dangling references and alignment cycles. Prints the time of all org-scope alignment rules run through
the engine (index built once, findings made), per-rule times for the largest org, and the peak memory those
rules allocate (tracemalloc, measured in a second run so that tracing does not slow the timed one).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import tracemalloc

from okrlint.config import Config
from okrlint.engine import Engine
from okrlint.model import KeyResult, Location, Objective, OKRSet, Org, Period
from okrlint.org import OrgIndex
from okrlint.rules.base import RuleContext
from okrlint.text.periods import parse_period

EN_VERBS = ["Grow", "Raise", "Cut", "Win", "Keep", "Double", "Speed up", "Simplify", "Expand", "Protect", "Earn",
            "Lift", "Rebuild", "Automate", "Unlock", "Stabilise"]
EN_METRICS = ["self-serve sign-ups", "repeat bookings", "clinic renewals", "partner referrals", "payment success",
              "first-week activation", "support resolution", "app ratings", "dentist adoption", "pharmacy leads",
              "invoice accuracy", "onboarding speed", "data freshness", "API reliability", "trial conversion",
              "reminder opt-ins", "no-show recovery", "upsell revenue", "review replies", "refund speed"]
EN_SEGMENTS = ["small clinics", "dental chains", "new patients", "returning patients", "pharmacies", "vets",
               "physiotherapists", "night-shift staff", "clinic owners", "receptionists", "beauty clinics",
               "lab partners", "insurers", "rural hospitals", "eye clinics", "skin clinics"]
EN_PLACES = ["Vietnam", "Bangkok", "Chiang Mai", "Hanoi", "Da Nang", "Phuket", "Khon Kaen", "Hat Yai", "Penang",
             "Cebu", "Jakarta", "Surabaya", "Yangon", "Vientiane", "Phnom Penh", "Udon Thani", "Pattaya", "Rayong"]
EN_PAINS = ["paperwork", "phone queues", "double bookings", "manual invoices", "late payments", "lost referrals",
            "missed reminders", "slow setup", "surprise fees", "app crashes"]
EN_CHANNELS = ["the mobile app", "LINE", "Zalo", "partner stores", "our website", "field sales", "webinars",
               "clinic kiosks", "WhatsApp", "the call centre", "email", "resellers"]
SYLLABLES = ["ka", "lo", "mi", "ra", "su", "ten", "vo", "zen", "pha", "dao", "lin", "mor", "qui", "sab", "tor", "wan",
             "yen", "bri", "cho", "fai", "gon", "hua", "jit", "kin", "nok", "pim", "ruk", "sai", "tha", "una"]
TH_VERBS = ["เพิ่ม", "ขยาย", "เร่ง", "ยกระดับ", "สร้าง", "รักษา", "ลด", "พัฒนา", "ผลักดัน", "ปรับ"]
TH_METRICS = ["การสมัครใช้บริการ", "การจองซ้ำ", "การต่ออายุสัญญา", "การแนะนำจากพันธมิตร", "การชำระเงินสำเร็จ",
              "การใช้งานสัปดาห์แรก", "การแก้ปัญหาลูกค้า", "คะแนนรีวิวแอป", "ความแม่นยำของใบแจ้งหนี้",
              "ความเร็วในการเริ่มใช้งาน", "การตอบรีวิว", "รายได้จากบริการเสริม", "การคืนเงิน", "การเตือนนัดหมาย"]
TH_SEGMENTS = ["คลินิกขนาดเล็ก", "คลินิกทันตกรรม", "คนไข้ใหม่", "คนไข้เก่า", "ร้านขายยา", "คลินิกสัตว์", "เจ้าของคลินิก",
               "คลินิกความงาม", "โรงพยาบาลชุมชน", "คลินิกตา", "พนักงานต้อนรับ", "ห้องแล็บพันธมิตร"]
TH_PLACES = ["กรุงเทพฯ", "เชียงใหม่", "ขอนแก่น", "หาดใหญ่", "ภูเก็ต", "โคราช", "อุดรธานี", "ชลบุรี", "ระยอง", "พิษณุโลก",
             "สุราษฎร์ธานี", "อุบลราชธานี", "นครศรีธรรมราช", "ลำปาง"]
TH_CHANNELS = ["แอปมือถือ", "ไลน์", "หน้าร้าน", "เว็บไซต์", "ทีมขายภาคสนาม", "พันธมิตร", "ตู้บริการในคลินิก", "คอลเซ็นเตอร์"]
TH_PAINS = ["งานเอกสาร", "การรอสาย", "การจองซ้อน", "ใบแจ้งหนี้ที่ทำมือ", "การชำระเงินล่าช้า", "การลืมนัด", "การตั้งค่าที่ยุ่งยาก"]

EN_QUALIFIERS = ["weekly", "paid", "mobile", "on-time", "first-visit", "after-hours", "cross-border", "walk-in",
                 "monthly", "same-day", "repeat", "in-person", "group", "family", "senior", "corporate"]
EN_SIZES = ["small", "busy", "new", "rural", "urban", "family-run", "large", "independent", "franchise", "public"]
TH_QUALIFIERS = ["รายสัปดาห์", "แบบออนไลน์", "นอกเวลาทำการ", "ครั้งแรก", "รายเดือน", "ภายในวันเดียว", "แบบกลุ่ม",
                 "สำหรับครอบครัว", "สำหรับผู้สูงอายุ", "ข้ามจังหวัด", "แบบไม่นัดล่วงหน้า", "ของลูกค้าองค์กร"]
TH_SIZES = ["ขนาดเล็ก", "ที่เพิ่งเปิด", "ในชุมชน", "ในเมือง", "แบบครอบครัว", "เครือข่าย", "อิสระ", "ของรัฐ"]

OBJECTIVES_PER_SET = 5
KRS_PER_OBJECTIVE = 3


def product(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((3, 4)))).capitalize()


def title(rng: random.Random, thai: bool, focus: str | None = None) -> str:
    """One objective statement in a few shapes people write. Slots are filled from word combinations, so that
    the number of distinct statements grows with the org and chance look-alikes stay rare, as in real orgs.
    ``focus`` is the product or programme the team works on; teams name it in most of their objectives."""
    c = rng.choice
    focus = focus or product(rng)
    if thai:
        metric = lambda: f"{c(TH_METRICS)}{c(TH_QUALIFIERS)}"  # noqa: E731
        segment = lambda: f"{c(TH_SEGMENTS)}{c(TH_SIZES)}"  # noqa: E731
        shapes = [
            lambda: f"{c(TH_VERBS)}{metric()}ของ{segment()}ใน{c(TH_PLACES)}ผ่าน{c(TH_CHANNELS)}ด้วย {focus}",
            lambda: f"{segment()}ใน{c(TH_PLACES)}ใช้ {focus} {c(TH_VERBS)}{metric()}โดยไม่ต้องเจอ{c(TH_PAINS)}",
            lambda: f"ลด{c(TH_PAINS)}และ{c(TH_PAINS)}ของ{segment()}ที่ใช้ {focus} ผ่าน{c(TH_CHANNELS)}ใน{c(TH_PLACES)}",
        ]
    else:
        metric = lambda: f"{c(EN_QUALIFIERS)} {c(EN_METRICS)}"  # noqa: E731
        segment = lambda: f"{c(EN_SIZES)} {c(EN_SEGMENTS)}"  # noqa: E731
        shapes = [
            lambda: f"{c(EN_VERBS)} {metric()} of {focus} among {segment()} in {c(EN_PLACES)} via {c(EN_CHANNELS)}",
            lambda: f"{segment().capitalize()} in {c(EN_PLACES)} use {focus} to {c(EN_VERBS).lower()} "
                    f"{metric()} without {c(EN_PAINS)}",
            lambda: f"End {c(EN_PAINS)} and {c(EN_PAINS)} for {segment()} in {c(EN_PLACES)} with {focus} "
                    f"on {c(EN_CHANNELS)}",
        ]
    return c(shapes)()


def near_copy(text: str, rng: random.Random) -> str:
    """What another team writes when it means the same thing."""
    for a, b in (("ผ่าน", "ทาง"), ("sign-ups", "signups"), (" via ", " through "), ("ด้วย", "โดยใช้"), (" with ", " using ")):
        if a in text:
            return text.replace(a, b, 1)
    return text + "!"


def generate_org(objective_count: int, seed: int = 7) -> Org:
    rng = random.Random(seed)
    fiscal_year = parse_period("FY2570")
    quarters = [parse_period(q) for q in ("2026-Q4", "2027-Q1", "2027-Q2", "2027-Q3")]
    sets: list[OKRSet] = []
    all_titles: list[str] = []
    company_ids = [f"co-o{i}" for i in range(1, 6)]
    department_ids: list[str] = []
    kr_refs: list[str] = []

    def make_set(team: str, level: str, period: Period, parents: list[str], count: int) -> OKRSet:
        file = f"org/{team}.okr.yaml"
        focus = product(rng)
        objectives = []
        for o in range(count):
            oid = f"{team}-o{o + 1}"
            line = 6 + o * 12
            if all_titles and rng.random() < 0.01:
                text = near_copy(rng.choice(all_titles), rng)
            else:
                text = title(rng, thai=rng.random() < 0.5, focus=focus)
            all_titles.append(text)
            aligns = (rng.choice(parents),) if parents else ()
            if parents and rng.random() < 0.002:
                aligns = (f"{rng.choice(parents)}-typo",)  # a dangling reference
            krs = []
            for k in range(KRS_PER_OBJECTIVE):
                kid = f"{oid}-kr{k + 1}"
                depends = ()
                if kr_refs and rng.random() < 0.15:
                    depends = (rng.choice(kr_refs),)
                krs.append(KeyResult(uid=kid, id=kid, title=f"Raise metric {k} from 10 to 20",
                                     location=Location(file, line + 3 + 2 * k, 9), depends_on=depends,
                                     owner=None if rng.random() < 0.3 else "owner"))
            objectives.append(Objective(uid=oid, id=oid, title=text, location=Location(file, line, 5),
                                        aligns_to=aligns, key_results=tuple(krs)))
        kr_refs.extend(f"{team}/{kr.id}" for o in objectives for kr in o.key_results if rng.random() < 0.2)
        return OKRSet(team=team, file=file, location=Location(file, 1, 1), objectives=tuple(objectives),
                      level=level, period=period)

    sets.append(make_set("company", "company", fiscal_year, [], len(company_ids)))
    departments = max(2, objective_count // 500)
    for d in range(departments):
        okr_set = make_set(f"dept{d}", "department", fiscal_year, [f"company/{c}" for c in company_ids], OBJECTIVES_PER_SET)
        department_ids.extend(f"{okr_set.team}/{o.id}" for o in okr_set.objectives)
        sets.append(okr_set)
    team = 0
    while sum(len(s.objectives) for s in sets) < objective_count:
        parents = rng.sample(department_ids, 3)
        sets.append(make_set(f"team{team}", "team", rng.choice(quarters), parents, OBJECTIVES_PER_SET))
        team += 1
    # A few alignment cycles between pairs of team objectives.
    for _ in range(max(1, objective_count // 5000)):
        a, b = rng.sample(range(departments + 1, len(sets)), 2)
        oa, ob = sets[a].objectives[0], sets[b].objectives[0]
        sets[a] = _replace_first(sets[a], (f"{sets[b].team}/{ob.id}",))
        sets[b] = _replace_first(sets[b], (f"{sets[a].team}/{oa.id}",))
    return Org(tuple(sets))


def _replace_first(okr_set: OKRSet, aligns_to: tuple[str, ...]) -> OKRSet:
    import attrs

    first = attrs.evolve(okr_set.objectives[0], aligns_to=aligns_to)
    return attrs.evolve(okr_set, objectives=(first, *okr_set.objectives[1:]))


def run_rules(engine: Engine, org: Org):
    return engine.check(org)


def measure(size: int, engine: Engine, memory: bool, per_rule: bool) -> dict:
    org = generate_org(size)
    objectives = sum(len(s.objectives) for s in org.sets)
    started = time.perf_counter()
    findings = run_rules(engine, org)
    elapsed = time.perf_counter() - started
    row = {"objectives": objectives, "sets": len(org.sets), "seconds": elapsed, "findings": len(findings)}
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.name] = counts.get(finding.name, 0) + 1
    row["counts"] = counts
    if memory:
        org = generate_org(size)
        tracemalloc.start()
        run_rules(engine, org)
        row["peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    if per_rule:
        org = generate_org(size)
        started = time.perf_counter()
        index = OrgIndex(org)
        times = {"(index)": time.perf_counter() - started}
        for item in engine.selected_rules():
            ctx = RuleContext(analyser=None, org=org, services=index, options=dict(item.options))
            started = time.perf_counter()
            for _ in item.check(org, ctx) or ():
                pass
            times[item.name] = time.perf_counter() - started
        row["per_rule"] = times
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--no-memory", action="store_true")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    engine = Engine(Config(select=["alignment"], rule_timeout=0))  # org rules on 50k objectives exceed the default
    engine.selected_rules()
    print(f"{'objectives':>10} {'sets':>6} {'seconds':>8} {'µs/obj':>7} {'peak MB':>8} {'findings':>9}")
    rows = []
    for size in sizes:
        row = measure(size, engine, memory=not args.no_memory, per_rule=size == max(sizes))
        rows.append(row)
        peak = f"{row['peak_mb']:8.1f}" if "peak_mb" in row else f"{'-':>8}"
        print(f"{row['objectives']:>10} {row['sets']:>6} {row['seconds']:8.2f} "
              f"{row['seconds'] / row['objectives'] * 1e6:7.1f} {peak} {row['findings']:>9}", flush=True)
    for previous, current in zip(rows, rows[1:]):
        growth = current["objectives"] / previous["objectives"]
        print(f"{previous['objectives']} → {current['objectives']} objectives (×{growth:.0f}): "
              f"time ×{current['seconds'] / previous['seconds']:.1f}")
    largest = rows[-1]
    print(f"findings at {largest['objectives']}: " + ", ".join(f"{k} {v}" for k, v in sorted(largest["counts"].items())))
    print("per rule at the largest size (s): " + ", ".join(f"{k} {v:.2f}" for k, v in largest["per_rule"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
