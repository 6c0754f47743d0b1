"""Write a synthetic organisation of OKR set files, in Thai and English, with the defects real drafts have.

    python benchmarks/generate_org.py --key-results 100000 --out /tmp/org100k [--seed 7]
    python benchmarks/generate_org.py --single-file /tmp/one.okr.yaml [--seed 7]

Shape: one company-level set, departments (level: department, aligned to company objectives) and teams
(aligned to their department, sometimes straight to the company). Every set has about four objectives with
three to five key results each, so 100,000 key results make about 6,000-7,000 files, laid out as
``company.okr.yaml`` and ``<department>/<team>.okr.yaml``.

Defects, at roughly the rates seen in real drafts: KRs without a number or without a baseline, placeholders
(X, TBD, xx%), activities posing as results, vague wording, verbs that disagree with the numbers, numbers in
Thai digits and as words, objectives that carry metrics, near-duplicate objectives across teams, dangling
``aligns_to`` and ``depends_on`` references, and periods in many written forms (some unreadable).
The same seed always writes the same files, byte for byte.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

KEY_RESULTS_PER_OBJECTIVE = (3, 5)
OBJECTIVES_PER_SET = (3, 5)
TEAMS_PER_DEPARTMENT = 12

# --- vocabulary for English titles ------------------------------------------------------------------------------
EN_UP_VERBS = ["Increase", "Grow", "Raise", "Lift", "Boost", "Expand"]
EN_DOWN_VERBS = ["Reduce", "Cut", "Lower", "Decrease", "Shrink"]
EN_METRICS = [  # (metric, unit) pairs; the unit is "" when the number is a count
    ("monthly active shops", ""), ("trial-to-paid conversion", "%"), ("repeat bookings", ""),
    ("first-contact resolution", "%"), ("net revenue retention", "%"), ("partner referrals", ""),
    ("self-serve sign-ups", ""), ("payment success rate", "%"), ("app store rating", "/5"),
    ("weekly active clinics", ""), ("upsell revenue", " THB"), ("qualified leads per month", ""),
]
EN_BAD_METRICS = [  # things one wants less of
    ("median first-response time", " hours"), ("90-day churn", "%"), ("reopened tickets", "%"),
    ("invoice errors", ""), ("onboarding time", " days"), ("cost per lead", " USD"), ("refund requests", ""),
]
EN_ACTIVITIES = [
    "Launch the new pricing page", "Hold {n} webinars for {segment}", "Hire {n} account managers",
    "Attend {n} trade fairs in {place}", "Run a customer survey", "Publish the partner handbook",
    "Migrate billing to the new platform", "Organise a roadshow in {place}",
]
EN_VAGUE = ["Improve {metric}", "Make {metric} better", "Optimise {metric} for {segment}",
            "Enhance the experience of {segment}", "Strengthen relationships with {segment}"]
EN_PLACEHOLDERS = ["Raise {metric} from X% to Y%", "Grow {metric} to TBD", "Reach N {metric}",
                   "Increase {metric} from ??? to xx%", "Cut {metric} to TBC"]
EN_NUMBER_WORDS = ["Double {metric}", "Reach ten thousand {metric}", "Win three new enterprise customers",
                   "Triple {metric} in {place}", "Get a hundred {segment} onto the annual plan"]
EN_SEGMENTS = ["small clinics", "online shops", "first-time buyers", "returning customers", "pharmacies",
               "enterprise accounts", "resellers", "rural hospitals", "students", "restaurant owners"]
EN_PLACES = ["Vietnam", "Bangkok", "Chiang Mai", "Hanoi", "Jakarta", "Penang", "Khon Kaen", "Cebu"]
EN_OBJECTIVES = [
    "Become the first choice of {segment} in {place}", "Make every {segment_one} feel looked after",
    "Win back {segment} we lost last year", "Turn {segment} into loyal fans", "Build a billing system people trust",
    "Make onboarding effortless for {segment}", "Run a support desk customers brag about",
    "Grow the partner channel in {place}", "Keep the platform fast and reliable for {segment}",
]
EN_QUALIFIERS = ["through the mobile app", "on LINE", "with the new billing flow", "across all branches",
                 "before the peak season", "with our reseller partners", "in every new market", "without extra headcount",
                 "on the self-serve plan", "through the call centre", "with faster releases", "for the enterprise tier"]
EN_METRIC_OBJECTIVES = ["Grow revenue by {pct}% in {place}", "Reach {n},000 paying {segment}"]

# --- vocabulary for Thai titles ---------------------------------------------------------------------------------
TH_UP_VERBS = ["เพิ่ม", "ยกระดับ", "ขยาย", "เพิ่มจำนวน"]
TH_DOWN_VERBS = ["ลด", "ลดจำนวน", "ลดระยะเวลา"]
TH_METRICS = [
    ("ลูกค้าที่สมัครใช้บริการ", " ราย"), ("อัตราการต่ออายุสัญญา", "%"), ("ยอดขายออนไลน์", " ล้านบาท"),
    ("คะแนนความพึงพอใจของลูกค้า", " คะแนน"), ("ผู้ใช้งานแอปต่อเดือน", " คน"), ("การจองซ้ำของคนไข้", " ครั้ง"),
    ("รายได้จากบริการเสริม", " บาท"), ("สัดส่วนลูกค้าที่แนะนำต่อ", "%"),
]
TH_BAD_METRICS = [
    ("เวลารอสายของลูกค้า", " นาที"), ("ข้อร้องเรียนจากลูกค้า", " เรื่อง"), ("อัตราการยกเลิกบริการ", "%"),
    ("ความผิดพลาดในใบแจ้งหนี้", " รายการ"), ("ระยะเวลาอนุมัติสินเชื่อ", " วัน"),
]
TH_ACTIVITIES = [
    "จัดอบรมให้{segment} {n} ครั้ง", "เข้าร่วมงานแสดงสินค้าที่{place}", "ดำเนินการปรับปรุงระบบหลังบ้าน",
    "จัดทำคู่มือการใช้งานสำหรับ{segment}", "จัดกิจกรรมส่งเสริมการขายใน{place}", "จ้างพนักงานขายเพิ่ม {n} คน",
]
TH_VAGUE = ["ปรับปรุง{metric}ให้ดีขึ้น", "พัฒนาคุณภาพบริการให้ดียิ่งขึ้น", "ส่งเสริมความสัมพันธ์กับ{segment}",
            "ยกระดับประสบการณ์ของ{segment}"]
TH_PLACEHOLDERS = ["เพิ่ม{metric}จาก X เป็น Y", "ลด{metric}ให้เหลือ xx%", "เพิ่ม{metric}เป็น TBD ราย",
                   "เพิ่ม{metric}จาก ... เป็น ..."]
TH_NUMBER_WORDS = ["เพิ่ม{metric}เป็นสองเท่า", "เพิ่ม{metric}อีกหนึ่งพันราย", "ได้ลูกค้าองค์กรใหม่สามราย",
                   "เพิ่ม{metric}ขึ้นร้อยละสิบห้า"]
TH_SEGMENTS = ["คลินิกขนาดเล็ก", "ร้านค้าออนไลน์", "ลูกค้ารายใหม่", "ลูกค้าเก่า", "ร้านขายยา", "ลูกค้าองค์กร",
               "ตัวแทนจำหน่าย", "โรงพยาบาลชุมชน", "นักศึกษา", "เจ้าของร้านอาหาร"]
TH_PLACES = ["กรุงเทพฯ", "เชียงใหม่", "ขอนแก่น", "หาดใหญ่", "ภูเก็ต", "อุดรธานี", "ชลบุรี", "ระยอง"]
TH_OBJECTIVES = [
    "เป็นตัวเลือกแรกของ{segment}ใน{place}", "ทำให้{segment}กลับมาใช้บริการซ้ำ", "สร้างระบบชำระเงินที่ลูกค้าไว้วางใจ",
    "ทำให้{segment}เริ่มใช้งานได้ง่ายภายในวันเดียว", "ให้บริการหลังการขายที่ลูกค้าประทับใจ",
    "ขยายเครือข่ายพันธมิตรใน{place}", "ทำให้ระบบเร็วและเสถียรสำหรับ{segment}",
]
TH_QUALIFIERS = ["ผ่านแอปมือถือ", "ผ่าน LINE OA", "ด้วยระบบชำระเงินใหม่", "ในทุกสาขา", "ก่อนช่วงเทศกาล",
                 "ร่วมกับตัวแทนจำหน่าย", "ในตลาดใหม่ทุกแห่ง", "โดยไม่เพิ่มพนักงาน", "ผ่านศูนย์บริการลูกค้า",
                 "ด้วยการออกเวอร์ชันที่เร็วขึ้น", "สำหรับลูกค้าองค์กร", "ผ่านเว็บไซต์"]
TH_METRIC_OBJECTIVES = ["เพิ่มรายได้ {pct}% ใน{place}", "มีลูกค้าที่ชำระเงิน {n},000 ราย"]
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

# --- periods ----------------------------------------------------------------------------------------------------
# Mostly consistent (a team quarter inside its department's half inside the company's year), a few not.
COMPANY_PERIODS = ["2026", "2569"]
DEPARTMENT_PERIODS = ["2026-H1", "H1 2026", "2026", "2026-01-01..2026-06-30"]
TEAM_PERIODS = ["2026-Q1", "Q1 2026", "ไตรมาส 1/2569", "2026-Q2", "2026-01-01..2026-03-31", "2026-03",
                "ไตรมาส 2/2569", "2026 Q2", "Q2'26", "มี.ค. 2569"]
ODD_PERIODS = ["FY2570", "ปีงบประมาณ 2570", "next sprint", "ช่วงปลายปี", "2027-Q4"]  # outside the parent, or unreadable

TEAM_NAMES_EN = ["growth", "billing", "support", "mobile", "data", "partners", "platform", "sales", "brand",
                 "onboarding", "payments", "search", "ops", "security", "content", "pricing"]
DEPARTMENT_NAMES = ["marketing", "product", "engineering", "customer-success", "finance", "people", "operations",
                    "commercial", "research", "legal"]

_PLAIN_SCALAR = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`0-9.+~][^:#]*(?<!\s)$")


def yaml_str(text: str) -> str:
    """The text as a YAML scalar: plain when that reads back as the same string, JSON-quoted otherwise."""
    if _PLAIN_SCALAR.match(text) and text.lower() not in {"yes", "no", "true", "false", "null", "on", "off"}:
        return text
    return json.dumps(text, ensure_ascii=False)


class TitleWriter:
    """Composes objective and KR titles from templates, with defects at fixed rates."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def _fill(self, template: str, *, thai: bool) -> str:
        rng = self.rng
        metric = rng.choice(TH_METRICS if thai else EN_METRICS)[0]
        segment = rng.choice(TH_SEGMENTS if thai else EN_SEGMENTS)
        return template.format(
            metric=metric, segment=segment, segment_one=segment.rstrip("s"),
            place=rng.choice(TH_PLACES if thai else EN_PLACES), n=rng.randint(2, 12), pct=rng.choice([10, 15, 25, 40]),
        )

    def objective(self, *, thai: bool) -> str:
        if self.rng.random() < 0.08:
            return self._fill(self.rng.choice(TH_METRIC_OBJECTIVES if thai else EN_METRIC_OBJECTIVES), thai=thai)
        title = self._fill(self.rng.choice(TH_OBJECTIVES if thai else EN_OBJECTIVES), thai=thai)
        if self.rng.random() < 0.8:
            title += ("" if thai else " ") + self.rng.choice(TH_QUALIFIERS if thai else EN_QUALIFIERS)
        return title

    def key_result(self, *, thai: bool) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.55:
            return self._measured(thai=thai, mismatch=False)
        if roll < 0.60:
            return self._measured(thai=thai, mismatch=True)
        if roll < 0.68:
            return self._target_only(thai=thai)
        if roll < 0.76:
            return self._fill(rng.choice(TH_ACTIVITIES if thai else EN_ACTIVITIES), thai=thai)
        if roll < 0.84:
            return self._fill(rng.choice(TH_VAGUE if thai else EN_VAGUE), thai=thai)
        if roll < 0.91:
            return self._fill(rng.choice(TH_PLACEHOLDERS if thai else EN_PLACEHOLDERS), thai=thai)
        return self._fill(rng.choice(TH_NUMBER_WORDS if thai else EN_NUMBER_WORDS), thai=thai)

    def _numbers(self, unit: str) -> tuple[str, str]:
        rng = self.rng
        if unit == "%":
            low = rng.randint(2, 60)
            return str(low), str(low + rng.randint(3, 30))
        if unit == "/5":
            return f"{rng.randint(30, 40) / 10:.1f}", f"{rng.randint(41, 49) / 10:.1f}"
        low = rng.choice([40, 120, 400, 900, 1500, 4200, 12000])
        high = low + low * rng.randint(1, 8) // 4
        return f"{low:,}", f"{high:,}"

    def _measured(self, *, thai: bool, mismatch: bool) -> str:
        """A "from X to Y" key result; with ``mismatch`` the verb points the other way than the numbers."""
        rng = self.rng
        up = rng.random() < 0.65
        metric, unit = rng.choice((TH_METRICS if up else TH_BAD_METRICS) if thai else (EN_METRICS if up else EN_BAD_METRICS))
        low, high = self._numbers(unit)
        start, end = (low, high) if up else (high, low)
        if mismatch:
            up = not up
        if thai:
            verb = rng.choice(TH_UP_VERBS if up else TH_DOWN_VERBS)
            joiner = "เป็น" if up else rng.choice(["เหลือ", "เป็น"])
            text = f"{verb}{metric}จาก {start}{unit} {joiner} {end}{unit}"
            if rng.random() < 0.15:
                text = text.translate(THAI_DIGITS)
            if rng.random() < 0.2:
                text += rng.choice([" ภายในไตรมาสนี้", " ภายในสิ้นปี", " ต่อเดือน"])
            return text
        verb = rng.choice(EN_UP_VERBS if up else EN_DOWN_VERBS)
        text = f"{verb} {metric} from {start}{unit} to {end}{unit}"
        if rng.random() < 0.2:
            text += rng.choice([" by the end of the quarter", f" in {rng.choice(EN_PLACES)}",
                                f" for {rng.choice(EN_SEGMENTS)}"])
        return text

    def _target_only(self, *, thai: bool) -> str:
        metric, unit = self.rng.choice(TH_METRICS if thai else EN_METRICS)
        _, high = self._numbers(unit)
        if thai:
            return f"{self.rng.choice(TH_UP_VERBS)}{metric}เป็น {high}{unit}"
        return f"Reach {high}{unit} {metric}"


