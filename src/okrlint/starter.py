"""``okrlint init``: a starter configuration and an example OKR file to begin from."""

from __future__ import annotations

from pathlib import Path

CONFIG_NAME = "okrlint.toml"

STARTER_CONFIG = """\
# okrlint configuration (https://github.com/okrlint/okrlint: docs/configuration.md, docs/custom-rules.md)
# The nearest okrlint.toml, .okrlint.toml or [tool.okrlint] in pyproject.toml wins;
# `extend = "../okrlint.toml"` builds on a shared file. `okrlint config` shows the effective values.

# Rules to run: codes, names, code prefixes or categories ("ALL" is the default).
select = ["ALL"]
# ignore = ["kr-missing-baseline"]

# The language of every set that does not say (`language:` in the file): "th" or "en". Left out, it is
# detected per set from its titles, and each set's findings are written in its own language; set it only
# when all your plans are in one language.
# language = "{language}"

# Lowest severity that makes `okrlint check` exit 1: error, warning or info.
fail-level = "warning"

# Thai government fiscal years start in October.
fiscal-year-start-month = 10

# [severity]
# kr-is-activity = "error"

# [rules.kr-count]
# min = 2
# max = 5

# [per-file-ignores]
# "drafts/*.md" = ["kr-missing-baseline"]

# Your organisation's own rules: local plugin modules and declarative YAML rule packs.
# plugins = ["okr_rules_local.py"]
# rule-packs = ["okr-rules.yaml"]
"""

EXAMPLE_EN = """\
# An example OKR set: one team, one period. Run `okrlint check .` to lint it.
team: customer-success
level: team
period: 2026-Q1
owner: head-of-customer-success
language: en
objectives:
  - id: cs-o1
    title: Make new customers successful in their first month
    key_results:
      - id: cs-o1-kr1
        title: Raise the share of customers active in week 4 from 55% to 70%
        owner: onboarding-lead
        due: 2026-03-31
      - id: cs-o1-kr2
        title: Cut the median time to first value from 9 days to 4 days
      - id: cs-o1-kr3
        title: Lift the onboarding satisfaction score from 7.1 to 8.5
"""

EXAMPLE_TH = """\
# ตัวอย่างชุด OKR: หนึ่งทีม หนึ่งช่วงเวลา  ตรวจด้วยคำสั่ง `okrlint check .`
team: service-center
level: team
period: ปีงบประมาณ 2570
owner: ผู้อำนวยการศูนย์บริการ
language: th
objectives:
  - id: svc-o1
    title: ให้ประชาชนได้รับบริการที่รวดเร็วและไม่ต้องเดินทางมาหลายครั้ง
    key_results:
      - id: svc-o1-kr1
        title: ลดเวลารอรับบริการเฉลี่ยจาก 45 นาที เหลือ 15 นาที
        unit: นาที
      - id: svc-o1-kr2
        title: เพิ่มสัดส่วนคำขอที่เสร็จในการติดต่อครั้งเดียวจาก 60% เป็น 85%
        unit: ร้อยละ
      - id: svc-o1-kr3
        title: เพิ่มคะแนนความพึงพอใจของผู้รับบริการจาก 3.6 เป็น 4.3 จาก 5
"""


class StarterError(Exception):
    pass


def write_starter(directory: Path, *, language: str = "en", fmt: str = "yaml", force: bool = False,
                  kept: list[Path] | None = None) -> list[Path]:
    """Write ``okrlint.toml`` and an example OKR file; returns the files written. A file that exists is kept (and
    added to ``kept``) unless ``force``, and a configuration the folder already has (``okrlint.toml``,
    ``.okrlint.toml`` or ``[tool.okrlint]`` in ``pyproject.toml``) counts as existing: ``okrlint init --format xlsx``
    after ``okrlint init`` writes the workbook beside the configuration, untouched. When every file exists the
    starter refuses (StarterError)."""
    config_path = directory / CONFIG_NAME
    example_path = directory / (f"example.okr.{'yaml' if fmt == 'yaml' else 'xlsx'}")
    template_writer = None
    if fmt == "xlsx":
        template_writer = _spreadsheet_template_writer()
        if template_writer is None:
            raise StarterError("--format xlsx is not available in this build yet; use --format yaml")
    existing_config = _existing_configuration(directory)
    existing = [p for p in (existing_config, example_path if example_path.exists() else None) if p is not None]
    if len(existing) == 2 and not force:
        names = ", ".join(p.name for p in existing)
        raise StarterError(f"{names} already exist in {directory}; use --force to overwrite")
    written = []
    in_pyproject = existing_config is not None and existing_config.name == "pyproject.toml"
    if existing_config is None or (force and not in_pyproject):
        # --force rewrites the configuration where it is (".okrlint.toml" too); a pyproject.toml is never rewritten,
        # and an okrlint.toml beside it would silently take over from its [tool.okrlint]
        target = existing_config or config_path
        target.write_text(STARTER_CONFIG.format(language=language), encoding="utf-8")
        written.append(target)
    elif kept is not None:
        kept.append(existing_config)
    if force or not example_path.exists():
        if template_writer is not None:
            template_writer(example_path, language)
        else:
            example_path.write_text(EXAMPLE_TH if language == "th" else EXAMPLE_EN, encoding="utf-8")
        written.append(example_path)
    elif kept is not None:
        kept.append(example_path)
    return written


def _existing_configuration(directory: Path) -> Path | None:
    """The folder's own okrlint configuration file, if it has one."""
    for name in (CONFIG_NAME, ".okrlint.toml"):
        if (directory / name).exists():
            return directory / name
    pyproject = directory / "pyproject.toml"
    try:
        import tomllib

        if "okrlint" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}):
            return pyproject
    except (OSError, ValueError, UnicodeDecodeError):
        pass
    return None


def _spreadsheet_template_writer():
    try:
        from okrlint.load import spreadsheet
    except ImportError:
        return None
    return getattr(spreadsheet, "write_template", None)
