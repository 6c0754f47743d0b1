"""References to a parent objective written the way people name their organisation.

A unit of a hospital writes "สอดคล้องกับวัตถุประสงค์ที่ ๒ ของโรงพยาบาล", a council service "supports the council's
objective 2", a team of a trust "Objective 1 of the trust": the organisation is named by *what it is*, not by
the team id of its OKR set. The loaders keep such references as written, so that findings quote them so; the org
index reads them in the forms it resolves (``reference_as_read``, ``OrgIndex._resolve_as_written``):

* an organisation as a whole (a hospital, university, province, municipality, school, council, trust...) is
  the company-level set: "วัตถุประสงค์ที่ ๒ ขององค์กร", "company objective 2";
* a unit that sits above the writer (a faculty, an office, a division, a department...) named without its own
  name ("ของคณะ", "the directorate's objective 1") is the set one level up: "วัตถุประสงค์ที่ 1", "objective 1".
  The org index reads such a reference as the plan of the nearest other team named as such a unit ("คณะเกษตรศาสตร์"
  beside its ภาควิชา, whatever level both were read at), else as the set one level up (``unit_of_reference``,
  ``names_unit``);
  with its name ("ของกองคลัง") it names a team and is left as written.
"""

from __future__ import annotations

import re

from okrlint.text import regexcache

# The usual Thai abbreviations of the words that name an organisation or a unit by its kind ("ของ รพ.", "ของ อบต.",
# "เป้าประสงค์ รพ. ข้อ 1"), and the words they stand for: a reference is read as if they were written out.
TH_ABBREVIATIONS = {
    "รพ.สต.": "โรงพยาบาลส่งเสริมสุขภาพตำบล", "รพ.": "โรงพยาบาล", "สสจ.": "สำนักงานสาธารณสุขจังหวัด",
    "สสอ.": "สำนักงานสาธารณสุขอำเภอ", "อบต.": "องค์การบริหารส่วนตำบล", "อบจ.": "องค์การบริหารส่วนจังหวัด",
    "ทต.": "เทศบาลตำบล", "ทม.": "เทศบาลเมือง", "ทน.": "เทศบาลนคร", "กทม.": "กรุงเทพมหานคร", "ม.": "มหาวิทยาลัย",
    "มรภ.": "มหาวิทยาลัยราชภัฏ", "มทร.": "มหาวิทยาลัยเทคโนโลยีราชมงคล", "รร.": "โรงเรียน", "บจก.": "บริษัท",
    "บมจ.": "บริษัท", "สนง.": "สำนักงาน",
}


def _abbreviation_pattern(abbreviation: str) -> str:
    """An abbreviation as written: its last dot may have been taken off with a reference's end ("ของ รพ"); "ม." keeps
    its dot and is no month's ("ม.ค.")."""
    body = re.escape(abbreviation[:-1])
    if len(abbreviation.replace(".", "")) == 1:
        return rf"{body}\.(?!ค\.)"
    return rf"{body}(?:\.|(?=\s*$))"


# longest first: "รพ.สต." before "รพ."
_TH_ABBREVIATED = "|".join(_abbreviation_pattern(a) for a in sorted(TH_ABBREVIATIONS, key=len, reverse=True))
_ABBREVIATION = regexcache.compile(rf"(?:(?<=ของ)|(?<=ระดับ)|(?<![\u0e01-\u0e4e.]))(?:{_TH_ABBREVIATED})")


def expand_abbreviations(text: str) -> str:
    """``text`` with the abbreviations of organisations' and units' kinds written out: "เป้าประสงค์ที่ 1 ของ รพ." ->
    "เป้าประสงค์ที่ 1 ของ โรงพยาบาล", "รพ.ศรีนครธารา" -> "โรงพยาบาลศรีนครธารา"."""
    return _ABBREVIATION.sub(lambda m: TH_ABBREVIATIONS[m.group(0).rstrip(".") + "."], text)