class OrgWriter:
    """Builds the sets of one organisation and writes them as YAML files."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.titles = TitleWriter(self.rng)
        self.objective_ids: list[str] = []  # "team/objective-id" of every objective written so far
        self.key_result_ids: list[str] = []  # "team/kr-id"
        self.shared_objectives: list[tuple[str, bool]] = []  # titles other teams will nearly repeat

    def write_org(self, key_results: int, out: Path) -> tuple[int, int]:
        """Write sets until ``key_results`` KRs exist; return (files, key results) written."""
        out.mkdir(parents=True, exist_ok=True)
        rng = self.rng
        estimated_sets = max(2, key_results // 16)
        departments = max(1, min(len(DEPARTMENT_NAMES) * 20, estimated_sets // TEAMS_PER_DEPARTMENT))
        written_krs, files = 0, 0
        company_objectives, text, count = self.set_text("company", "company", rng.choice(COMPANY_PERIODS), [], None)
        written_krs += count
        files += 1
        (out / "company.okr.yaml").write_text(text, encoding="utf-8")
        department_objectives: dict[str, list[str]] = {}
        department_index = 0
        while written_krs < key_results:
            department = self._department_name(department_index % departments)
            folder = out / department
            if department not in department_objectives:
                folder.mkdir(exist_ok=True)
                department_objectives[department], text, count = self.set_text(
                    department, "department", rng.choice(DEPARTMENT_PERIODS), company_objectives, None)
                (folder / f"{department}.okr.yaml").write_text(text, encoding="utf-8")
            else:
                team = f"{department}-{TEAM_NAMES_EN[rng.randrange(len(TEAM_NAMES_EN))]}-{files}"
                period = rng.choice(ODD_PERIODS) if rng.random() < 0.03 else rng.choice(TEAM_PERIODS)
                parents = company_objectives if rng.random() < 0.15 else department_objectives[department]
                _, text, count = self.set_text(team, "team", period, parents, department)
                (folder / f"{team}.okr.yaml").write_text(text, encoding="utf-8")
            written_krs += count
            files += 1
            department_index += 1
        return files, written_krs

    @staticmethod
    def _department_name(index: int) -> str:
        base = DEPARTMENT_NAMES[index % len(DEPARTMENT_NAMES)]
        return base if index < len(DEPARTMENT_NAMES) else f"{base}-{index // len(DEPARTMENT_NAMES) + 1}"

    def set_text(self, team: str, level: str, period: str, parents: list[str], department: str | None,
                 *, objectives: int | None = None, krs_per_objective: int | None = None) -> tuple[list[str], str, int]:
        """The YAML text of one set; returns its objective references, the text and its KR count."""
        rng = self.rng
        thai = rng.random() < 0.5
        lines = [f"# OKRs of {team} ({level}), generated for benchmarks", f"team: {team}"]
        if level != "team" or rng.random() < 0.3:
            lines.append(f"level: {level}")
        lines.append(f"period: {yaml_str(period)}")
        if rng.random() < 0.7:
            lines.append(f"owner: {yaml_str(rng.choice(['หัวหน้าทีม', 'ผู้อำนวยการฝ่าย', 'Head of ' + team, 'CEO']))}")
        if rng.random() < 0.3:
            lines.append(f"language: {'th' if thai else 'en'}")
        lines.append("objectives:")
        references: list[str] = []
        kr_count = 0
        for o in range(1, (objectives or rng.randint(*OBJECTIVES_PER_SET)) + 1):
            objective_id = f"{team}-o{o}"
            references.append(f"{team}/{objective_id}")
            lines.append(f"  - id: {objective_id}")
            lines.append(f"    title: {yaml_str(self._objective_title(thai))}")
            if rng.random() < 0.3:
                lines.append(f"    type: {rng.choice(['committed', 'aspirational'])}")
            if parents and rng.random() < 0.9:
                target = rng.choice(parents) if rng.random() < 0.97 else f"{department or 'company'}/no-such-o{o}"
                lines.append(f"    aligns_to: [{target}]")
            lines.append("    key_results:")
            for k in range(1, (krs_per_objective or rng.randint(*KEY_RESULTS_PER_OBJECTIVE)) + 1):
                lines.extend(self._key_result_lines(f"{objective_id}-kr{k}", team, thai=thai))
                kr_count += 1
            self.objective_ids.append(f"{team}/{objective_id}")
        return references, "\n".join(lines) + "\n", kr_count

    def _objective_title(self, thai: bool) -> str:
        rng = self.rng
        if self.shared_objectives and rng.random() < 0.03:  # another team says nearly the same thing
            title, was_thai = rng.choice(self.shared_objectives)
            return title + (" ทั้งหมด" if was_thai else " everywhere") if rng.random() < 0.5 else title
        title = self.titles.objective(thai=thai)
        if rng.random() < 0.05:
            self.shared_objectives.append((title, thai))
        return title

    def _key_result_lines(self, kr_id: str, team: str, *, thai: bool) -> list[str]:
        rng = self.rng
        title = self.titles.key_result(thai=thai)
        if rng.random() < 0.05:
            return [f"      - {yaml_str(title)}"]  # a plain-string key result, as drafts have
        lines = []
        if rng.random() < 0.95:
            lines.append(f"      - id: {kr_id}")
            lines.append(f"        title: {yaml_str(title)}")
        else:
            lines.append(f"      - title: {yaml_str(title)}")
        if rng.random() < 0.1:
            baseline = rng.randint(10, 500)
            lines += [f"        baseline: {baseline}", f"        target: {baseline + rng.randint(5, 300)}"]
        if rng.random() < 0.06:
            lines.append(f"        due: {rng.choice(['2026-03-31', '2569-06-30', '2026-09-30'])}")
        if rng.random() < 0.25:
            lines.append(f"        owner: {yaml_str(rng.choice(['คุณสมชาย', 'คุณสุดา', 'Ana', 'Ben', 'Chai']))}")
        if self.key_result_ids and rng.random() < 0.12:
            dependency = rng.choice(self.key_result_ids) if rng.random() < 0.95 else f"{team}-ghost/kr-{rng.randint(1, 99)}"
            lines.append(f"        depends_on: [{dependency}]")
        if rng.random() < 0.15:
            lines.append(f"        score: {rng.choice(['0.3', '0.7', '1.0', '7'])}")
            lines.append(f"        confidence: {rng.choice(['0.5', '0.8'])}")
        if lines[0].startswith("      - id:") and rng.random() < 0.02:
            self.key_result_ids.append(f"{team}/{kr_id}")
        return lines


def write_single_file(path: Path, seed: int) -> int:
    """One team set with 20 key results (5 objectives x 4), the size of a typical pre-commit change."""
    writer = OrgWriter(seed)
    parents = ["company/company-o1", "company/company-o2"]
    _, text, count = writer.set_text("growth", "team", "2026-Q1", parents, "company", objectives=5, krs_per_objective=4)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--key-results", type=int, help="how many key results the org has (about)")
    parser.add_argument("--out", type=Path, help="directory to write the org into")
    parser.add_argument("--single-file", type=Path, metavar="PATH", help="write one 20-KR set file instead")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.single_file:
        count = write_single_file(args.single_file, args.seed)
        print(f"wrote {args.single_file} ({count} key results)")
        return 0
    if not args.key_results or not args.out or args.key_results < 1:
        parser.error("give --key-results N (N >= 1) and --out DIR, or --single-file PATH")
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} is not empty; give a new directory")
    files, count = OrgWriter(args.seed).write_org(args.key_results, args.out)
    print(f"wrote {files} files with {count} key results to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
