"""One-line messages shorten text without cutting a character from its marks."""

from __future__ import annotations

import unicodedata

from okrlint.text.clip import clipped


def test_a_thai_word_is_never_left_without_its_marks():
    text = "ร้อยละของโครงการที่สอดคล้องกับยุทธศาสตร์ชาติและแผนแม่บท"
    for limit in range(5, len(text) + 2):
        shown = clipped(text, limit)
        assert len(shown) <= limit
        kept = shown.removesuffix("…")
        assert text.startswith(kept)
        # the character after the cut is never a mark of the last kept letter
        assert kept == text or unicodedata.category(text[len(kept)]) != "Mn"
    assert clipped("short", 40) == "short"
    assert clipped("title: ร้อยละของโครงการที่สอดคล้องกับยุทธศาสตร์ชาติ", 47).endswith("ยุทธศาสต…")


def test_a_file_named_in_thai_that_cannot_be_read_is_told_in_thai(tmp_path):
    from click.testing import CliRunner

    from okrlint.cli import main

    (tmp_path / "แผน OKR กองคลัง.okr.yaml").write_text("team: x\nobjectives: [\n", encoding="utf-8")
    (tmp_path / "plan.okr.yaml").write_text("team: y\nobjectives: [\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(tmp_path), "--no-cache"])
    lines = run.output.splitlines()
    assert any("แผน OKR กองคลัง.okr.yaml" in line and "YAML ไม่ถูกต้อง" in line for line in lines)
    assert any("plan.okr.yaml" in line and "invalid YAML" in line for line in lines)