# A Thai state enterprise, state bank or public organisation, named by its kind: "การไฟฟ้าส่วนภูมิภาค", "การประปานครหลวง",
# "การท่าเรือแห่งประเทศไทย", "การรถไฟแห่งประเทศไทย", "การเคหะแห่งชาติ", "การกีฬาแห่งประเทศไทย", "องค์การเภสัชกรรม",
# "ธนาคารออมสิน", "สำนักงานสถิติแห่งชาติ", "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)" (not an อบต./อบจ., an องค์การบริหารส่วน…,
# which is a local government, nor a สำนักงาน… that is a unit of its body)
TH_STATE_ENTERPRISES = (
    r"การ(?:ไฟฟ้า|ประปา|ท่าเรือ|รถไฟ|ทางพิเศษ|เคหะ|นิคมอุตสาหกรรม|ยาสูบ|ท่าอากาศยาน)"
    r"|การ[\u0e01-\u0e4e]{2,30}?แห่งประเทศไทย|องค์การ(?!บริหารส่วน)|ธนาคาร"
    r"|สำนักงาน[\u0e01-\u0e4e]{2,60}?(?:แห่งชาติ|แห่งประเทศไทย|\s*[(（]องค์การมหาชน[)）])"
)
# The organisation as a whole: its objectives are the company-level set's.
# A Thai office's own plan named by the office's kind ("ของสำนักงานจังหวัด", "ของศาลากลาง", "ของสำนักงานเขต") is the
# organisation's, as "ของจังหวัด" is: read before "สำนักงาน" as a unit above the writer.
TH_ORGANISATIONS = (
    r"สำนักงานจังหวัด|ศาลากลาง(?:จังหวัด)?|สำนักงานเขต|องค์กร|บริษัท|กรม|ส่วนราชการ|หน่วยงาน|โรงพยาบาล|มหาวิทยาลัย|จังหวัด|เทศบาล|องค์การบริหารส่วน|กรุงเทพมหานคร"
    r"|สถาบัน|โรงเรียน|วิทยาลัย|สหกรณ์|มูลนิธิ|สมาคม|" + TH_STATE_ENTERPRISES + "|องค์การ|อบต|อบจ|" + _TH_ABBREVIATED
)
# A unit within an organisation, the level above the writer when named without its own name.
# (a state enterprise's or a bank's line of business, "สายงาน", and a ministry's "กลุ่มภารกิจ" stand above its ฝ่าย)
TH_UNITS = r"คณะ|สำนักงาน|สำนัก|กอง|ศูนย์|ฝ่าย|สายงาน|กลุ่มภารกิจ|กลุ่มงาน|ภาควิชา"
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
# The level (or owner) before the number: "วัตถุประสงค์ระดับกรมข้อ 1", "วัตถุประสงค์ระดับองค์กร ข้อ ๒",
# "เป้าประสงค์ของกรมข้อที่ 3", "วัตถุประสงค์ของกองคลัง ข้อ 2": the same objective as "วัตถุประสงค์ที่ 1 ของกรม"
_TH_LEVEL_FIRST = regexcache.compile(
    r"(?P<what>วัตถุประสงค์|เป้าประสงค์)\s*(?:ระดับ|ของ)\s*(?P<whose>[^\s0-9๐-๙()（）\[\],;:]{2,60}?)\s*"
    r"(?:ที่|ข้อ(?:ที่)?)\s*(?P<n>[0-9๐-๙]{1,2})"
)
# "Company-level objective 2", "department level objective 1": the level word written with the unit
_EN_LEVEL = regexcache.compile(r"(?i)(?<=[a-z])[\s-]+level(?=\s+(?:objective|goal|okr|o)\b)")
# In a sentence: "... supports the hospital's objective 2 ...", "... objective 3 of the council ..."
PROSE_EN = (
    rf"(?:the\s+|our\s+)?(?:{EN_ORGANISATIONS}|{EN_UNITS})(?:'s|’s)?(?:[\s-]+level)?\s+(?:objective|goal|okr|o)\s*#?\s*\d{{1,2}}\b"
    rf"|(?:objective|goal|okr)\s*#?\s*\d{{1,2}}\s+(?:of|from|in)\s+(?:the|our)\s+(?:{EN_ORGANISATIONS}|{EN_UNITS})\b(?:'s)?"
)
# The short ways Thai names a plan's objective by its item number ("ข้อ"), the plan's owner before or after it:
# "บริษัทข้อ 3", "OKR บริษัท ข้อ 3", "วัตถุประสงค์บริษัทข้อ 2", "ข้อ 2 ของบริษัท", "O2 บริษัท", "กองคลังข้อที่ 1"
SHORT_TH = (
    rf"(?:(?i:okrs?)\s*|(?:วัตถุประสงค์|เป้าประสงค์|เป้าหมาย)\s*)?(?:ระดับ|ของ)?\s*(?:{TH_ORGANISATIONS}|{TH_UNITS})"
    rf"[^\s0-9๐-๙()（）\[\],;:.]*?\s*ข้อ(?:ที่)?\s*[0-9๐-๙]{{1,2}}(?![0-9๐-๙])"
    rf"|(?:วัตถุประสงค์|เป้าประสงค์|เป้าหมาย)?ข้อ(?:ที่)?\s*[0-9๐-๙]{{1,2}}\s*ของ\s*(?:{TH_ORGANISATIONS}|{TH_UNITS})"
    rf"[^\s()（）\[\],;:.]*"
    rf"|(?<![A-Za-z])[Oo]\s*[0-9๐-๙]{{1,2}}\s+(?:{TH_ORGANISATIONS}|{TH_UNITS})[^\s()（）\[\],;:.]*"
)
# An organisation or a unit named by its initials, as its own documents define them ("การไฟฟ้าชุมชนแห่งชาติ (กฟช.)"):
# "ของ กฟช.", "ของ ธ.ก.ส.", "ของกปภ" (consonants only, so that no word is taken for them; the org index finds whose)
TH_INITIALS = r"(?:[\u0e01-\u0e2e]\.){2,6}|[\u0e01-\u0e2e]{2,6}\.|[\u0e01-\u0e2e]{3,6}(?![\u0e01-\u0e4e])"
# "วัตถุประสงค์ที่ ๒ ของโรงพยาบาล", "เป้าประสงค์ข้อ 1 ของกองคลัง" in a sentence (a unit's name, glued, goes with it);
# the level first too: "วัตถุประสงค์ระดับกรมข้อ 1", "เป้าประสงค์ของกองคลังข้อที่ 2"; and the short forms above
PROSE_TH = (
    rf"(?:วัตถุประสงค์|เป้าประสงค์)(?:ที่|ข้อ(?:ที่)?)?\s*[0-9๐-๙]{{1,2}}\s*(?:ของ)?\s*"
    rf"(?:{TH_ORGANISATIONS}|{TH_UNITS})[^\s()（）\[\],;:.]*"
    rf"|(?:วัตถุประสงค์|เป้าประสงค์)(?:ที่|ข้อ(?:ที่)?)?\s*[0-9๐-๙]{{1,2}}\s*ของ\s*(?:{TH_INITIALS})"
    rf"|(?:วัตถุประสงค์|เป้าประสงค์)\s*(?:ระดับ|ของ)\s*(?:{TH_ORGANISATIONS}|{TH_UNITS})[^\s0-9๐-๙()（）\[\],;:.]*?\s*"
    rf"(?:ที่|ข้อ(?:ที่)?)\s*[0-9๐-๙]{{1,2}}"
    rf"|{SHORT_TH}"
)


