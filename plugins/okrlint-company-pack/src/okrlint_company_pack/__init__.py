"""okrlint plugin: a company's house rules for OKR sets (codes CMP001-CMP002)."""

import sys
import re

from okrlint.hookspecs import hookimpl
from okrlint.rules.base import Violation, bad, good, rule, rules_in
from okrlint.tags import is_customer_facing, text_of

__version__ = "0.1.0"

# An e-mail address or a chat handle such as @somchai.k
DEFAULT_OWNER_PATTERN = r"^(?:@[\w.-]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$"


def _owners(okr_set):
    if okr_set.owner is not None:
        yield okr_set, okr_set.owner
    for objective in okr_set.objectives:
        if objective.owner is not None:
            yield objective, objective.owner
        for kr in objective.key_results:
            if kr.owner is not None:
                yield kr, kr.owner


@rule(
    code="CMP001", name="owner-format", category="custom", severity="warning", scope="set",
    summary="An owner is not written as an e-mail address or an @handle (configurable).",
    rationale="Owners are looked up and notified by tools, so they must name one reachable person: an e-mail "
    "address or a chat handle, not a job title or a team. Set another pattern with "
    "`[rules.owner-format] pattern = \"...\"` in okrlint.toml.",
    options={"pattern": DEFAULT_OWNER_PATTERN},
    examples=[
        bad("team: sales\nowner: Head of Sales\nobjectives:\n  - title: Win back churned shops\n", kind="yaml"),
        good("team: sales\nowner: nok@example.com\nobjectives:\n  - title: Win back churned shops\n", kind="yaml"),
        bad("team: ฝ่ายขาย\nowner: ผู้จัดการฝ่ายขาย\nobjectives:\n  - title: ลูกค้าเก่ากลับมาซื้อซ้ำ\n", "th", kind="yaml"),
        good("team: ฝ่ายขาย\nowner: '@somchai.k'\nobjectives:\n  - title: ลูกค้าเก่ากลับมาซื้อซ้ำ\n", "th", kind="yaml"),
    ],
)
def owner_format(okr_set, ctx):
    pattern_text = str(ctx.option("pattern", DEFAULT_OWNER_PATTERN))
    try:
        pattern = re.compile(pattern_text)
    except re.error as exc:
        raise ValueError(f"option 'pattern' is not a valid regular expression: {exc}") from None
    for target, owner in _owners(okr_set):
        if not pattern.search(str(owner).strip()):
            yield Violation(f"owner '{owner}' is not an e-mail address or @handle", target.location_of("owner"),
                            target=target)


@rule(
    code="CMP002", name="customer-facing-objective", category="custom", severity="warning", scope="set",
    summary="A department's set has no customer-facing objective.",
    rationale="Every department keeps at least one objective about its customers (external, or the teams that "
    "depend on it), not only about itself. Which levels this applies to is the option `levels`.",
    options={"levels": ["department"]},
    examples=[
        bad("team: finance\nlevel: department\nobjectives:\n  - title: Close the books two days faster\n",
            kind="yaml"),
        good("team: finance\nlevel: department\nobjectives:\n  - title: Pay our suppliers and customers on time\n",
             kind="yaml"),
        bad("team: ฝ่ายบัญชี\nlevel: department\nobjectives:\n  - title: ปิดงบการเงินให้เร็วขึ้น\n", "th", kind="yaml"),
        good("team: ฝ่ายบัญชี\nlevel: department\nobjectives:\n  - title: ลูกค้าได้รับเงินคืนภายในวันเดียว\n", "th",
             kind="yaml"),
    ],
)
def customer_facing_objective(okr_set, ctx):
    levels = ctx.option("levels", ["department"])
    if okr_set.level not in levels or not okr_set.objectives:
        return
    if any(is_customer_facing(ctx.facts(text_of(objective))) for objective in okr_set.objectives):
        return
    yield Violation(f"the {okr_set.level} set of '{okr_set.team}' has no customer-facing objective: add one "
                    "about the customers (or teams) it serves", okr_set.location)


ALL_RULES = rules_in(sys.modules[__name__])


@hookimpl
def okrlint_rules():
    return ALL_RULES
