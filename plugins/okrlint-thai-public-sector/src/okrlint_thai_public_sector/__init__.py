"""okrlint plugin: conventions of Thai government agencies for OKRs and KPIs (ตัวชี้วัด)."""

from okrlint.hookspecs import hookimpl

from okrlint_thai_public_sector import rules

__version__ = "0.1.0"


@hookimpl
def okrlint_rules():
    return rules.ALL_RULES