def _number_first(written: str) -> str:
    """A reference with the level or owner written before the number ("วัตถุประสงค์ระดับกรมข้อ 1",
    "Company-level objective 2") in the order the rest reads ("วัตถุประสงค์ที่ 1 ของกรม", "Company objective 2")."""
    match = _TH_LEVEL_FIRST.fullmatch(written)
    if match is not None:
        return f"{match['what']}ที่ {match['n']} ของ{match['whose']}"
    return _EN_LEVEL.sub("", written)


def canonical_reference(text: str) -> str:
    """``text`` (one reference, as written) in the form the org index resolves, when it names an organisation or
    a unit by what it is; otherwise ``text`` unchanged."""
    expanded = expand_abbreviations(text)
    if expanded != text:  # "ของ รพ.": as "ของ โรงพยาบาล" is read; left as written when that is read as written
        read = canonical_reference(expanded)
        return text if read == expanded else read
    written = " ".join(text.split()).strip(" .")
    reordered = _number_first(written)
    if reordered != written:
        written = text = reordered
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


def reference_to_resolve(text: str) -> str:
    """A reference as the loaders keep it for the org index: as written ("วัตถุประสงค์ที่ 6 ของมหาวิทยาลัย", "ของ รพ."),
    so that a finding quotes what the writer wrote and a search in the file finds it; the index reads it with
    ``reference_as_read``."""
    return text


def reference_as_read(text: str) -> str:
    """A reference as the org index reads it: a unit named without its own name ("วัตถุประสงค์ที่ 1 ของคณะ", "the
    faculty's objective 2") as written, so that the index can look for that unit's plan; any other in its
    ``canonical_reference`` form ("วัตถุประสงค์ที่ 6 ขององค์กร" for "… ของมหาวิทยาลัย")."""
    expanded = expand_abbreviations(text)
    if expanded != text:
        read = reference_as_read(expanded)
        return text if read == expanded else read
    written = " ".join(text.split()).strip(" .")
    reordered = _number_first(written)
    if reordered != written:
        written = text = reordered
    match = _TH_REFERENCE.fullmatch(written)
    if match is not None and match["unit"] and not match["name"].strip():
        return text
    for pattern in (_EN_BEFORE, _EN_AFTER):
        match = pattern.fullmatch(written)
        if match is not None and match["unit"]:
            return text
    return canonical_reference(text)


def _unit_word(word: str) -> str:
    word = word.casefold().rstrip(".")
    return "department" if word == "dept" else word


_UNIT_ALONE = regexcache.compile(
    rf"(?:(?i:the|our)\s+|ของ\s*)?(?P<unit>{TH_UNITS}|(?i:{EN_UNITS}))(?:'s|’s)?(?i:[\s-]+level)?")


def unit_of_reference(named: str) -> str | None:
    """The kind of unit a reference names without its own name ("คณะ", "the faculty", "Division's"), in one
    spelling ("คณะ", "faculty", "department" for "Dept."); None for anything else (a team's name, "company")."""
    match = _UNIT_ALONE.fullmatch(" ".join(named.split()).strip(" ."))
    return _unit_word(match["unit"]) if match is not None else None


def names_unit(team: str, unit: str) -> bool:
    """Whether a team's name says it is such a unit: a Thai name starts with the word ("คณะเกษตรศาสตร์",
    "กองคลัง"); an English one has it first or last ("Faculty of Agriculture", "Finance Department")."""
    team = " ".join(team.split())
    if unit[:1] >= "\u0e00":
        return team.startswith(unit)
    words = [w for w in re.split(r"[^\w&]+", team.casefold()) if w and w not in ("the", "team", "okr", "okrs")]
    return bool(words) and unit in {_unit_word(words[0]), _unit_word(words[-1])}
