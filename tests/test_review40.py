"""Review 40: a whole-department document, confidences in brackets, withdrawn rows, discovery beside *.okr.yaml,
spreadsheet title rows, totals rows, dependency prose and time windows (own example documents, English and Thai)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from okrlint.cli import main
from okrlint.load.draft import load_draft_file


def draft(text: str, name: str = "plan.md", **options):
    return load_draft_file(name, text.encode("utf-8"), options)


def outline(result) -> dict[str, list[str]]:
    return {f"{s.team}|{o.title}": [kr.title for kr in o.key_results] for s in result.sets for o in s.objectives}


def check(*args):
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", *map(str, args)])
    return result.exit_code, json.loads(result.stdout), result.stderr


# --- 1. a heading per team: tables under each team's labelled objectives ---------------------------------
DEPARTMENT = """# Growth department OKRs Q1 2027

## Brand

Objective 1: Home-movers think of us first
Owner: Ana
Supports: CO-1

| Key result | Baseline | Target |
|---|---|---|
| Raise prompted awareness among movers | 7% | 12% |
| Grow branded search volume | 41,000 | 60,000 |

Objective 2: Renters trust our delivery promise

| Key result | Baseline | Target |
|---|---|---|
| Cut late deliveries | 9% | 4% |

## Performance

Objective 1: New buyers discover us at a cost we can sustain
- Reduce blended cost per first order from £24 to £18
- Increase first orders from paid from 21,000 to 30,000
"""


def test_tables_attach_to_each_teams_objectives():
    result = draft(DEPARTMENT)
    assert outline(result) == {
        "Brand|Home-movers think of us first": ["Raise prompted awareness among movers", "Grow branded search volume"],
        "Brand|Renters trust our delivery promise": ["Cut late deliveries"],
        "Performance|New buyers discover us at a cost we can sustain": [
            "Reduce blended cost per first order from £24 to £18",
            "Increase first orders from paid from 21,000 to 30,000"],
    }
    brand = next(o for s in result.sets for o in s.objectives if o.title.startswith("Home"))
    assert brand.aligns_to == ("CO-1",) and brand.key_results[0].target == 12


def test_thai_department_tables_attach_per_team():
    text = ("# OKR ฝ่ายการตลาด ไตรมาส 1/2570\n\n## ทีมแบรนด์\n\nวัตถุประสงค์ที่ 1: ลูกค้ารู้จักแบรนด์ของเรามากขึ้น\n\n"
            "| ผลลัพธ์หลัก | ค่าฐาน | ค่าเป้าหมาย |\n|---|---|---|\n| เพิ่มการรับรู้แบรนด์ | 10% | 20% |\n\n"
            "## ทีมออนไลน์\n\nวัตถุประสงค์ที่ 1: ลูกค้าซื้อซ้ำผ่านช่องทางออนไลน์\n\n"
            "| ผลลัพธ์หลัก | ค่าฐาน | ค่าเป้าหมาย |\n|---|---|---|\n| เพิ่มอัตราการซื้อซ้ำ | 15% | 25% |\n")
    result = draft(text)
    found = outline(result)
    assert all(krs for krs in found.values()), found
    assert not any(title.endswith("|") for title in found), found
    assert len(found) == 2
