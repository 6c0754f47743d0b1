"""Microbenchmark for okrlint.text.numbers: µs per call of read_numbers and read_change.

Run: PYTHONPATH=src python benchmarks/bench_numbers.py
"""

from __future__ import annotations

import itertools
import time

from okrlint.text.numbers import read_change, read_numbers

# Realistic key-result titles (written for this benchmark), Thai, English and mixed.
TEMPLATES = [
    "Increase weekly active users from {a} to {b} by Q3 2026",
    "Reduce p95 checkout latency from {a} ms to {b} ms",
    "Raise CSAT from 4.{c}/5 to 4.{d}/5",
    "Grow MRR by {c}% (from ${a}k to ${b}k)",
    "Cut support backlog to under {c} tickets",
    "Keep uptime at 99.9% or better every month",
    "Launch the partner portal in {c} new markets",
    "Onboard at least {a} new paying customers before end of 2026",
    "Hire {c} engineers and ship {d} features",
    "Achieve ISO 27001 certification",
    "เพิ่มยอดขายจาก {a} ล้านบาท เป็น {b} ล้านบาท ภายในปี 2569",
    "ลดเวลาตอบกลับลูกค้าให้เหลือไม่เกิน {c} ชั่วโมง",
    "เพิ่มจำนวนผู้ใช้งานรายเดือนเป็น {a} คน ภายในไตรมาส 3",
    "ลดต้นทุนการผลิตลงร้อยละ {c} ภายในปีงบประมาณ 2570",
    "ความพึงพอใจของลูกค้าไม่น้อยกว่า {c} เปอร์เซ็นต์",
    "จัดอบรมพนักงานอย่างน้อยหนึ่งครั้งต่อเดือน",
    "เปิดสาขาใหม่ห้าแห่งในภาคเหนือ",
    "พัฒนาความสามารถของทีมขายร่วมกับพันธมิตร",
    "ลดข้อร้องเรียนจาก ๔๐๐ เรื่อง เหลือ ๒๕๐ เรื่อง",
    "NPS ≥ {c} (ปัจจุบัน {d})",
    "Increase activation rate from {c}% to {d}% within {e} weeks",
    "ยกระดับคะแนนรีวิวแอปเป็น 4.{d} จาก 5 คะแนน",
    "คะแนนความพึงพอใจของลูกค้า ไม่ต่ำกว่า 4.{d} จาก 5 ภายในไตรมาส 2/2569",
    "Raise eNPS from +{c} to +{d} after moving to Microsoft 365",
    "Cut lead time from {e} days to {c} minutes for the top-50 accounts",
]


def titles(n: int = 400) -> list[str]:
    out = []
    values = itertools.cycle(range(1, 97))
    for i in range(n):
        a, b, c, d, e = (next(values) for _ in range(5))
        out.append(TEMPLATES[i % len(TEMPLATES)].format(a=a * 10, b=b * 10 + 5, c=c, d=d, e=e % 12 + 1))
    return out


def bench(fn, items: list[str], rounds: int = 20) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for t in items:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return best / len(items) * 1e6


def main() -> None:
    items = titles()
    read_numbers_us = bench(read_numbers, items)
    read_both_us = bench(lambda t: read_change(t, read_numbers(t)), items)
    print(f"{len(items)} titles, mean length {sum(map(len, items)) / len(items):.0f} chars")
    print(f"read_numbers:               {read_numbers_us:6.1f} µs/call")
    print(f"read_numbers + read_change: {read_both_us:6.1f} µs/call")


if __name__ == "__main__":
    main()
