"""References to a parent objective written the way people name their organisation.

A unit of a hospital writes "สอดคล้องกับวัตถุประสงค์ที่ ๒ ของโรงพยาบาล", a council service "supports the council's
objective 2", a team of a trust "Objective 1 of the trust": the organisation is named by *what it is*, not by
the team id of its OKR set. Such references are rewritten into the forms the org index resolves
(``OrgIndex._resolve_as_written``):

* an organisation as a whole (a hospital, university, province, municipality, school, council, trust...) is
  the company-level set: "วัตถุประสงค์ที่ ๒ ขององค์กร", "company objective 2";
* a unit that sits above the writer (a faculty, an office, a division, a department...) named without its own
  name ("ของคณะ", "the directorate's objective 1") is the set one level up: "วัตถุประสงค์ที่ 1", "objective 1";
  with its name ("ของกองคลัง") it names a team and is left as written.
"""

from __future__ import annotations

from okrlint.text import regexcache

# The organisation as a whole: its objectives are the company-level set's.
TH_ORGANISATIONS = (
    r"องค์กร|บริษัท|กรม|ส่วนราชการ|หน่วยงาน|โรงพยาบาล|รพ\.|มหาวิทยาลัย|จังหวัด|เทศบาล|องค์การบริหารส่วน|อบต\.?|อบจ\.?"
    r"|สถาบัน|โรงเรียน|วิทยาลัย|สหกรณ์|มูลนิธิ|สมาคม|องค์การ"
)
# A unit within an organisation, the level above the writer when named without its own name.
TH_UNITS = r"คณะ|สำนักงาน|สำนัก|กอง|ศูนย์|ฝ่าย|กลุ่มงาน|ภาควิชา"
EN_ORGANISATIONS = (
    r"company|corporate|organi[sz]ation|org|group|business|firm|hospital|trust|council|authority|charity|university"
    r"|school|college|academy|foundation|association|agency|ministry|institute|society|cooperative|co-op"
)
EN_UNITS = r"department|dept\.?|division|directorate|faculty|service|office|unit|region|function"

# Words for the organisation the org index reads itself ("วัตถุประสงค์ที่ 2 ขององค์กร", "Company O1")
_UNDERSTOOD_TH = frozenset({"องค์กร", "บริษัท", "กรม", "ส่วนราชการ", "หน่วยงาน"})
_UNDERSTOOD_EN = frozenset({"company", "corporate", "organisation", "organization", "org"})

_TH_REFERENCE = regexcache.compile(
    rf"(?P<head>(?:วัตถุประสงค์|เป้าประสงค์)(?:ที่|ข้อ(?:ที่)?)?\s*[0-9๐-๙]{{1,2}})\s*(?:ของ)?\s*"
    rf"(?:(?P<org>{TH_ORGANISATIONS})|(?P<unit>{TH_UNITS}))(?P<name>.*)"
)
_EN_BEFORE = regexcache.compile(
    rf"(?i:(?:the\s+|our\s+)?(?:(?P<org>{EN_ORGANISATIONS})|(?P<unit>{EN_UNITS}))(?:'s|’s)?(?:[\s-]+level)?\s+"
    r"(?:objective|goal|okr|o)\s*#?\s*(?P<n>\d{1,2}))"
)
_EN_AFTER = regexcache.compile(
    r"(?i:(?:objective|goal|okr|o)\s*#?\s*(?P<n>\d{1,2})\s+(?:of|from|in)\s+(?:the|our)\s+"
    rf"(?:(?P<org>{EN_ORGANISATIONS})|(?P<unit>{EN_UNITS}))(?:'s)?(?:\s+(?:plan|okrs?|strategy))?)"
)
# In a sentence: "... supports the hospital's objective 2 ...", "... objective 3 of the council ..."
PROSE_EN = (
    rf"(?:the\s+|our\s+)?(?:{EN_ORGANISATIONS}|{EN_UNITS})(?:'s|’s)?(?:[\s-]+level)?\s+(?:objective|goal|okr|o)\s*#?\s*\d{{1,2}}\b"
    rf"|(?:objective|goal|okr)\s*#?\s*\d{{1,2}}\s+(?:of|from|in)\s+(?:the|our)\s+(?:{EN_ORGANISATIONS}|{EN_UNITS})\b(?:'s)?"
)
# "วัตถุประสงค์ที่ ๒ ของโรงพยาบาล", "เป้าประสงค์ข้อ 1 ของกองคลัง" in a sentence (a unit's name, glued, goes with it)
PROSE_TH = (
    rf"(?:วัตถุประสงค์|เป้าประสงค์)(?:ที่|ข้อ(?:ที่)?)?\s*[0-9๐-๙]{{1,2}}\s*(?:ของ)?\s*"
    rf"(?:{TH_ORGANISATIONS}|{TH_UNITS})[^\s()（）\[\],;:.]*"
)


def canonical_reference(text: str) -> str:
    """``text`` (one reference, as written) in the form the org index resolves, when it names an organisation or
    a unit by what it is; otherwise ``text`` unchanged."""
    written = " ".join(text.split()).strip(" .")
    match = _TH_REFERENCE.fullmatch(written)
    if match is not None:
        if match["org"] in _UNDERSTOOD_TH:
            return text  # "ขององค์กร", "ของกรม": read as written
        if match["org"]:
            return f"{match['head']} ขององค์กร"
        return match["head"] if not match["name"].strip() else text
    for pattern in (_EN_BEFORE, _EN_AFTER):
        match = pattern.fullmatch(written)
        if match is not None:
            if match["org"] and match["org"].lower() in _UNDERSTOOD_EN:
                return text  # "Company O1", "the organisation's objective 2": read as written
            return f"company objective {match['n']}" if match["org"] else f"objective {match['n']}"
    return text
