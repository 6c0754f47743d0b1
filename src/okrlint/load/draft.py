"""OKR drafts as people write them in documents (SPEC §1): Markdown and plain text.

    Objective 1: Win back the shops we lost last year
    Key results:
    1. Raise monthly active shops from 1,200 to 1,500
    2. Cut churn from 6% to 4%

The reading is split in two so that other document formats reuse it: a format turns its file into
:class:`DraftLine` objects (text plus original location, plus list and heading information the text may
not carry, as in Word), and :func:`parse_draft` reads the OKRs from those lines into the same model the
YAML loader builds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from okrlint.text import regexcache
from okrlint.text.periods import MONTH_NAME, read_by_setting, stated_year, with_start_month
from okrlint.load import LoadError, key_result_values
from okrlint.load.chat import chat_text
from okrlint.load.decode import decode_text
from okrlint.load.draft_alignment import PROSE_EN, PROSE_TH, TH_STATE_ENTERPRISES, reference_to_resolve
from okrlint.load.draft_fields import (
    STATUS_MARK, FieldReader, bare_progress_start, ends_with_bracketed_confidence, read_tracker_tail,
    split_bracketed_confidence, split_line_fields,
    split_tracker_tail, split_trailing_alignment, status_start, without_trailing_status,
)
from okrlint.load.draft_labels import (
    FIELD,
    INITIATIVES,
    KEY_RESULT_FIELDS,
    KR_HEADER,
    KR_ITEM,
    NOTE,
    OBJECTIVE,
    OBJECTIVE_FIELDS,
    STRATEGIES_LABELS,
    SECTION,
    STRATEGY,
    SET_FIELDS,
    Label,
    is_closing,
    is_signature,
    match_label,
)
from okrlint.load.limits import MAX_DRAFT_LINES
from okrlint.load.due_dates import settle_month_day_dues
from okrlint.load.draft_markup import BLANK, HEADING, ITEM, OTHER, TEXT, Content, Layout, layout_of, without_decoration
from okrlint.load.draft_markup import bracketed_remark, ends_key_result_list, title_case, to_the_reader
from okrlint.model import InputError, KeyResult, LoadResult, Location, Objective, OKRSet

if TYPE_CHECKING:
    from okrlint.load.tables import Table

NO_OBJECTIVES = "no objectives found (expected lines like 'Objective:' / 'วัตถุประสงค์:')"
# A heading or caption saying that what stands under it is not OKRs: "Health metrics (not OKRs)", "KPI ติดตาม (ไม่ใช่
# OKR)", "BAU metrics", "ตัวชี้วัดประจำ": its table or list is not read as key results.
_NOT_OKRS = regexcache.compile(
    r"ไม่ใช่\s*(?:OKRs?|okrs?|วัตถุประสงค์|ผลลัพธ์หลัก)|นอก(?:เหนือ)?(?:จาก)?\s*OKRs?"
    r"|(?i:\bnot\s+(?:an?\s+|our\s+|the\s+|part\s+of\s+(?:the\s+|our\s+)?)?(?:OKRs?|objectives|key\s+results)\b"
    r"|\bnon[- ]OKRs?\b|\b(?:health|BAU|business[- ]as[- ]usual|run[- ]the[- ]business)\s+(?:metrics|KPIs?|indicators)\b"
    r"|\bKPIs?\s+(?:we\s+)?(?:track(?:ed)?|monitor(?:ed)?)\b|\b(?:tracked|monitored)\s+(?:metrics|KPIs?)\b)"
    r"|(?i:KPIs?)\s*(?:ที่)?(?:ติดตาม|งานประจำ)|ตัวชี้วัด(?:งาน)?ประจำ|ตัวชี้วัด(?:ที่)?ติดตาม|ตัวชี้วัดสุขภาพ")
# A blockquote opened by a note's emoji: "> 💡 …", "> 📝 …", "> ℹ️ …", "> ❗ …" — a remark, whatever label follows
_NOTE_EMOJI_QUOTE = regexcache.compile(
    r"[ \t]*(?:>[ \t]?)+[ \t]*(?:\*\*|__)?[\u2139\u2757\u2755\u2753\u2754\u203C\u2049\U0001F4A1\U0001F4DD\U0001F4CC"
    r"\U0001F6A8\U0001F4AC\U0001F5D2\U0001F4CB\U0001F514\U0001F4E3]")
# A toggle's summary naming what it hides beside the OKRs (``<details><summary>Initiatives</summary>``): the work
# planned ("Initiatives", "Key projects", "Action items", "แผนงาน/โครงการ"), remarks ("Notes", "Open questions",
# "หมายเหตุจากที่ประชุม", "💬 Comments (3)"), a meeting's record ("Meeting notes", "บันทึกการประชุม"), risks, background.
# Read from the summary's start, after a qualifier or two ("Key", "Q1", "Open", "Meeting"): "Strengthen links with
# partners" names none.
_ASIDE_QUALIFIER = (r"(?i:key|main|planned|proposed|supporting|related|open|our|team|other|more|further|additional"
                    r"|meeting|review|planning|weekly|monthly|sync|board|q[1-4]|h[12]|20[0-9]{2})")
_ASIDE_SUMMARY = regexcache.compile(
    rf"(?:{_ASIDE_QUALIFIER}[\s'’s]+){{0,2}}"
    r"(?i:(?:initiatives?|projects?|activities|actions?(?:\s+items?)?|tasks?|to-?dos?|next\s+steps|work\s+plan"
    r"|notes?|comments?|remarks?|feedback|questions?|discussions?|q\s*&\s*a|meetings?|minutes"
    r"|retro(?:spective)?s?|risks?|dependencies|assumptions?|background|context|history|change\s*log|appendix"
    r"|references?|links?|resources?)\b)"
    r"|(?:หมายเหตุ|ข้อสังเกต|ข้อคิดเห็น|ความคิดเห็น|ความเห็น|ข้อเสนอแนะ|คำถาม|ข้อซักถาม|แผนงาน|โครงการ|กิจกรรม"
    r"|แผนปฏิบัติ|(?:งาน|สิ่ง)ที่(?:จะ|ต้อง)ทำ|(?:สรุป|บันทึก|รายงาน)?(?:การ|ที่)?ประชุม|ความเสี่ยง|สมมติฐาน|ความเป็นมา"
    r"|บริบท|ภาคผนวก|อ้างอิง)")
_SUMMARY_OPENING = regexcache.compile(r"[\s*_\[\]()0-9๐-๙.:：#-]*")
_TITLE_GAP = 2  # blank lines after "Objective:" past which the next line is no longer its title
# A table's or figure's caption: "ตารางที่ ๑ ผลลัพธ์หลักและเกณฑ์การให้คะแนน", "ตาราง 2", "แผนภาพที่ 3", "Table 1: Key results",
# "Figure 2 – Outage minutes"
_CAPTION = regexcache.compile(
    r"\s*(?:ตาราง(?:ที่)?|(?:แผนภาพ|ภาพ|รูป|แผนภูมิ)ที่)\s*[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,2})?(?![0-9๐-๙])(?!\s*[%)]|\s*(?:ร้อยละ|คน|ราย))"
    r"|\s*(?i:table|figure|fig\.|exhibit|chart)\s+[0-9]{1,3}(?:\.[0-9]{1,2})?(?:\s*[:.–—-]|\s*$)")
_DIGIT = regexcache.compile(r"[0-9๐-๙]")
SUB_ITEM_INDENT = 2  # an item this much deeper than a key result belongs to it (a note, an initiative)
_SECTION_HEAD = regexcache.compile(r"^[^:：]{1,40}[:：]$")
# The heading of a part of a report or book: "ส่วนที่ ๓ การติดตามและประเมินผล", "บทที่ 4", "ภาคผนวก ข …", "Appendix A",
# "Chapter 3 — Budget", "Part II"
_DOCUMENT_PART = regexcache.compile(
    r"(?:(?:ส่วนที่|บทที่|หมวดที่)\s*[0-9๐-๙]{1,2}|ภาคผนวก)(?![\u0e01-\u0e4e])"
    r"|(?i:(?:part|chapter)\s+(?:[0-9]{1,2}|[ivx]{1,4})\b|(?:appendix|appendices|annex)(?:\s+[a-z0-9]{1,2})?(?:\b|$))"
    r"(?![ \t]*[0-9%])")  # "Initiatives:", "แผนงาน:" — a list that is not KRs follows
_ANNEX = regexcache.compile(r"ภาคผนวก(?![\u0e01-\u0e4e])|(?i:appendix|annex)\b")
_FISCAL_YEAR = regexcache.compile(
    r"ไตรมาส(?:ที่)?\s*[1-4๑-๔]\s*(?:/|ปี(?:งบประมาณ)?\s*(?:พ\.\s?ศ\.\s*)?)\s*[0-9๐-๙]{4}"  # ไตรมาส 1/2570, ไตรมาสที่ 1 ปี 2570
    r"|ไตรมาส(?:ที่)?\s*(?:แรก|หนึ่ง|สอง|สาม|สี่|สุดท้าย)\s*(?:ของ\s*)?(?:ปี(?:งบประมาณ)?\s*(?:พ\.\s?ศ\.\s*)?)?\s*[0-9๐-๙]{4}"  # ไตรมาสแรกของปี 2570
    r"|(?:ปีงบประมาณ|ปีงบฯ?|ปีบัญชี)\s*(?:พ\.\s?ศ\.\s*)?[0-9๐-๙]{4}|ปีงบฯ?\s*[0-9๐-๙]{2}(?![0-9๐-๙])"  # ปีงบฯ 2570, ปีงบ 70
    r"|ปีการศึกษา\s*[0-9๐-๙]{4}|(?:ภาคเรียน|ภาคการศึกษา)ที่\s*[12๑๒]\s*/\s*[0-9๐-๙]{2,4}"  # a school's year or term
    r"|(?i:academic\s+year|school\s+year)\s*\d{4}\s*[/-]\s*\d{2,4}"
    r"|(?<![\w-])Q[1-4]\s*/\s*(?:25|20)\d{2}(?![\w-])"  # "Q1/2570"
    # "Riverbend Reads - 2027 OKRs", "OKRs 2027"
    # "New Homes OKRs 2027/28", "OKR tracker 2027-28", "FY27/28": a financial year written as the two it spans
    r"|(?<![\w/-])(?:FY\s*'?)?(?:20)?\d{2}[/-](?:20)?\d{2}(?![\w/-])(?<=\d)"
    # "Brightline Fitness — 2027 company OKRs", "company OKRs for 2027": the level between the year and "OKRs"
    r"|(?<![\w-])20\d{2}(?=\s*(?:(?i:company|company-wide|corporate|organi[sz]ation(?:al|-wide)?|team|department(?:al)?)\s+)?OKRs?\b)"
    r"|(?:(?<=\bOKRs\s)|(?<=\bOKRs\sfor\s))20\d{2}(?![\w/-]|\s*-?\s*[QH][1-4])"
    r"|(?<=\bOKR\s)20\d{2}(?![\w/-]|\s*-?\s*[QH][1-4])"  # not "OKRs 2026 Q3": the quarter, below
    # a title such as "Growth team — Q3 2026 OKRs", "OKRs FY27", "H1 2026 plan"
    r"|(?<![\w-])(?:Q[1-4]\s*(?:FY\s*)?'?(?:20)?\d{2}(?:[/-](?:20)?\d{2}(?![\w/-]))?|(?:20\d{2})\s*-?\s*[QH][1-4]"
    r"|FY\s*'?(?:20)?\d{2}(?:[/-](?:20)?\d{2})?|H[12]\s*(?:FY\s*)?(?:20)?\d{2})(?![\w/-])"
)
# "FY27 (July 1, 2026 – June 30, 2027)", "2026/27 (April–March)", "ปีบัญชี 2570 (เมษายน–มีนาคม)": when the year runs
_RESTATED_DATES = regexcache.compile(
    r"\s*[(\[（](?:[^()\[\]（）]{3,60}?\d[^()\[\]（）]{0,40}"
    rf"|\s*(?i:{MONTH_NAME})\s*(?:[-–—]|(?i:to|through|until)|ถึง|จนถึง)\s*(?i:{MONTH_NAME})\s*)[)\]）]")
# "ม.ค.–มี.ค. 2570", "Jan–Mar 2027", "January to March 2027", "ต.ค. 2569 – มี.ค. 2570": a range of months and its year
_TITLE_MONTH_RANGE = regexcache.compile(
    rf"(?<![\w.])(?i:{MONTH_NAME})(?:\s*(?:พ\.\s?ศ\.\s*)?[0-9๐-๙]{{2,4}})?\s*(?:[-–—]|(?i:to|through|until)\b|ถึง|จนถึง)"
    rf"\s*(?i:{MONTH_NAME})\s*(?:พ\.\s?ศ\.\s*|')?[0-9๐-๙]{{2,4}}(?![\w/])")
_THAI = regexcache.compile(r"[\u0e00-\u0e7f]")
_OKRS_LABEL = regexcache.compile(r"\W*(?i:okr(?P<plural>s)?)\W*")  # the label of "OKRs — Q3 2026", "OKR: ทีมขาย"
_PAGE_NUMBER = regexcache.compile(r"\s*[-–—]?\s*(?:(?i:page)\s*|หน้า\s*)?[0-9๐-๙]{1,3}(?:\s*(?:/|of|จาก)\s*[0-9๐-๙]{1,3})?\s*[-–—]?\s*")
# An objective's id or code as people copy it from the plan above: "CO1", "co-o1", "CO 2", "sales-o2", "mkt/o1"
_ID_LIKE = r"(?i:co[ -]?o?\d{1,2}|[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*[/-]o\d{1,2})(?![\w/-])"
_ALIGNMENT_IN_PROSE = regexcache.compile(
    r"(?i:\b(?:supports?|supporting|in\s+support\s+of|aligns?\s+(?:to|with)|aligned\s+(?:to|with)|contributes?\s+to|ladders?\s+up\s+to"
    rf"|serves?|helps?)\s+(?P<ref>{PROSE_EN}|{_ID_LIKE}))"
    r"|(?:สนับสนุน|สอดคล้อง(?:กับ)?|ตอบสนอง(?:ต่อ)?|ตอบโจทย์|เชื่อมโยง(?:กับ)?)\s*"
    rf"(?P<th>{PROSE_TH}|{_ID_LIKE})"
)
_NAME_BEFORE_DASH = regexcache.compile(r"\s*([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s+[—–-]\s+\S")
_TO_READER_PRONOUN = regexcache.compile(r"(?i:\b(?:I|I'm|I’m|I've|I’ve|I'll|I’ll|I'd|me|you|your|you're|you’re)\b)")
# "Supports company objective 1", "(สอดคล้องกับวัตถุประสงค์ที่ 1)", "This supports company objective 1.", "This objective
# aligns with CO2": a line saying what the objective supports
_ALIGNMENT_LINE = regexcache.compile(
    r"\s*[(（\[]?\s*(?i:(?:this|it|which)\s+(?:(?:objective|goal|okr|one)\s+)?(?:directly\s+|also\s+|mainly\s+)?)?"
    r"(?:สอดคล้อง|ตอบสนอง|สนับสนุน|เชื่อมโยง|ตอบโจทย์|ภายใต้(?:ยุทธศาสตร์|เป้าประสงค์)"
    r"|(?i:supports?\s|supporting\s|in\s+support\s+of\s|aligns?\s+(?:to|with)|aligned\s+(?:to|with)|contributes?\s+to"
    r"|ladders?\s+up))")
# "→ CO1", "-> company objective 2", "⇒ วัตถุประสงค์ที่ 1 ขององค์กร": an arrow pointing at what the objective supports,
# and nothing else on the line
_ARROW_TO_REFERENCE = regexcache.compile(
    rf"\s*[(（\[]?\s*(?:→|->|=>|⇒|➔|➜|➝|⟶|↗)\s*(?P<ref>(?i:{PROSE_EN})|{PROSE_TH}|{_ID_LIKE})\s*[)）\]]?[\s.]*$")
_MARKER_BEFORE_ARROW = regexcache.compile(r"^\s*(?:[-*+•▪◦‣·]\s*)?(?=→|->|=>|⇒|➔|➜|➝|⟶|↗)")
# "and CO3", ", co-o4", "และ CO3" after the first objective a line supports: the others it names
_MORE_REFERENCES = regexcache.compile(
    rf"(?:\s*(?:,|&|/|\+|(?i:and|or)\b|และ|หรือ|กับ)\s*(?:(?i:{PROSE_EN})|{PROSE_TH}|{_ID_LIKE}))+")
_BARE_OBJECTIVE_AFTER_VERB = regexcache.compile(
    r"\s*[(（\[]?\s*(?:สอดคล้อง(?:กับ)?|ตอบสนอง(?:ต่อ)?|สนับสนุน|เชื่อมโยง(?:กับ)?|ตอบโจทย์)\s*"
    r"(?P<ref>(?:วัตถุประสงค์|เป้าประสงค์)(?:ที่|ข้อ(?:ที่)?)?\s*[0-9๐-๙]{1,2})\s*[)）\]]?\s*$")
_STRATEGY_REFERENCE = regexcache.compile(
    r"(?:ประเด็นยุทธศาสตร์|ยุทธศาสตร์|กลยุทธ์)(?:ที่|ข้อ(?:ที่)?)?\s*[0-9๐-๙]{1,2}"
    r"|(?i:strateg(?:y|ic\s+(?:pillar|priority|theme|goal|objective)))\s*#?\s*[0-9]{1,2}")
# A Latin word of a Thai unit's name ("ฝ่ายสินเชื่อ SME", "ฝ่าย Growth Marketing", "ทีม Data Platform"): capitalised, and
# not a period's ("Q1", "H1", "FY2027") or the plan's ("OKRs")
_LATIN_NAME_WORD = (r"(?!(?:Q[1-4]|H[12]|FY\d*|OKRs?|KPIs?|Objectives?|Goals?|Plan|Draft|Team|Dept|Department|Division"
                    r"|Level)\b)[A-Z][A-Za-z&/]*(?:-[A-Za-z][A-Za-z&/]*)*")
# "ทีม Click & Collect", "ฝ่าย R & D", "ทีม Buy / Sell": a Latin name's words joined by "&", "/" or "+" between spaces
_LATIN_JOINED = r"(?:[&/+]\s+)?"
# The team a document's title names: "Growth Team — Q3 2026 OKRs", "Team Phoenix OKRs", "OKR ฝ่ายการตลาด ไตรมาส 1/2570"
_TITLE_TEAM = regexcache.compile(
    r"(?:^|(?<=[\s#—–:-]))(?!(?:Our|My|Your|The|This|Their|Each|Every)\b)(?P<team>[A-Z][\w&/]*(?:[ -][A-Z&][\w&/]*){0,3})"
    r"\s+(?i:team|squad|tribe|department|dept\.?|division)\b"
    r"|\b(?i:team)[ :]+(?!(?i:OKRs?|objectives)\b)(?P<named>[A-Z][\w&/-]*(?:\s+" + _LATIN_JOINED + r"(?!(?i:OKRs?|objectives)\b)[A-Z][\w&/-]*){0,2})"
    r"|(?P<unit>(?:สายงาน|ฝ่าย|กองงาน|กอง|สำนักงาน|สำนัก|กลุ่มงาน|แผนก(?!ลยุทธ)|ทีม|คณะ|ศูนย์|กรม|โรงเรียน|โรงพยาบาล|เทศบาล"
    r"|องค์การบริหารส่วน|สหกรณ์)(?:[^\s\d()\-–—:,]{2,40}(?:\s+" + _LATIN_JOINED + _LATIN_NAME_WORD + r")*"
    r"|(?:\s+" + _LATIN_JOINED + _LATIN_NAME_WORD + r")+))"
    # "OKR งานวิจัย ปีงบประมาณ 2570": the unit between "OKR" and the period, whatever it is called
    r"|(?<![\w])(?i:OKRs?)\s+(?:ของ\s*)?(?!ระดับ|องค์กร|บริษัท|ประจำ|ปี|ของ)(?P<okr>[\u0e01-\u0e2e][^\s\d()\-–—:,]{1,40})"
    r"\s+(?=(?:ประจำ)?(?:ปีงบประมาณ|ปีงบ|ปีการศึกษา|ปีบัญชี|ปี|ไตรมาส|ภาคเรียน|พ\.\s?ศ\.|[0-9๐-๙]{4}))"
)
# "Sales OKRs Q2 2027", "# Platform Engineering OKRs — H1": a name before "OKRs" (its words checked in _named_okrs)
_TITLE_NAMED_OKRS = regexcache.compile(
    r"(?:^|(?<=[\s#—–:|]))(?P<name>[A-Z][\w&/]*(?:[ -][A-Z&][\w&/]*){0,3})"
    r"(?:\s+(?:project|community|programme|program)(?:['’]s)?)?\s+OKRs?\b"  # "Tessera project OKRs": Tessera's
    # "Marketing — H1 2027 OKRs", "Product Growth - Q3 2026 OKRs", "Sales: FY2027 objectives": the name, a dash, the period
    r"|^[#\s]*(?P<dashed>[A-Z][\w&/]*(?:[ -][A-Z&][\w&/]*|-[a-z]{1,3}-[A-Z][\w&/]*){0,3})\s*(?:[—–:|]|\s-)\s*"
    r"(?:(?:(?:Q[1-4]|H[12]|FY\s*'?\d{2,4}(?:[/-]\d{2,4})?|(?:19|20)\d{2}(?:[/-]\d{2,4})?)[\s,]+){1,3}"
    # "Go-to-Market — Department OKRs H1 2027": the unit's level instead of the period
    r"|(?i:department|departmental|division|divisional|team)\s+)"
    r"(?:OKRs?|(?i:objectives|goals))\b")
_NOT_A_NAME_BEFORE_OKRS = frozenset(
    "company company-wide corporate organisation organization organisational organizational org org-wide quarterly "
    "annual yearly draft proposed final new updated revised current next last sample example template key".split())
# "OKR บริษัท ปี 2570", "📢 OKR บริษัท สยามพาร์ท ปี 2570": the company's own plan, named by the company
_TITLE_COMPANY = regexcache.compile(
    r"(?<![\w])(?i:OKRs?)\s*(?:ระดับ(?:องค์กร|บริษัท)\s*)?(?:ของ\s*)?"
    r"(?P<company>(?:บริษัท|หจก\.|ห้างหุ้นส่วนจำกัด)(?:\s*(?!ประจำ|ปี|ไตรมาส|ครึ่งปี)[^\s\d()\-–—:,]{2,40}){0,6})"
    # the period after it: a year, or a quarter or half of one ("ไตรมาส 1/2570", "ไตรมาสที่ 2 ปี 2570", "ครึ่งปีแรก")
    r"(?=\s*(?:ประจำ)?(?:ปีงบประมาณ|ปีบัญชี|ปี|พ\.\s?ศ\.)\s*[0-9๐-๙]{2,4}|\s+[0-9๐-๙]{4}"
    r"|\s*(?:ประจำ)?(?:ไตรมาส(?:ที่)?\s*[0-9๐-๙]|ครึ่งปี(?:แรก|หลัง)|(?i:Q[1-4]|H[12])\b))")
# "MetroLink Transport Authority — Corporate Plan 2026/27", "Harbour & Pine: Business Plan FY27": the organisation
# whose own plan it is, named before the dash ("Acme — Company OKRs 2027 H1" is left to the file's name, as before)
_ORGANISATION_PLAN = regexcache.compile(
    r"^[#\s]*(?P<name>[A-Z][\w&'’.]*(?:\s+(?:&|and|of|for|the|[A-Z][\w&'’.]*)){0,5})\s*(?:[—–|:]|\s-)\s*"
    r"(?i:(?:the\s+)?(?:corporate|company|company-wide|organi[sz]ation(?:al|-wide)?|business|strategic|annual)\s+"
    r"(?:plan|priorities|strategy)\b)")
# "Lakeside Clinics — Company OKRs 2027": the organisation whose company-level OKRs these are, named before the dash;
# it names the set when the file's name says only its period or version ("Q1 plan.md", "2027 v2.md")
_ORGANISATION_OKRS = regexcache.compile(
    r"^[#\s]*(?P<name>[A-Z][\w&'’.]*(?:\s+(?:&|and|of|for|the|[A-Z][\w&'’.]*)){0,5})\s*(?:[—–|:]|\s-)\s*"
    r"(?:(?:Q[1-4]|H[12]|FY\s*'?\d{2,4}|20\d{2})\s+){0,2}"  # "Brightline Fitness — 2027 company OKRs"
    r"(?i:(?:the\s+)?(?:company|company-wide|corporate|organi[sz]ation(?:al|-wide)?)(?:[ -]level)?\s+"
    r"(?:OKRs?|objectives|goals)\b)")
# A title saying the plan is a department's: "แบบฟอร์มการจัดทำ OKR ระดับฝ่าย", "OKR ระดับกอง", "Department-level OKRs"
_DEPARTMENT_TITLE = regexcache.compile(
    r"(?:OKRs?|แผน|วัตถุประสงค์|แบบฟอร์ม)[^\n]{0,30}?ระดับ\s*(?:ฝ่าย|กอง|สำนัก|แผนก|ส่วนงาน)"
    r"|(?i:\b(?:department|departmental|division|divisional)[ -]level\b"
    # "Go-to-Market — Department OKRs": the level alone after the unit's name ("Chemistry Department OKRs" is a
    # department's name, under a faculty)
    r"|\bdepartmental\s+(?:OKRs?|objectives)\b|(?:^|[—–:|]\s*|\s-\s*)(?:department|division|divisional)\s+(?:OKRs?|objectives)\b)")
# A title naming its plan's level by the kind of unit, read as a `ระดับ:` line is: "OKR ระดับโรงพยาบาล ปีงบประมาณ 2570",
# "แผนยุทธศาสตร์และ OKR ระดับมหาวิทยาลัย", "OKR ระดับคณะ", "Hospital-level OKRs". The organisation's own name may
# follow its kind ("ระดับกรมการแพทย์", "ระดับคณะแพทยศาสตร์"); a team's kind stands alone ("ระดับกลุ่มงาน", while
# "ระดับหน่วยงาน" is no level, as in a `ระดับ:` line).
_LEVEL_IN_TITLE = regexcache.compile(
    r"(?:(?i:OKRs?)|แผน|วัตถุประสงค์|เป้าหมาย|เป้าประสงค์|แบบฟอร์ม)[^\n]{0,30}?ระดับ\s*(?P<th>[\u0e01-\u0e4e]+)"
    r"|(?i:\b(?P<en>[a-z]+)[ -]level\s+(?:OKRs?|objectives|goals|plan)\b)")


def _level_in_title(title: str) -> str | None:
    """company, department or team when a title names its plan's level by the kind of unit ("OKR ระดับโรงพยาบาล"),
    as a `ระดับ: โรงพยาบาล` line would; None when it names none."""
    from okrlint.load.draft_fields import level_of

    match = _LEVEL_IN_TITLE.search(title)
    if match is None:
        return None
    if match["en"]:
        level = level_of(match["en"])
        return level if level in ("company", "department", "team") else None
    word = match["th"]
    level = level_of(word)
    if level not in ("company", "department", "team"):
        level = next((found for end in range(len(word) - 1, 1, -1)  # "ระดับโรงพยาบาลศรีนครธารา": the longest kind
                      if (found := level_of(word[:end])) in ("company", "department")), None)
    if level is not None and _SUPPORTS_ANOTHER.search(title, 0, match.start("th")):
        return None  # "OKR ฝ่ายซ่อมบำรุง สนับสนุนเป้าหมายระดับองค์กร": the level of the plan it supports
    if level == "company" and _NOT_WHOLE_ORGANISATION.search(title):
        return None  # a unit's plan that names the organisation: "OKR กลุ่มงานเภสัชกรรม ระดับโรงพยาบาล…"
    return level


_SUPPORTS_ANOTHER = regexcache.compile(r"สอดคล้อง|สนับสนุน|ตอบสนอง|ภายใต้|ตาม|(?i:\b(?:support\w*|align\w*|under)\b)")
_BARE_COMPANY = frozenset({"บริษัท", "หจก.", "ห้างหุ้นส่วนจำกัด"})
# "… ของขายคล่อง:", "… ของ บริษัท สยามพาร์ท": whose plan a title says it is, when "OKR บริษัท" does not name the company
_WHOSE_PLAN = regexcache.compile(
    r"(?<![\u0e01-\u0e4e])ของ\s*(?!(?:บริษัท|องค์กร|เรา|ทีม|ปี|ไตรมาส|ทุก|ทั้ง)(?:[\s:：\-–—,]|$))"
    r"(?P<name>(?:บริษัท\s*)?[\u0e01-\u0e4eA-Za-z][^\s\d()\-–—:：,]{1,40})(?=\s*(?:[:：\-–—|,]|$))")
# A letterhead's line: an organisation's registered name and nothing else ("บริษัท ไร่ปันสุข อะโกรฟู้ด จำกัด",
# "บริษัท สยามพาร์ท จำกัด (มหาชน)", "ห้างหุ้นส่วนจำกัด ทองดี", "Harbour Foods Co., Ltd.", "Acme Widgets Limited")
_LETTERHEAD = regexcache.compile(
    r"(?:บริษัท|บจก\.|บมจ\.)\s*[^\s\d()]{2,40}(?:\s+[^\s\d()]{2,40}){0,4}\s*จำกัด(?:\s*\(มหาชน\))?"
    r"|(?:ห้างหุ้นส่วน(?:จำกัด|สามัญ)|หจก\.)\s*[^\s\d()]{2,40}(?:\s+[^\s\d()]{2,40}){0,4}"
    r"|[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,5},?\s+(?:Co\.,?\s*Ltd\.?|Company\s+Limited|Public\s+Company\s+Limited"
    r"|Limited|Ltd\.?|Inc\.?|PLC|plc|LLC|GmbH|Pte\.?\s*Ltd\.?|Sdn\.?\s*Bhd\.?)")
_COMPANY_FILE_NAMES = frozenset({"company", "corporate", "organisation", "organization", "org", "บริษัท", "องค์กร"})
# A year written in the text before the OKRs ("ประจำปี 2570", "2027", "FY27"): a plan read without a period is said so
_ANY_YEAR = regexcache.compile(r"(?<![0-9๐-๙])(?:20[0-9]{2}|25[0-9]{2}|๒๕[๐-๙]{2})(?![0-9๐-๙])")
_TITLE_YEAR = regexcache.compile(r"(?<![\u0e01-\u0e4e])(?:ประจำ)?ปี\s*(?:พ\.\s?ศ\.\s*)?[0-9๐-๙]{4}(?![0-9๐-๙])")
_WHOLE_ORGANISATION = (r"(?:company|corporate|organi[sz]ation(?:al)?|org|enterprise|business|firm|group|district|trust"
                       r"|council|university|agency|ministry|authority)")
_PLAN_WORD = r"(?:OKRs?|objectives|goals|plan|priorities)"
_COMPANY_TITLE = regexcache.compile(
    r"(?i:\b(?:company|company-wide|corporate|organi[sz]ation(?:al)?|org-wide)(?:[ -]level)?[ -]+(?:OKRs?|objectives)\b)"
    r"|(?:OKRs?|แผน|วัตถุประสงค์)\s*ระดับ(?:องค์กร|บริษัท)|(?i:OKRs?)\s*(?:ของ)?(?:องค์กร|บริษัท)"
    # a government body's own plan: "แผนปฏิบัติราชการ กรมส่งเสริม… ประจำปีงบประมาณ 2570", "แผนยุทธศาสตร์ โรงพยาบาล…"
    # (not a กอง's or a กลุ่มงาน's within it)
    r"|(?:แผนปฏิบัติ(?:ราชการ|การ)|แผนยุทธศาสตร์)(?:(?!กอง|สำนัก|กลุ่ม|ฝ่าย|ศูนย์|คณะ|แผนก|งาน|หน่วย)[^\n]){0,50}?"
    r"(?:กรม|กระทรวง|จังหวัด|มหาวิทยาลัย|เทศบาล|องค์การบริหารส่วน|โรงพยาบาล|รพ\.|" + TH_STATE_ENTERPRISES + ")"
)
# The whole organisation's plan named in other words; only for a title that names no unit and no plan it supports
_WHOLE_ORGANISATION_TITLE = regexcache.compile(
    # "Maple Valley School District — District-wide OKRs 2026/27", "Trust-wide objectives", "OKRs (company-wide)"
    rf"(?i:\b{_WHOLE_ORGANISATION}[ -]?wide\b(?=.*\b{_PLAN_WORD}\b)|\b{_PLAN_WORD}\b.*\b{_WHOLE_ORGANISATION}[ -]?wide\b)"
    # "District OKRs — School Year 2026–27", "Acme Housing Trust: Trust objectives 2027": the body named by its kind
    r"|(?:^|[—–:|]\s*)[\W_]*(?:District|Trust|Council|University)\s+(?i:OKRs?|objectives)\b"
    # "แผน OKR ระดับองค์กร", "OKR ทั้งองค์กร ปี 2570", "เป้าหมายของบริษัททั้งบริษัท" (not a unit's plan that supports them)
    r"|(?:OKRs?|แผน|วัตถุประสงค์|เป้าหมาย)(?:(?!ฝ่าย|กอง|แผนก|ทีม|สำนัก|กลุ่มงาน|ศูนย์|สอดคล้อง|สนับสนุน|ตาม|ของ(?!องค์กร|บริษัท))"
    r"[^\n]){0,30}?(?:ระดับ|ทั้ง)(?:องค์กร|บริษัท)"
)
_NOT_WHOLE_ORGANISATION = regexcache.compile(
    r"(?i:\b(?:aligned|aligns?|supports?|supporting|contribut\w*|towards?|team|squad|department|dept|division"
    r"|directorate|faculty)\b)"
    r"|ฝ่าย|กอง|แผนก|ทีม|สำนัก|กลุ่มงาน|ศูนย์|คณะ|สอดคล้อง|สนับสนุน|ตอบสนอง|ภายใต้")


def _names_whole_organisation(title: str) -> bool:
    """A title of the whole organisation's plan: "Acme — Company OKRs H1 2027", "District-wide OKRs 2026/27",
    "OKR บริษัท ปี 2570", "แผน OKR ระดับองค์กร", "OKR ทั้งองค์กร"."""
    return _COMPANY_TITLE.search(title) is not None or (
        _WHOLE_ORGANISATION_TITLE.search(title) is not None and _NOT_WHOLE_ORGANISATION.search(title) is None)


# Standard input without --stdin-filename is named one of these by the command line, by its first bytes
STDIN_DRAFT_NAME, STDIN_YAML_NAME = "stdin.okr.md", "stdin.okr.yaml"
# The top-level keys of okrlint's YAML that the command line looks for in standard input's bytes
_OKR_YAML_KEY = regexcache.compile(r"^\ufeff?(?:team|objectives|period|level|owner)[ \t]*:", re.MULTILINE)
_HTML_DOCUMENT = regexcache.compile(r"(?i)\A\ufeff?\s*(?:<!doctype\s+html|<html[\s>])")
_HTML_COMMENT = regexcache.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_NEWLINE = regexcache.compile(r"\r\n|\r|\n")


@attrs.frozen
class DraftLine:
    """One line (or Word paragraph) of a draft.

    ``location`` is where ``text[0]`` stands in the original file; columns of later characters are
    counted from it. ``numbered``/``bullet`` say the line is a list item whose marker is not part of
    the text (Word's automatic numbering); ``list_level`` (0 = top) replaces indentation when given;
    ``style`` is a paragraph style name ("Heading 2", "Title") that makes the line a heading;
    ``markdown`` says backslash escapes (``1\\.``, ``\\$``) are undone before the line is read;
    ``new_paragraph`` says the line starts a paragraph of its own that does not continue the title above
    it, although no blank line stands between them (Word: a plain paragraph after a list item);
    ``after_table`` says a table of the document stood right before the line: an objective whose key results
    that table holds has no more description below it (a note, a signature block).
    """

    text: str
    location: Location
    numbered: bool = False
    bullet: bool = False
    list_level: int | None = None
    style: str | None = None
    markdown: bool = False
    new_paragraph: bool = False
    after_table: bool = False


@attrs.frozen
class _Line:
    source: DraftLine
    layout: Layout
    label: Label | None

    @property
    def kind(self) -> str:
        return self.layout.kind

    @property
    def indent(self) -> int:
        return self.layout.indent

    @property
    def content(self) -> Content:
        return self.layout.content

    def location_at(self, index: int) -> Location:
        base = self.source.location
        return attrs.evolve(base, column=base.column + self.content.offset(index))

    def rest(self) -> Content:
        """The content after the label (all of it when there is none)."""
        return self.content.tail(self.label.rest_start) if self.label else self.content


@attrs.define
class _KRDraft:
    title: str
    location: Location
    indent: int
    fields: FieldReader
    unmarked: bool = False  # a plain line under a key-result header: the next plain line is another KR
    after_blank: bool = False  # it stood after a blank line: the list is spaced out
    item: bool = False  # written as a list item ("- …", "1. …", a bullet)
    quoted: bool = False  # written in a Markdown blockquote
    outline: tuple[int, ...] = ()  # its number in the document's outline, as typed ("๓.๑.๒" → (3, 1, 2))


@attrs.define
class _ObjectiveDraft:
    title: str
    location: Location
    fields: FieldReader
    key_results: list[_KRDraft] = attrs.Factory(list)
    description: list[str] = attrs.Factory(list)
    number: str | None = None  # "Objective 2": its number as written
    from_heading: bool = False  # "## Objective 1: …": a heading is one line, so the text under it is no part of it
    heading_level: int = 0  # the level of that heading (0: not a heading)
    table_seen: bool = False  # a table (of its key results) stood under it: text below is no description
    unread_alignment: list[tuple[Location, str]] = attrs.Factory(list)  # "Supports X" lines naming nothing readable
    coded: bool = False  # opened by its code ("CO1 …", "SO-2: …"): one of the company's objectives a deck states first
    strategies: bool = False  # a list of strategies ("กลยุทธ์") stood under it before any key result
    quoted: bool = False  # written in a Markdown blockquote (a quoted draft: its key results are quoted too)
    outline: tuple[int, ...] = ()  # its number in the document's outline, as typed ("๓.๑ วัตถุประสงค์ที่ ๑" → (3, 1))


@attrs.define
class _Toggle:
    """An open ``<details>`` toggle of a Markdown page (GitHub, a Notion export)."""

    summary_open: bool = False  # its "<summary>" is open: the text read next is the summary
    summary_read: bool = False
    aside: bool = False  # its summary names work or remarks beside the OKRs ("Initiatives", "Meeting notes"): skipped
    mode: str = ""  # the reader's mode when it opened, taken up again after "</details>"
    kr: "_KRDraft | None" = None  # the key result its summary gave: the body is that key result's notes


@attrs.define
class _PendingField:
    """A field label with its value on the following lines ("Aligns to:" then a list)."""

    reader: FieldReader
    field: str


class _DraftParser:
    """Reads lines top to bottom; the state says where a continuation, field or list item belongs."""

    def __init__(self, lines: list[_Line], filename: str, set_fields: FieldReader):
        self.lines = lines
        self.filename = filename
        self.set_fields = set_fields
        self.objectives: list[_ObjectiveDraft] = []
        self.objective: _ObjectiveDraft | None = None
        self.kr: _KRDraft | None = None
        self.mode = "preamble"  # preamble | objective | key_results | other | signoff
        self.last: str | None = None  # what a continuation line extends: objective | kr | ignored
        self.previous_blank = True
        self.awaiting_title = False
        self.pending: _PendingField | None = None
        self.preamble_seen = False  # a line before the first objective was read: the document's title is behind
        self.title_team: str | None = None  # the team its title names, when no Team line does
        self.title_organisation = False  # that name is the whole organisation's ("MetroLink — Corporate Plan")
        self.lines_read = 0  # lines with text read so far (the first is the document's title)
        self.in_title = False  # reading the document's first lines, before a blank line: its title
        self.bare_fiscal_year: tuple[str, Any] | None = None  # a fiscal year read from the text before the OKRs without its months
        self.year_months: int | None = None  # the first month of the organisation's year, as a sentence above the OKRs states it
        self.team_lines: list[tuple[Location, str]] = []  # each line that named the set's team, with that team
        self.not_okrs: list[list[Any]] = []  # [location, text, list items under it] of headings saying "not OKRs"
        self.preamble_heading_seen = False  # a heading was read before the first objective
        self.preamble_year: tuple[Location, str] | None = None  # the first year a line before the OKRs names
        self.chat = False  # the text of a chat export: the pasted message's title names the team, not the chat's name
        self.bracket_habit: bool | None = None  # its key results close with a confidence in brackets ("(0.6)")
        self.index = 0  # the line being read
        self.first_heading: str | None = None  # the document's first line when a heading: "# Customer Success"
        self.first_line_name: str | None = None  # "Northwind Ledger" of a first line "Northwind Ledger — Leadership Offsite"
        self.letterhead: str | None = None  # a first line that is only a registered name: "บริษัท ไร่ปันสุข อะโกรฟู้ด จำกัด"
        # the organisation a Thai memo's "ส่วนราชการ" line names: "องค์การบริหารส่วนจังหวัดศรีนคราภิรมย์" of "ส่วนราชการ
        # สำนักปลัดองค์การบริหารส่วนจังหวัดศรีนคราภิรมย์ โทร. …"
        self.memo_organisation: str | None = None
        self.memo_form = False  # its first line is "บันทึกข้อความ": a Thai official memo, whose fields have no colon
        self.memo_unit: str | None = None  # the unit its "หน่วยงาน  …" / "ส่วนราชการ  …" line names, written without a colon
        self.aligned_in_prose = False  # the set's aligns_to read from a sentence above the OKRs, not a field
        self.progress_column: bool | None = None  # its key results close with their progress ("— 45%")
        self.toggles: list[_Toggle] = []  # the <details> toggles open at the line being read, innermost last
        self.asides = 0  # how many of them hide work or remarks beside the OKRs ("Initiatives")
        self.last_toggle_close: int | None = None  # the index of the last line closing a toggle (-1: none)
        self.ends: list[int] = []  # where a part of the document after the OKRs begins ("๔. การติดตามและรายงานผล")

    def new_fields(self) -> FieldReader:
        return FieldReader(self.filename, self.set_fields.options)

    def run(self) -> None:
        blanks = 0
        for index, line in enumerate(self.lines):
            if line.source.after_table and self.objective is not None:
                self.objective.table_seen = True
                self.awaiting_title = False  # "Objective 3:" over a table: no line past the table is its title
            if line.kind == BLANK:
                self.previous_blank = True
                blanks += 1
                if blanks > _TITLE_GAP:
                    self.awaiting_title = False  # "Objective:" then a long gap: what follows is not its title
                continue
            blanks = 0
            self.index = index
            team = self.set_fields.values.get("team")
            self.read(index, line)
            self.previous_blank = False
            if self.set_fields.values.get("team") != team:  # "Department: Library", "หน่วยงาน: กองคลัง"
                self.team_lines.append((line.source.location, str(self.set_fields.values["team"]).strip()))
        # "เป้าประสงค์: …" then "กลยุทธ์" and its list, no key result: a strategy chapter's goal, which the OKRs serve
        self.objectives = [o for o in self.objectives if o.key_results or not o.strategies]

    # --- one line ----------------------------------------------------------------------------
    def read(self, index: int, line: _Line) -> None:
        if self.asides:
            # inside "<details><summary>Initiatives</summary>" … "</details>": skipped, labels too ("- KR2: ยังไม่มี
            # baseline" in the meeting's notes), up to its closing tag
            self.last = "ignored"
            for tag in line.layout.toggle:
                if tag == "details":
                    self.toggles.append(_Toggle(summary_read=True))
                elif tag == "/details":
                    self.close_toggle(self.toggles.pop())
                    if not self.asides:
                        return  # what follows the closing tag on its line is rare enough to leave
            return
        if line.layout.toggle:
            self.read_toggle_line(index, line)
            return
        if self.toggles:
            top = self.toggles[-1]
            if top.summary_open:  # "<summary>" on a line of its own, its text on the next ones
                if not top.summary_read:
                    self.read_summary(index, line)
                return
            if top.kr is not None and top.kr is self.kr and line.label is None and line.kind in (ITEM, TEXT):
                self.last = "ignored"  # the body of a key result's toggle: its notes, not more key results
                return
        self.read_line(index, line)

    def read_toggle_line(self, index: int, line: _Line) -> None:
        """A line holding a toggle's tags, "<details>", "<summary>Initiatives</summary>", "</details>", with its text
        (a summary, or a line of the body) read where it stands among them."""
        for tag in line.layout.toggle:
            if tag == "details":
                self.toggles.append(_Toggle())
            elif tag == "summary":
                if not self.toggles:
                    self.toggles.append(_Toggle())
                self.toggles[-1].summary_open = True
            elif tag == "/summary":
                if self.toggles:
                    self.toggles[-1].summary_open = False
            elif tag == "/details":
                if self.toggles:
                    self.close_toggle(self.toggles.pop())
            elif self.toggles and self.toggles[-1].summary_open:
                if not self.toggles[-1].summary_read:
                    self.read_summary(index, line)
            else:
                self.read(index, attrs.evolve(line, layout=attrs.evolve(line.layout, toggle=())))
        if "|" not in line.layout.toggle:
            self.read_line(index, line)  # the tags alone: the page's markup

    def read_summary(self, index: int, line: _Line) -> None:
        """A toggle's summary: one naming work or remarks beside the OKRs ("Initiatives", "หมายเหตุจากที่ประชุม",
        "Meeting notes") hides them, as an "Initiatives:" line does, up to its "</details>"; any other is read as a
        line of the draft ("Key results", "Objective 2: …", "KR1: …"), a measured one as a key result."""
        toggle = self.toggles[-1]
        toggle.summary_read = True
        toggle.mode = self.mode
        text = line.content.text
        if _is_aside_summary(text, line.label) and self.closed_later(index):
            self.lines_read += 1
            toggle.aside = True
            self.asides += 1
            if self.mode != "preamble":
                self.mode = "other"
            self.kr, self.last, self.pending, self.awaiting_title = None, "ignored", None, False
            return
        before = self.kr
        if line.label is None and self.objective is not None and not self.awaiting_title \
                and self.mode in ("objective", "key_results") and _looks_measured(text):
            self.lines_read += 1
            self.mode = "key_results"
            self.add_key_result(line, line.content)  # "▸ Raise day-7 retention from 22% to 30%" and its notes
        else:
            self.read_line(index, attrs.evolve(line, layout=attrs.evolve(line.layout, kind=TEXT, toggle=())))
        if self.kr is not None and self.kr is not before:
            toggle.kr = self.kr

    def closed_later(self, index: int) -> bool:
        """Whether a "</details>" stands after line ``index``: a toggle left open is not hidden to the end."""
        if self.last_toggle_close is None:
            self.last_toggle_close = max((i for i, line in enumerate(self.lines) if "/details" in line.layout.toggle),
                                         default=-1)
        return self.last_toggle_close > index

    def close_toggle(self, toggle: _Toggle) -> None:
        """"</details>": an aside toggle's body ends, and the reader takes up what it was reading before it."""
        if toggle.aside:
            self.asides -= 1
        if toggle.aside and self.mode == "other":
            self.mode = toggle.mode
        if toggle.aside or toggle.kr is not None:
            self.kr = None
        self.last, self.pending = None, None

    def read_line(self, index: int, line: _Line) -> None:
        self.lines_read += 1
        if line.kind == OTHER:
            self.last = None
            return
        label = line.label
        if self.mode == "signoff" and not (label is not None and label.kind == OBJECTIVE):
            return  # the name and title under "Thanks,"; another objective would end the sign-off
        if self.pending is not None and self.take_pending_value(line):
            return
        if label is None and line.kind == TEXT and self.objective is not None and self.objective.key_results \
                and is_closing(line.content.text):
            self.mode, self.kr, self.last, self.pending = "signoff", None, None, None  # "Thanks," after the OKRs
            return
        if label is None and (line.kind == HEADING or (line.kind == TEXT and self.previous_blank)) \
                and self.mode != "preamble" and not self.awaiting_title and _NOT_OKRS.search(line.content.text):
            # "KPIs we track (not OKRs)", "## ตัวชี้วัดประจำ": what follows is no key results
            self.mode, self.kr, self.last, self.pending = "other", None, None, None
            self.not_okrs.append([line.location_at(0), line.content.text.strip(), 0])
            return
        if self.mode == "other" and line.kind == ITEM and self.not_okrs and label is None:
            self.not_okrs[-1][2] += 1
        if label is None and line.kind in (TEXT, ITEM) and self.objective is not None and is_signature(line.content.text):
            # "ลงชื่อ ........ ผู้อำนวยการ", "Approved by: …": the form's signature block, no title nor key result
            self.mode, self.kr, self.last, self.pending, self.awaiting_title = "signoff", None, None, None, False
            return
        self.pending = None
        if line.kind == HEADING and self.groups_key_results(index, line):
            # "## Objective 1: …" then "### Payouts" over "- Raise same-day payout share from 19% to 60%": a group of
            # the objective's key results under a heading of their own ("### Support" too, not "Supports: …")
            self.mode, self.kr, self.last = "key_results", None, None
            return
        if label is not None and label.kind == OBJECTIVE and self.is_translation(line, label):
            self.objective.description.append(line.rest().text)  # "**วัตถุประสงค์ที่ 1: …**" under "Objective 1: …"
            self.last = "ignored"
        elif label is not None and label.kind == OBJECTIVE and self.is_document_title(index, line, label):
            self.read_preamble_line(line)  # "# OKRs — Q3 2026", "OKRs: Payments team": the document's title
            self.last = "ignored"
        elif label is not None and label.kind == OBJECTIVE:
            self.start_objective(line, line.rest())
        elif label is not None and label.kind == SECTION and self.objective is None \
                and label.rest_start < len(line.content.text):
            self.read_period_heading(line)  # "## OKRs — H1 2027" above the objectives: their period
        elif label is not None and label.kind in (SECTION, STRATEGY):
            self.kr = None
            self.last = None
        elif label is not None and label.kind == INITIATIVES:
            self.read_initiatives(line)
        elif label is not None and label.kind == KR_HEADER:
            self.ensure_objective(line)
            self.mode, self.kr, self.last = "key_results", None, None
        elif label is not None and label.kind == KR_ITEM and not (line.layout.quote and self.quote_is_remark(line)):
            self.ensure_objective(line)
            self.mode = "key_results"
            self.add_key_result(line, line.rest())
        elif label is not None and label.kind == FIELD and self.is_dashed_title(line, label):
            if self.objective is None:
                self.read_preamble_line(line)  # "# Support — H1 2027 OKRs": the team and period of the title
                self.last = "ignored"
            else:
                self.read_heading(index, line)
        elif label is not None and label.kind == FIELD:
            self.read_field(line, label.field or "")
        elif label is not None and label.kind == NOTE and line.kind in (TEXT, ITEM) and line.rest().text:
            self.read_note(line)
        elif line.layout.quote and (label is None or label.kind in (NOTE, KR_ITEM)):
            self.read_note(line)  # a Markdown blockquote: a remark, not a key result nor more of a title
        elif line.kind in (TEXT, ITEM) and self.read_alignment_item(line):
            pass  # "- Supports CO1" under an objective: what it aligns to, not a key result
        elif line.kind == HEADING:
            self.read_heading(index, line)
        elif line.kind == ITEM:
            self.read_item(line, index)
        else:
            self.read_text(line)

    def quote_is_remark(self, line: _Line) -> bool:
        """Whether a blockquote line labelled as a key result ("> ⚠️ KR2 ตัวเลข baseline รอ data team confirm") is a
        remark on the OKRs: a note's emoji opens it ("> 💡 KR3 …"), or the objective it would join was written
        outside the quote and has key results outside it. A quoted draft ("> Objective 1: …" then "> KR1: …"), or
        an objective whose key results all stand in a quote, keeps them."""
        if _NOTE_EMOJI_QUOTE.match(line.source.text):
            return True
        objective = self.objective
        if objective is None or objective.quoted:
            return False
        return any(not kr.quoted for kr in objective.key_results)

    def is_dashed_title(self, line: _Line, label) -> bool:
        """A heading or the document's first line that starts with an alignment word and a dash, "# Support —
        H1 2027 OKRs", "Supporting — Q3 plan": a title (the team, its period), not what the objectives align to
        ("Supports: CO-1" with a colon still is)."""
        if label.field != "aligns_to" or not (line.kind == HEADING or self.lines_read == 1):
            return False
        separator = line.content.text[: label.rest_start]
        return ":" not in separator and "：" not in separator and label.rest_start < len(line.content.text)

    def is_document_title(self, index: int, line: _Line, label) -> bool:
        """The document's first line, labelled only "OKRs" (no number, no "Objective") and followed by the objectives:
        its title ("# OKRs — Q3 2026"), not an objective called "Q3 2026"."""
        if self.objective is not None or self.preamble_seen or label.number is not None:
            return False
        word = _OKRS_LABEL.fullmatch(line.content.text[:label.rest_start])
        # "OKR: Make checkout effortless" on its own is the one objective of a short note
        if word is None or (word["plural"] is None and _FISCAL_YEAR.search(line.rest().text) is None):
            return False
        for following in self.lines[index + 1:]:
            if following.kind in (HEADING, ITEM) or following.label is not None:
                return following.kind == HEADING or (following.label is not None and following.label.kind == OBJECTIVE)
        return False

    def read_heading(self, index: int, line: _Line) -> None:
        if self.awaiting_title and self.objective is not None:
            self.set_objective_title(line, line.content)
            return
        if self.next_is_key_results(index):
            self.start_objective(line, line.content)
            return
        if self.mode != "preamble":
            self.mode = "other"
        self.kr = None
        self.last = None
        self.read_preamble_line(line)

    def read_item(self, line: _Line, index: int) -> None:
        if self.mode == "preamble" and not self.preamble_seen and not line.layout.numbered \
                and without_decoration(line.source.text.lstrip()) != line.source.text.lstrip():
            self.read_preamble_line(line)  # "📢📢 OKR บริษัท ปี 2570 📢📢" opening a post: its title, not a list item
            self.last = "ignored"
            return
        if self.awaiting_title and self.objective is not None and self.has_sub_items(index, line):
            # "## Objective 1" over "- Become the brand clinics think of first" with the key results nested under
            # it (a slide's first bullet and its sub-bullets): that item is the objective's title
            self.set_objective_title(line, line.content)
            self.mode, self.kr = "key_results", None
            return
        if self.mode in ("preamble", "other"):
            self.last = "ignored"
            return
        if self.kr is None or line.indent < self.kr.indent + SUB_ITEM_INDENT:
            if _NOTES_WORD_ALONE.fullmatch(line.content.text.strip("*_ \t")):
                self.mode, self.kr, self.last = "other", None, None  # "💬 Comments", "- Notes": remarks follow
                return
        if self.kr is not None and line.indent >= self.kr.indent + SUB_ITEM_INDENT:
            self.last = "ignored"  # a note or initiative under a key result
            return
        if self.numbers_another_section(line) or self.leaves_outline(line):
            # "3. Risks and dependencies" after the key results, "๔. …" after objectives ๓.๑, ๓.๒ and their ๓.๒.๑
            self.mode, self.kr, self.last = "other", None, None
            self.ends.append(_position(line.source.location))
            return
        if self.heads_next_objective(index, line):
            self.mode, self.kr, self.last = "other", None, None
            return
        self.mode = "key_results"
        self.add_key_result(line, line.content)

    def groups_key_results(self, index: int, line: _Line) -> bool:
        """Whether a heading deeper than its objective's heading, with no label, heads a list that mostly reads as
        measured key results: a group of that objective's key results, not another part of the document."""
        objective = self.objective
        if objective is None or objective.heading_level == 0 \
                or line.label is not None and (line.label.kind != FIELD or line.label.exact) \
                or line.layout.heading_level <= objective.heading_level or self.mode not in ("objective", "key_results"):
            return False
        if _NOT_A_KR_GROUP.search(line.content.text):
            return False  # "### Risks", "### Last quarter": figures about something else
        items = []
        for below in self.lines[index + 1:]:
            if below.kind == BLANK:
                continue
            if below.kind != ITEM or below.label is not None:
                break
            items.append(below)
        return bool(items) and 2 * sum(_looks_measured(item.content.text) and not _MAYBE.search(item.content.text)
                                       for item in items) >= len(items)

    def has_sub_items(self, index: int, line: _Line) -> bool:
        """Whether the next line that is not blank is a list item nested under ``line`` that reads as a key result
        as much as ``line`` does: a measured item over unmeasured sub-items is a key result with its initiatives."""
        for following in self.lines[index + 1:]:
            if following.kind == BLANK:
                continue
            if following.kind != ITEM or following.indent < line.indent + SUB_ITEM_INDENT:
                return False
            return not _DIGIT.search(line.content.text) or bool(_DIGIT.search(following.content.text))
        return False

    def read_text(self, line: _Line) -> None:
        text = line.content.text
        if _PAGE_NUMBER.fullmatch(text):
            return  # "2", "- 2 -", "Page 2 of 5", "หน้า 2": a page's number in text copied from a PDF
        if self.objective is not None and line.label is None and _CAPTION.match(text):
            self.last = "ignored"  # "ตารางที่ ๑ ผลลัพธ์หลักและเกณฑ์…", "Table 1: Key results": a caption, never a title's rest
            return
        if self.awaiting_title and self.objective is not None:
            self.set_objective_title(line, line.content)
            return
        deeper = self.kr is not None and line.indent >= self.kr.indent + SUB_ITEM_INDENT
        if self.mode != "preamble" and not deeper and _is_notes_head(text):
            self.mode, self.kr, self.last = "other", None, None  # "_Comments from the review:_": remarks follow
            return
        if self.mode != "preamble" and _SECTION_HEAD.match(text) and len(text.split()) <= 4:
            if deeper:  # under one key result: only the deeper lines belong to the section
                self.last = "ignored"
            else:
                self.mode, self.kr, self.last = "other", None, None  # "Initiatives:" — what follows is not KRs
            return
        if self.mode == "key_results" and not deeper and self.kr is not None and self.ends_list(line):
            self.mode, self.kr, self.last = "other", None, None  # "Sales OKR examples", "FAQ", "Let me know if …"
            return
        if self.mode in ("key_results", "objective") and not deeper and self.objective is not None \
                and not self.awaiting_title and self.heads_another_part(line):
            # "What we're not doing this quarter", "Related posts", "ข่าวที่เกี่ยวข้อง" over a list after the key results,
            # "ส่วนที่ ๓ การติดตามและประเมินผล", "Appendix A": a section of the page, as a heading is in Markdown
            self.mode, self.kr, self.last = "other", None, None
            self.ends.append(_position(line.source.location))
            return
        if self.mode == "other" and not deeper and self.objective is not None and line.label is None \
                and len(text) <= 80 and _DOCUMENT_PART.match(" ".join(text.strip(" \t*_#").split())):
            self.ends.append(_position(line.source.location))  # "ภาคผนวก ก" after the notes: no table below is a KR
            self.last = None
            return
        if self.mode in ("key_results", "objective") and not deeper and self.objective is not None \
                and (self.previous_blank or self.kr is None or self.kr.unmarked or line.source.new_paragraph) \
                and bracketed_remark(text) and not _ALIGNMENT_LINE.match(text):
            # "(these are from the Dec dashboard, Marco is double-checking the 900)": a remark beside the list
            if not self.objective.key_results and not self.objective.table_seen:
                self.objective.description.append(text.strip())
            self.awaiting_title = False
            self.last = "ignored"
            return
        if self.mode == "key_results" and not deeper and (self.kr is None or self.kr.unmarked):
            self.add_key_result(line, line.content)  # key results written one a line, without markers
            self.kr.unmarked = True
            self.kr.after_blank = self.previous_blank
            return
        if (self.mode == "objective" and self.objective is not None and not deeper and not self.objective.table_seen
                and not self.awaiting_title
                and (not self.objective.key_results or self.objective.key_results[-1].unmarked)
                and (self.previous_blank or line.source.new_paragraph or self.last in ("objective", "kr"))
                and reads_as_measured_key_result(text)):
            # "Objective 1: Cooks stick with us" then "Raise day-7 retention from 22% to 30%" on a line of its own, no
            # marker (a Word paragraph, a deck's text box): a key result, not the title's next line nor its description
            self.add_key_result(line, line.content)
            self.kr.unmarked = True
            self.kr.after_blank = self.previous_blank
            return
        continues = (not self.previous_blank or deeper) and not line.source.new_paragraph
        if (self.mode == "objective" and self.objective is not None and not self.objective.key_results
                and not self.awaiting_title and _ALIGNMENT_LINE.match(text)):
            if not self.read_alignment_line(line):  # "Supports our mission": said of it, not part of its title
                self.objective.description.append(text)
                self.objective.unread_alignment.append((line.location_at(0), text))
                self.last = None
            return
        if continues and self.last == "objective" and self.objective is not None and not self.objective.from_heading:
            if _SENTENCE_OPENING.match(text) and len(self.lines[self.index - 1].content.text) < _SHORT_LINE \
                    and not _OPEN_ENDING.search(self.lines[self.index - 1].content.text):
                # "Objective 2: Families plan the week" then "We saw that …": a sentence about it, not a wrapped title
                self.objective.description.append(text)
                self.last = None
                return
            self.objective.title = self.continue_title(self.objective.title, self.objective.fields, line)
            self.take_wrapped_alignment(line)
            return
        if continues and self.last == "kr" and self.kr is not None:
            if not self.kr.title:  # "KR1:" with its text on the next line
                self.kr.location = line.location_at(0)
            self.kr.title = self.continue_title(self.kr.title, self.kr.fields, line)
            return
        if continues and self.last == "ignored":
            if self.mode == "preamble":  # "หน่วยงาน: กองคลัง" then "ปีงบประมาณ 2570" on the next line
                self.read_preamble_line(line)
            return
        if self.mode == "preamble":
            self.read_preamble_line(line)
            return
        if self.mode == "objective" and self.objective is not None and not self.objective.key_results:
            if not self.objective.table_seen:
                self.objective.description.append(text)
            self.last = None
            return
        self.last = None

    def ends_list(self, line: _Line) -> bool:
        """Whether a plain line after key results is where the list stops: a section's name or the page's furniture
        ("Sales OKR examples", "FAQ", "SALES", "คำถามที่พบบ่อย"), a word to the reader ("Let me know if …",
        "ขอบคุณครับ"), or, after a blank line in a list written without blank lines, a Title Case heading."""
        text = line.content.text
        if ends_key_result_list(text) or to_the_reader(text):
            return True
        if not self.previous_blank or self.kr is None:
            return False
        if title_case(text) and self.kr.unmarked and not self.kr.after_blank and not text.rstrip().endswith("."):
            return True  # "Team Commitments" after a list of plain lines
        # "I know it's a bit internal, so tell me if you want it cut.": a sentence to the reader, not a measure
        return bool(_TO_READER_PRONOUN.search(text)) and text.rstrip().endswith((".", "!")) and len(text.split()) >= 5

    def heads_another_part(self, line: _Line) -> bool:
        """Whether a plain line standing apart after an objective is the heading of another part of the document: a
        part of a report ("ส่วนที่ ๓ …", "บทที่ 4", "ภาคผนวก ข", "Appendix A", "Chapter 3"), or, after key results, a
        short line with no number and no final period right over a list of its own whose items mostly do not read as
        measured key results ("What we're not doing this quarter" over "- Expanding to Scotland", "ข่าวที่เกี่ยวข้อง").
        Key results grouped under a plain line of their own ("Retention" over "- Raise day-30 retention from 40% to
        50%") stay the objective's."""
        if line.label is not None:
            return False
        text = " ".join(line.content.text.strip(" \t*_#").split())
        if len(text) <= 80 and _DOCUMENT_PART.match(text) \
                and (self.previous_blank or line.source.new_paragraph or line.source.location.paragraph is not None
                     or (_ANNEX.match(text) and text.count("(") >= text.count(")"))):
            # "ภาคผนวก ก …" in Word, a paragraph of its own, or on a line of its own in text, never a wrapped line of the
            # key result above ("… ตามรายละเอียดใน" / "ภาคผนวก ก)" closes a bracket the line above opened)
            return True
        if not (self.previous_blank or line.source.new_paragraph):
            return False
        if len(text) <= 60 and _NOT_A_KR_GROUP.search(text) and self.objective is not None \
                and (self.objective.key_results or self.objective.table_seen):
            return True  # "Last quarter", "Risks", "Assumptions" over figures that are not this objective's targets
        if self.kr is None or not self.objective or not self.objective.key_results:
            return False
        if len(text) > 60 or len(text.split()) > 8 or text.endswith((".", ",", ";", "!")) or _DIGIT.search(text):
            return False
        following = self.lines[self.index + 1] if self.index + 1 < len(self.lines) else None
        if following is None or following.kind != ITEM or following.label is not None:
            return False
        items = []
        for below in self.lines[self.index + 1:]:
            if below.kind != ITEM:
                break
            if below.indent <= following.indent:
                items.append(below)
        measured = sum(_looks_measured(item.content.text) for item in items)
        return measured * 2 < len(items)

    def numbers_another_section(self, line: _Line) -> bool:
        """Whether a numbered line standing apart after an objective's key results (its list or its table) is the
        heading of the document's next section: "3. Risks and dependencies", "4. Next steps", "3. ความเสี่ยงและปัจจัยที่
        ต้องพึ่งพา" — a line that only names a part of a plan besides its OKRs, not a key result."""
        objective = self.objective
        if not line.layout.numbered or line.label is not None or self.mode not in ("key_results", "objective") \
                or objective is None or not (objective.key_results or objective.table_seen) \
                or not (self.previous_blank or line.source.new_paragraph):
            return False
        return names_a_section(line.content.text)

    def leaves_outline(self, line: _Line) -> bool:
        """Whether a numbered line leaves its objective's part of the document's numbered outline: objectives numbered
        under a chapter ("๓.๑ วัตถุประสงค์ที่ ๑", "๓.๒ …") with their key results numbered under them ("๓.๒.๑"), then
        "๔. การติดตามและรายงานผล" or "๔.๑ ทุกสายงานรายงานผล…" — the document's next chapter, whatever it is called,
        not a key result."""
        objective = self.objective
        if objective is None or len(objective.outline) < 2 or self.mode not in ("key_results", "objective"):
            return False
        depth = len(objective.outline)
        if not any(len(kr.outline) > depth and kr.outline[:depth] == objective.outline for kr in objective.key_results):
            return False
        number = _outline_number(line)
        if not number or number[0] <= objective.outline[0] or number[:depth - 1] == objective.outline[:-1]:
            return False  # the objective's own chapter, or notes numbered "1.", "2." under a key result
        if len(number) > 1:
            return True  # "๔.๑ ทุกสายงานรายงานผล…": a point of the next chapter
        # "๔." alone: the next chapter's heading when what follows is numbered under it ("๔.๑") or is no numbered line
        following = next((other for other in self.lines[self.index + 1:] if other.kind != BLANK), None)
        below = _outline_number(following) if following is not None else ()
        return below[:1] == number if below else not _DIGIT.search(line.content.text)

    def heads_next_objective(self, index: int, line: _Line) -> bool:
        """A numbered line standing apart right over an objective's label ("๒.๒ ด้านบริการสาธารณสุข" over "วัตถุประสงค์ที่
        ๒ …", "3.2 Customer service" over "Objective 4: …"): the heading of the plan's next section, not a key result
        of the objective above."""
        if not line.layout.numbered or not self.previous_blank or line.label is not None:
            return False
        text = line.content.text.strip()
        if len(text) > 60 or _DIGIT.search(text) or _looks_measured(text):
            return False
        following = self.lines[index + 1] if index + 1 < len(self.lines) else None
        return following is not None and following.label is not None and following.label.kind in (OBJECTIVE, STRATEGY)

    def read_alignment_line(self, line: _Line) -> bool:
        """"สอดคล้องกับวัตถุประสงค์ที่ 1 ของบริษัท", "(ตอบสนองยุทธศาสตร์ที่ ๒)", "Supports the council's objective 2" under an
        objective (its line or its heading): what it aligns to, not more of its title (a Thai line would be glued on
        without a space) nor its description. A strategy of a plan outside the OKRs ("ยุทธศาสตร์ที่ ๓") counts as
        aligned, to something okrlint cannot see. False when the line names nothing it can read."""
        assert self.objective is not None
        found = alignment_reference(line.content.text)
        if found is None:
            return False
        written, start, _ = found
        if "aligns_to" not in self.objective.fields.values:
            self.objective.fields.read("aligns_to", written, line.location_at(start))
        self.last = None
        return True

    def read_alignment_item(self, line: _Line) -> bool:
        """A line under an objective, a list item or a deck's bullet too, that only says what the objective
        supports ("- Supports CO1", "• Contributes to company objective 2", "→ CO1", "- สอดคล้องกับ CO1"): what it
        aligns to, before or after its key results, never a key result itself; the key results after it stay the
        objective's (a deck's bullets nested under it too). A line with a figure besides the reference ("Support
        CO1 launches in 3 markets") is left to be read as it was."""
        objective = self.objective
        if objective is None or self.mode not in ("objective", "key_results") or line.label is not None \
                or line.layout.quote or objective.table_seen:
            return False
        if self.kr is not None and line.indent >= self.kr.indent + SUB_ITEM_INDENT:
            return False  # under one key result: its note
        text = line.content.text
        found = alignment_statement(text)
        if found is None and line.kind == ITEM:  # "→ CO1", "-> CO1": the arrow read as the item's marker
            source = _MARKER_BEFORE_ARROW.sub("", line.source.text)
            if _ARROW_TO_REFERENCE.match(source):
                found = alignment_statement(source)
                if found is not None:
                    found = (found[0], 0, 0)
        if found is None:
            return False
        written, start, _ = found
        if "aligns_to" not in objective.fields.values:
            objective.fields.read("aligns_to", written, line.location_at(max(start, 0)))
        self.kr, self.last = None, None
        return True

    def read_initiatives(self, line: _Line) -> None:
        """"Initiatives:", "โครงการ/กิจกรรม:", "Projects: ERP rollout": the line and the list under it are the
        work planned for the objective, not key results, up to the next objective or key-result label."""
        self.awaiting_title = False
        self.last = "ignored"  # its wrapped lines are skipped with it
        if self.kr is not None and line.indent >= self.kr.indent + SUB_ITEM_INDENT:
            return  # under one key result: only the deeper lines are its initiatives
        head = line.content.text[:line.label.rest_start].strip(" \t*_:：-–—").casefold() if line.label else ""
        if self.objective is not None and not self.objective.key_results and not self.objective.table_seen \
                and (head in STRATEGIES_LABELS or head.rstrip("0123456789๐๑๒๓๔๕๖๗๘๙. ").removesuffix("ที่").strip()
                     in STRATEGIES_LABELS):
            self.objective.strategies = True
        if self.mode == "preamble":
            self.read_preamble_line(line)
        else:
            self.mode = "other"
        self.kr = None

    def read_note(self, line: _Line) -> None:
        """"Notes: budget approved ...", "หมายเหตุ: ...": part of an objective's description when it stands
        before the objective's key results, otherwise skipped; never a key result or part of a title."""
        if self.mode == "preamble":
            self.read_preamble_line(line)
        elif (self.mode == "objective" and self.objective is not None and not self.objective.key_results
              and not self.awaiting_title and not self.objective.table_seen):
            self.objective.description.append(line.content.text)
        self.last = "ignored"  # its wrapped lines are skipped with it

    # --- building ----------------------------------------------------------------------------
    def is_translation(self, line: _Line, label) -> bool:
        """A bilingual draft's objective again in the other language: the same number, right under the objective
        (nothing read in between) and in the other script."""
        current = self.objective
        if current is None or current.key_results or self.last != "objective" or label.number is None:
            return False
        if current.number != label.number or not current.title:
            return False
        return bool(_THAI.search(current.title)) != bool(_THAI.search(line.rest().text))

    def start_objective(self, line: _Line, title: Content) -> None:
        location = line.location_at(line.label.rest_start if line.label else 0)
        self.objective = _ObjectiveDraft("", location, self.new_fields(), number=line.label.number if line.label else None,
                                         from_heading=line.kind == HEADING,
                                         heading_level=line.layout.heading_level if line.kind == HEADING else 0,
                                         quoted=line.layout.quote, outline=_outline_number(line))
        self.objectives.append(self.objective)
        if line.label is not None and line.label.ident:  # "CO1 …": its code is its id, which "Aligns to: CO1" names
            self.objective.fields.read("id", line.label.ident, location)
            self.objective.coded = True
        self.kr = None
        self.mode = "objective"
        self.awaiting_title = not title.text  # "Objective:" alone: the title is on the next line
        if title.text:
            self.set_objective_title(line, title)
        self.last = "objective"

    def set_objective_title(self, line: _Line, title: Content) -> None:
        assert self.objective is not None
        title = _before_status(title)
        text, annotations = self.objective.fields.split_annotations(title, line)
        text, owner, _ = split_tracker_tail(text)
        text, aligned_to = split_trailing_alignment(without_trailing_status(text))
        self.objective.title = text
        self.objective.location = line.location_at(_index_in(line.content, title))
        for field, value, location in annotations:
            self.objective.fields.read(field, value, location)
        if owner is not None and "owner" not in self.objective.fields.values:
            self.objective.fields.read("owner", owner, self.objective.location)
        if aligned_to is not None:
            self.objective.fields.read("aligns_to", aligned_to, self.objective.location)
        self.awaiting_title = False
        self.last = "objective"

    def take_wrapped_alignment(self, line: _Line) -> None:
        """The reference closing an objective's title that wrapped onto its next line ("… ทุก" / "พื้นที่ (สอดคล้องกับ
        วัตถุประสงค์ที่ ๑ ขององค์กร)", "… (สอดคล้องกับวัตถุประสงค์ที่ ๔" / "ขององค์กร)"): what it aligns to, taken off the
        title as on its first line."""
        objective = self.objective
        if objective is None or "aligns_to" in objective.fields.values:
            return
        title, aligned_to = split_trailing_alignment(objective.title)
        if aligned_to is not None:
            objective.title = title
            objective.fields.read("aligns_to", aligned_to, line.location_at(0))

    def continue_title(self, title: str, fields: FieldReader, line: _Line) -> str:
        """A wrapped title line; an annotation that ends it (``(owner: Nok)``) is read as fields."""
        text, annotations = fields.split_annotations(line.content, line)
        for field, value, location in annotations:
            fields.read(field, value, location)
        return join_text(title, text)

    def ensure_objective(self, line: _Line) -> None:
        """Key results with no objective before them get one with an empty title, reported by a rule."""
        if self.objective is None:
            location = line.location_at(0)
            self.objective = _ObjectiveDraft("", location, self.new_fields())
            self.objectives.append(self.objective)
            self.awaiting_title = False

    def add_key_result(self, line: _Line, title: Content) -> None:
        assert self.objective is not None
        fields = self.new_fields()
        written = title
        title = _before_status(title)  # "... (owner: Sam) 🟡 at risk": the owner note is read once the status is off
        text, annotations = fields.split_annotations(title, line)
        text, owner, score, confidence = read_tracker_tail(text)
        cut = bare_progress_start(text)
        if cut is not None and self.closes_with_progress(line, text, cut, title is not written):
            # "✅ KR1: Launch the rider wallet on Android — 100%": the check-in's progress, not the target
            text, more_owner, more_score, more_confidence = read_tracker_tail(text[:cut].rstrip())
            owner, score, confidence = owner or more_owner, score or more_score, confidence or more_confidence
        if confidence is None and ("(" in text[-10:] or "[" in text[-10:]):  # "… to £18 (0.6)": its confidence
            if self.bracket_habit is None:
                self.bracket_habit = sum(ends_with_bracketed_confidence(other.content.text)
                                         for other in self.lines) >= 2
            text, confidence = split_bracketed_confidence(text, self.bracket_habit)
        text = without_trailing_status(text)
        location = line.location_at(_index_in(line.content, title) if title.text else 0)
        self.kr = _KRDraft(text, location, line.indent, fields, item=line.kind == ITEM, quoted=line.layout.quote,
                           outline=_outline_number(line))
        for field, value, where in annotations:
            fields.read(field, value, where)
        for field, value in (("owner", owner), ("score", score), ("confidence", confidence)):
            if value is not None and field not in fields.values:
                fields.read(field, value, location)
        self.objective.key_results.append(self.kr)
        self.awaiting_title = False
        self.last = "kr"

    def closes_with_progress(self, line: _Line, text: str, cut: int, status_after: bool) -> bool:
        """Whether the bare percentage after a dash closing a key result (``text[cut:]``, "— 45%") is a check-in's
        progress: a status mark opens the line or a status closes it ("✅ KR1: Launch the wallet — 100%", "… — 45%
        🟡"), the key result has its own change before it ("ลดเวลาถอนเงินจาก 2 วัน เหลือ 10 นาที — 45%"), or the draft's
        key results close so, in a column, and one of them is so marked or measured. Otherwise it may be the target
        ("Raise the share of orders paid by card — 40%", a list of "measure — target" lines)."""
        if status_after or _opens_with_status(line) or _own_change(text[:cut]):
            return True
        if self.progress_column is None:
            self.progress_column = _progress_column(self.lines)
        return self.progress_column

    def read_field(self, line: _Line, field: str) -> None:
        value = line.rest()
        if self.ends_coded_block(field):
            # the set's own fields (its overview slide): nothing of "CO3"'s, and its bullets are no key results of it
            self.objective, self.kr, self.mode = None, None, "other"
        if field == "unit" and self.objective is None:
            field = "team"  # "Unit: Claims" above the OKRs names the team; under a key result, what it counts
        elif field == "team" and self.objective is not None and "team" in self.set_fields.values:
            field = "owner"  # "ฝ่าย: ฝ่ายโยธา" among the OKRs: the division responsible for them, not the set's team
        location = line.location_at(line.label.rest_start if line.label else 0)
        reader = self.reader_for(line, field)
        self.awaiting_title = False
        if reader is None:
            self.last = "ignored"
            return
        if not value.text:
            self.pending = _PendingField(reader, field)
        else:
            # "Team: Growth   Period: Q3 2026", "ทีม: ขาย | ช่วงเวลา: ไตรมาส 1/2570", a slide's info bar "สอดคล้องกับ: CO1
            # ผู้รับผิดชอบ: กองเดินเรือ    ความมั่นใจ: 0.7    สถานะ: เขียว": several fields on a line, each read on its own
            start = line.label.rest_start if line.label else 0
            for part_field, part_text, offset in split_line_fields(field, value.text, set_line=field in SET_FIELDS):
                if part_field is None or not part_text.strip():
                    continue
                if part_field == field:
                    part_reader: FieldReader | None = reader
                else:
                    if part_field == "unit" and self.objective is None:
                        part_field = "team"
                    elif part_field == "team" and self.objective is not None and "team" in self.set_fields.values:
                        part_field = "owner"
                    part_reader = self.reader_for(line, part_field)
                    if reader is not self.set_fields and part_reader is not self.set_fields:
                        # the line speaks of what its first field does: an objective's info bar gives nothing to the
                        # key result above it, a key result's line nothing to its objective
                        part_reader = reader if part_field not in (
                            KEY_RESULT_FIELDS if self.objective is not None and reader is self.objective.fields
                            else OBJECTIVE_FIELDS) else None
                if part_reader is not None:
                    part_reader.read(part_field, part_text.strip(), location if offset == 0
                                     else line.location_at(start + offset))
        self.last = "ignored"  # a wrapped field value is not part of a title

    def ends_coded_block(self, field: str) -> bool:
        """Whether a set-level field ("ฝ่าย:", "Team:", "ระยะเวลา:", "Level:") ends the company's coded objectives a
        team's deck states first ("CO1 …" … "CO3 …" with their key results): after a title or section line that ended
        their list ("OKR ฝ่ายบริการผู้โดยสาร: ภาพรวม", "Our team's plan"), or as the first line naming the set's team,
        it opens the team's own part, so the owner and period lines after it are the set's, not the last code's."""
        current = self.objective
        if current is None or not current.coded or not current.key_results or field not in (*SET_FIELDS, "unit"):
            return False
        if self.mode == "other":
            return True
        return field in ("team", "unit") and "team" not in self.set_fields.values

    def reader_for(self, line: _Line, field: str) -> FieldReader | None:
        if field in SET_FIELDS:
            return self.set_fields
        if self.objective is None:  # before the first objective: the set's owner and default alignment
            return self.set_fields if field in ("owner", "aligns_to") else None
        if field in OBJECTIVE_FIELDS:
            return self.objective.fields
        if self.kr is None:
            if field == "depends_on":  # "Depends on: platform/o2" under the objective: its key results' (_build_objective)
                return self.objective.fields
            return None if field in KEY_RESULT_FIELDS else self.objective.fields
        if field in KEY_RESULT_FIELDS:
            return self.kr.fields
        # owner, id: the key result's when the line stands under it, otherwise the objective's
        under_kr = line.indent >= self.kr.indent + SUB_ITEM_INDENT or (not self.previous_blank and self.last in ("kr", "ignored"))
        under_kr = under_kr or (bool(self.toggles) and self.toggles[-1].kr is self.kr)  # in the key result's toggle
        if under_kr and line.indent < self.kr.indent + SUB_ITEM_INDENT and self.closes_list(line, field):
            under_kr = False  # "Owner: Jo (CPO)" under a slide's bullets, at the objective's indentation: the objective's
        return self.kr.fields if under_kr else self.objective.fields

    def closes_list(self, line: _Line, field: str) -> bool:
        """Whether a field line right under a list of key results written as items, not indented under the last one
        and not itself an item, speaks of the objective: no key result follows it, and no key result above has its
        own such line (a list that gives each key result its "Owner:" line below it is read as before)."""
        assert self.objective is not None and self.kr is not None
        if line.kind != TEXT or not self.kr.item or field in self.objective.fields.values:
            return False
        if any(field in kr.fields.values for kr in self.objective.key_results):
            return False
        for following in self.lines[self.index + 1:]:
            if following.label is not None and following.label.kind in (OBJECTIVE, SECTION, STRATEGY):
                return True
            if following.kind == HEADING:
                return True
            if following.kind == ITEM and following.indent < self.kr.indent + SUB_ITEM_INDENT:
                return False
            if following.label is not None and following.label.kind == KR_ITEM:
                return False
        return True

    def take_pending_value(self, line: _Line) -> bool:
        """Lines after "Aligns to:" (and other empty field labels) are its values, until a label or gap."""
        pending = self.pending
        assert pending is not None
        if line.label is not None or line.kind == HEADING or (self.previous_blank and line.kind != ITEM):
            return False
        if pending.field in ("aligns_to", "depends_on") and _reads_as_prose(line.content.text):
            return True  # "### Dependencies" over sentences about who owns what: notes, not references
        location = line.location_at(0)
        pending.reader.read(pending.field, line.content.text, location)
        if pending.field not in ("aligns_to", "depends_on"):
            self.pending = None
        return True

    def read_period_heading(self, line: _Line) -> None:
        """A section label and a period before the first objective ("## OKRs — H1 2027", "OKRs: Q3 2026"): the period
        of the objectives below, and a line of the preamble (the document's title when it comes first)."""
        self.read_preamble_line(line)
        if "period" not in self.set_fields.values:
            rest = line.rest()
            self.set_fields.read("period", rest.text.strip(" \t*_`."), line.location_at(line.label.rest_start))
        self.kr = None
        self.last = "ignored"

    def read_preamble_line(self, line: _Line) -> None:
        """A line before the first objective: its period, and on the document's first line (its title), or a short
        line right under it, a company-wide plan ("Acme company OKRs 2027", "OKR ระดับองค์กร ปีงบประมาณ 2570",
        "District-wide OKRs") sets the level."""
        first = not self.preamble_seen
        self.preamble_seen = True
        if (first or self.in_title or (line.kind == HEADING and not self.preamble_heading_seen)) \
                and "period" not in self.set_fields.values:
            # "OKR ฝ่ายการเงิน ม.ค.–มี.ค. 2570", "Support OKRs, Jan–Mar 2027": months with their year, in a title
            months = _TITLE_MONTH_RANGE.search(line.content.text)
            if months is not None and _is_known_period(months.group(0)):
                self.set_fields.read("period", months.group(0), line.location_at(months.start()))
        self.read_fiscal_year(line)
        if self.year_months is None and (stated := stated_year(line.content.text)) is not None:
            self.year_months = stated[0]  # "This plan covers the financial year 1 April 2026 to 31 March 2027."
        if self.memo_organisation is None:
            self.memo_organisation = memo_organisation(line.content.text)
        if first and line.content.text.strip(" \t*_#").startswith("บันทึกข้อความ"):
            self.memo_form = True
        elif self.memo_unit is None and line.label is None:
            self.memo_unit = memo_unit(line.content.text, self.memo_form)
        said = _ALIGNMENT_IN_PROSE.search(line.content.text) if "aligns_to" not in self.set_fields.values else None
        if said is not None:  # "ร่างนี้สอดคล้องกับวัตถุประสงค์ที่ ๔ ของโรงพยาบาล" above the OKRs: all of them
            reference = "ref" if said["ref"] else "th"
            self.set_fields.read("aligns_to", said[reference].strip(" ."), line.location_at(said.start(reference)))
            self.aligned_in_prose = True
        # "แผน OKR บริษัท ABC ประจำปี 2570": a year, in a title only — the first line, the lines right under it, or the
        # preamble's first heading (a letterhead's company name may stand above the document's heading)
        title_line = first or self.in_title or (line.kind == HEADING and not self.preamble_heading_seen)
        if title_line and "period" not in self.set_fields.values:
            year = _TITLE_YEAR.search(line.content.text)
            if year is not None:
                self.set_fields.read("period", year.group(0), line.location_at(year.start()))
        if self.preamble_year is None and "period" not in self.set_fields.values:
            named = _ANY_YEAR.search(line.content.text)
            if named is not None:
                self.preamble_year = (line.location_at(named.start()), named.group(0))
        if line.kind == HEADING:
            self.preamble_heading_seen = True
        if first:
            self.in_title = True
            if line.kind == HEADING:
                self.first_heading = line.content.text.strip()
            named_first = _NAME_BEFORE_DASH.match(line.content.text)
            self.first_line_name = named_first.group(1) if named_first else None
            letterhead = _LETTERHEAD.fullmatch(line.content.text.strip(" \t*_#"))
            self.letterhead = " ".join(letterhead.group(0).split()) if letterhead else None
        elif self.previous_blank:
            self.in_title = False  # the title's lines are behind: "Maple Valley School District" / "District OKRs"
        text = line.content.text
        # a short line right under the first, when that names no unit: "Harbour City Council" / "Council objectives"
        title = first or (self.in_title and (self.title_team is None or self.title_organisation) and len(text) <= 60 and len(text.split()) <= 10
                          and not text.rstrip().endswith(".") and _NOT_WHOLE_ORGANISATION.search(text) is None)
        if title and not first and self.title_team is None and self.first_line_name and _names_whole_organisation(text) \
                and _ORGANISATION_OKRS.search(text) is None:
            # "Northwind Ledger — Leadership Offsite" over "Company OKRs H1 2027": the organisation the title slide names,
            # not the event in the file's name
            self.title_team, self.title_organisation = self.first_line_name, True
        if title and "level" not in self.set_fields.values and _names_whole_organisation(text):
            # no location: a level read from a title is a guess, which org rules only trust once another set
            # aligns to this one (see OrgIndex.company_sets)
            self.set_fields.values["level"] = "company"
        elif title and "level" not in self.set_fields.values and _DEPARTMENT_TITLE.search(text):
            self.set_fields.values["level"] = "department"  # "แบบฟอร์มการจัดทำ OKR ระดับฝ่าย", "Department-level OKRs"
        elif title and "level" not in self.set_fields.values and (written := _level_in_title(text)) is not None:
            self.set_fields.values["level"] = written  # "OKR ระดับโรงพยาบาล", "OKR ระดับคณะ": as a `ระดับ:` line says
        team = _TITLE_TEAM.search(line.content.text) if first else None
        if team is not None:
            self.title_team = (team["team"] or team["named"] or team["unit"] or team["okr"]).strip()
        elif first and (named := _named_okrs(line.content.text)) is not None:
            self.title_team = named
        elif first and (organisation := _ORGANISATION_PLAN.search(line.content.text)) is not None \
                and default_team(self.filename).casefold() not in _COMPANY_FILE_NAMES:
            self.title_team = organisation["name"].strip()  # the organisation whose own plan it is
            self.title_organisation = True  # not a unit: "Organisation-wide objectives" under it still sets the level
        elif first and (organisation := _ORGANISATION_OKRS.search(line.content.text)) is not None \
                and _file_names_no_one(self.filename):
            self.title_team = organisation["name"].strip()  # "Acme — Company OKRs 2027" in "Q1 plan.md": Acme's
            self.title_organisation = True
        elif first and (company := _TITLE_COMPANY.search(line.content.text)) is not None \
                and default_team(self.filename).casefold() not in _COMPANY_FILE_NAMES:
            self.title_team = company["company"].strip()  # a post or chat message: the company, not the file's name
            if self.title_team in _BARE_COMPANY and (owner := _WHOSE_PLAN.search(line.content.text)) is not None:
                self.title_team = owner["name"]  # "เป้าหมายปี 2570 ของขายคล่อง: OKR บริษัท ปี 2570": the company's name

    def read_fiscal_year(self, line: _Line) -> None:
        text = line.content.text
        plan = _PLAN_YEARS.search(text)
        if plan and "period" not in self.set_fields.values and not _FISCAL_YEAR.search(text, 0, plan.start()):
            # "แผนปฏิบัติราชการระยะ ๓ ปี (พ.ศ. ๒๕๖๙ – ๒๕๗๑)": a plan over several years, linted for the current one
            # (a government plan's years are fiscal years)
            year = _plan_year(plan.group(1), plan.group(2), self.set_fields.options)
            unit = "ปีงบประมาณ" if _GOVERNMENT_PLAN.search(text) else "ปี"
            self.set_fields.read("period", f"{unit} {year}", line.location_at(plan.start()))
            return
        match = _FISCAL_YEAR.search(text)
        if match and "/" in match.group(0) and not _is_split_year(match.group(0)):
            match = None  # "Updated 12/03": a date, not a financial year such as 2027/28
        restated = _RESTATED_DATES.match(text, match.end()) if match else None
        if match and restated and self.bare_fiscal_year is not None \
                and self.bare_fiscal_year == (" ".join(match.group(0).split()).casefold(),
                                              self.set_fields.values.get("period")):
            # a running header's "Corporate Plan 2026/27" first, then "Corporate Plan 2026/27 (April to March)": the
            # months stated with the same year say when it runs
            del self.set_fields.values["period"]
        if match and "period" not in self.set_fields.values:
            found = match.group(0)
            if restated:  # "FY27 (July 1, 2026 – June 30, 2027)": the dates say when this fiscal year runs
                found += restated.group(0)
            span = _YEAR_RANGE.match(text, match.end())
            if span and found.startswith(("ปีงบประมาณ", "ปีบัญชี")):  # a multi-year plan: "ปีงบประมาณ 2569–2571"
                found = f"{found[:-4].strip()} {_plan_year(found[-4:], span.group(1), self.set_fields.options)}"
            self.set_fields.read("period", found, line.location_at(match.start()))
            if not restated and not span:
                self.bare_fiscal_year = (" ".join(found.split()).casefold(), self.set_fields.values.get("period"))

    def next_is_key_results(self, index: int) -> bool:
        for following in range(index + 1, len(self.lines)):
            line = self.lines[following]
            if line.kind == BLANK:
                continue
            return line.label is not None and line.label.kind in (KR_HEADER, KR_ITEM)
        return False


_NOTES_HEAD = regexcache.compile(
    r"(?i:notes?|comments?|remarks?|feedback|questions?|open\s+questions?|minutes|discussion|review\s+comments?)\b.{0,60}[:：]"
    r"|(?:หมายเหตุ|ข้อสังเกต|ข้อคิดเห็น|ความคิดเห็น|ความเห็น|ข้อเสนอแนะ)[^:：]{0,60}[:：]")
# "💬 Comments", "Comments (3)", "ความคิดเห็น", "Open questions": a block of remarks named by its word alone, as
# Notion and Confluence head it (no colon, often an emoji before it)
_NOTES_WORD = regexcache.compile(
    r"(?i:notes?|comments?|remarks?|feedback|open\s+questions?|questions?|discussion|review\s+comments?|q\s*&\s*a)"
    r"|หมายเหตุ|ข้อสังเกต|ข้อคิดเห็น|ความคิดเห็น|ความเห็น|ข้อเสนอแนะ|คำถาม|ข้อซักถาม")
_NOTES_WORD_ALONE = regexcache.compile(rf"(?:{_NOTES_WORD.pattern})\s*(?:[(（]\s*[0-9๐-๙]{{1,3}}\s*[)）])?\s*[:：]?")


def _is_notes_head(text: str) -> bool:
    """"_Comments from the Nov 25 review:_", "Notes from the planning session:", "ข้อคิดเห็นจากที่ประชุม:", "💬 Comments":
    a line that opens remarks on the OKRs; the list under it is what people said, not key results."""
    bare = text.strip("*_ \t")
    return (_NOTES_HEAD.fullmatch(bare) is not None and len(text.split()) <= 10) \
        or _NOTES_WORD_ALONE.fullmatch(bare) is not None


# "... from 46% to 65% — Kemi", "... — Raj & Tomasz", "... – คุณสมศรี", "... - ฝ่ายบริการลูกค้า": the person or unit
# responsible, written after a dash at the end of a key result
_NAME = (r"(?:[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]*\.?){0,2}"
         r"|(?:คุณ|นาย|นางสาว|นาง|ดร\.|ผศ\.|รศ\.|ศ\.|นพ\.|พญ\.|ทพ\.|ภก\.|ภญ\.)\s*[\u0e01-\u0e4e]+(?:\s+[\u0e01-\u0e4e.]+)?"
         r"|(?:ฝ่าย|กลุ่มงาน|งาน|ทีม|กอง|ศูนย์|สำนัก|แผนก)[\u0e01-\u0e4e]+)")
_DASHED_OWNER = regexcache.compile(
    rf"\s+[—–-]{{1,2}}\s+(?P<name>{_NAME}(?:\s*(?:/|&|,|and|และ)\s*{_NAME})?)\s*$")
_OWNER_TAIL = 200  # where a trailing owner is looked for: a title's end, not a run of spaces pasted from a PDF
# Capitalised words after a dash that are no one's name
_NOT_A_NAME = regexcache.compile(
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?"
    r"|sun(?:day)?|done|draft|new|stretch|optional|pending|tbc|tbd|ongoing|complete[d]?|committed|aspirational|moonshot"
    r"|global|europe|asia|africa|americas|online|offline|phase|pilot|baseline|target|yes|no)\b.*")


def _read_dashed_owners(parser: "_DraftParser") -> None:
    """Names after a dash at the end of key results ("... — Kemi"), when at least two key results of the draft end
    so and have no owner yet: a tracker's owner column written as text, read as their owners. One alone stays part
    of its title ("Open the new depot — Leeds")."""
    found = []
    for objective in parser.objectives:
        for kr in objective.key_results:
            match = _DASHED_OWNER.search(kr.title, max(0, len(kr.title) - _OWNER_TAIL))
            if match and match.start() > 0 and "owner" not in kr.fields.values and not _NOT_A_NAME.match(match["name"]):
                found.append((kr, match))
    if len(found) < 2:
        return
    for kr, match in found:
        kr.title = kr.title[: match.start()].rstrip()
        kr.fields.read("owner", match["name"], kr.location)


def _before_status(title: Content) -> Content:
    """``title`` without a tracker's status at its end."""
    end = status_start(title.text)
    if end == len(title.text):
        return title
    return Content(title.text[:end], title.offsets[:end]).stripped()


def _index_in(whole: Content, part: Content) -> int:
    """Index in ``whole`` where ``part`` (a tail of it) starts."""
    if not part.offsets:
        return len(whole.text)
    try:
        return whole.offsets.index(part.offsets[0])
    except ValueError:
        return 0


def join_text(before: str, after: str) -> str:
    """Join a wrapped line: with a space, except between two Thai characters (Thai wraps without one)."""
    before, after = before.rstrip(), after.strip()
    if not before:
        return after
    if not after:
        return before
    if _THAI.match(before[-1]) and _THAI.match(after[0]):
        return before + after
    return f"{before} {after}"


# --- the public entry point -------------------------------------------------------------------------
def parse_draft(
    lines: Sequence[DraftLine], filename: str, options: Mapping[str, Any], *, source_format: str = "draft",
    keep_empty: bool = False, outline: bool = True, set_aligns: list[str] | None = None,
    sections: list[tuple[int, str]] | None = None, chat: bool = False, table_starts: frozenset[int] = frozenset(),
    section_ends: list[int] | None = None,
) -> LoadResult:
    """Read the OKR set of a draft document from its lines (see the module docstring).

    With ``keep_empty`` a draft without objectives gives its set (team, period, owner...) with none,
    instead of an error: its OKRs may stand in a table. ``set_aligns``, when given, receives the references the
    set as a whole aligns to (front matter's ``aligns_to``, a ``สอดคล้องกับ:`` line above the OKRs), which hold for
    the objectives of its tables too. ``sections``, when given, receives where each line naming the set's team
    stands (its line or paragraph) with that team, after the team the document has without them (at -1).
    Headings that name teams or departments, each over its own objectives, make one set each (draft_sections);
    ``table_starts`` are the positions of the document's OKR tables, which count as objectives under a heading.
    ``section_ends``, when given, receives where a part of the document after an objective's key results begins
    ("๔. การติดตามและรายงานผล", "ภาคผนวก ก"): a table below it holds no key results of that objective.
    """
    from okrlint.load.draft_front_matter import read_front_matter
    from okrlint.load.draft_markup import example_sections

    lines = list(lines)
    if len(lines) > MAX_DRAFT_LINES:
        return LoadResult(errors=(_too_long(len(lines), "lines or paragraphs", filename),))
    example = example_sections(lines)  # a template's worked example: how to fill the form in, not the team's OKRs
    if example:
        lines = [line for index, line in enumerate(lines) if index not in example]
    if any("~~" in line.text for line in lines):  # words struck out of a line that stays ("from ~~30~~ 35 to 50")
        from okrlint.load.withdrawn import without_struck

        lines = [attrs.evolve(line, text=without_struck(line.text)) if "~~" in line.text else line for line in lines]
    minutes = _minutes(lines)
    if minutes:  # a meeting's minutes: its purpose ("วัตถุประสงค์: ติดตาม OKR…") and agenda are no objective and KRs
        first = attrs.evolve(lines[0].location, line=1, column=1)
        shown = ", ".join(f"'{mark}'" for mark in minutes)
        return LoadResult(errors=(InputError(f"no objectives found: meeting minutes ({shown}), not an OKR plan", first),))
    slides = _slides(lines)
    if isinstance(slides, str):  # a deck's agenda and timeline, no OKRs labelled on its slides
        first = attrs.evolve(lines[0].location, line=1, column=1)
        return LoadResult(errors=(InputError(f"no objectives found: a slide deck's text ({slides}), not an OKR plan",
                                             first),))
    lines = slides
    set_fields = FieldReader(filename, options)
    errors: list[InputError] = []
    body_start = read_front_matter(lines, set_fields, errors)
    parsed = _read_lines(lines[body_start:])
    from okrlint.load.draft_sections import team_sections

    split = team_sections(parsed, table_starts, _position) if not chat else []
    if not split and not chat:  # plain text: department lines ("Marketing OKR examples", "SALES") split it the same way
        from okrlint.load.draft_sections import plain_team_lines

        plain = plain_team_lines(parsed)
        if plain:
            promoted = [attrs.evolve(line, layout=attrs.evolve(line.layout, kind=HEADING, heading_level=1))
                        if index in plain else line for index, line in enumerate(parsed)]
            split = team_sections(promoted, table_starts, _position, plain)
            if split:
                parsed = promoted
    if split:
        return _parse_sections(parsed, split, filename, options, set_fields, errors, source_format=source_format,
                               keep_empty=keep_empty, set_aligns=set_aligns, sections=sections)
    parser = _DraftParser(parsed, filename, set_fields)
    parser.chat = chat
    parser.run()
    if section_ends is not None:
        section_ends.extend(parser.ends)
    if set_aligns is not None:
        set_aligns.extend(set_fields.values.get("aligns_to", ()))
    if sections is not None:
        sections.append((-1, parser.title_team if chat and parser.title_team
                         else _team_of_title_or_file(parser.title_team, filename, parser.first_heading,
                                                     _first_line(parser))))
        sections.extend((_position(location), team) for location, team in parser.team_lines if team)
    _read_dashed_owners(parser)
    if not parser.objectives and outline:
        _read_outline(parser, parsed)
        _read_dashed_owners(parser)  # a Notion toggle list: "- **Objective**" over "- Raise … — Ben Adeyemi"
    if not parser.objectives and not keep_empty:
        first = attrs.evolve(lines[0].location, line=1, column=1) if lines else Location(filename)
        errors.append(InputError(NO_OBJECTIVES, first))
        return LoadResult(errors=tuple(errors))
    if _defines_one_indicator(parser, lines):
        if keep_empty:  # the text beside tables: the tables decide
            return LoadResult(errors=tuple(errors))
        first = attrs.evolve(lines[0].location, line=1, column=1) if lines else Location(filename)
        return LoadResult(errors=(*errors, InputError(NO_OKRS_KPI_DEFINITION, first)))
    built = _build_set(parser, filename, source_format)
    return LoadResult(sets=(*_company_codes_apart(built), ), errors=tuple(errors),
                      notes=_unread_alignments(parser, built) + _unread_period(parser, built) + _not_okr_lists(parser))


_COMPANY_CODE = regexcache.compile(r"[CSK]O[0-9]{1,2}")  # as a line opening an objective writes them


def _company_codes_apart(built: OKRSet) -> tuple[OKRSet, ...]:
    """A team's deck or document that first states the company's objectives by their codes ("CO1 …", "CO2 …", each
    with its key results) and then its own: the coded ones are the company's set (level company, in the document's
    period), which the team's "สอดคล้องกับ: CO1" names; the team's set keeps its own objectives."""
    objectives = built.objectives
    coded = 0
    while coded < len(objectives) and objectives[coded].id and _COMPANY_CODE.fullmatch(objectives[coded].id):
        coded += 1
    if coded == 0 or coded == len(objectives) or built.level == "company" \
            or any(o.id and _COMPANY_CODE.fullmatch(o.id) for o in objectives[coded:]):
        return (built,)
    thai = sum(1 for o in objectives for ch in o.title if "\u0e01" <= ch <= "\u0e4e") > 0
    company = attrs.evolve(built, team="องค์กร" if thai else "Company", level="company", owner=None,
                           objectives=objectives[:coded], extras=(), problems=(),
                           field_locations={k: v for k, v in built.field_locations.items() if k == "period"})
    own = tuple(attrs.evolve(o, location=attrs.evolve(o.location, path=f"objectives[{index}]"))
                for index, o in enumerate(objectives[coded:]))
    return company, attrs.evolve(built, objectives=own)


def _parse_sections(parsed: list[_Line], split, filename: str, options: Mapping[str, Any], set_fields: FieldReader,
                    errors: list[InputError], *, source_format: str, keep_empty: bool, set_aligns: list[str] | None,
                    sections: list[tuple[int, str]] | None) -> LoadResult:
    """A document holding several teams' OKRs under their headings (draft_sections): the lines outside every
    team heading are the document's own set (its title gives the period the teams' sets inherit), each team or
    department heading's lines its set, named after the heading."""
    from okrlint.load.draft_sections import owner_of, team_name

    owners = [owner_of(index, split) for index in range(len(parsed))]
    document = _DraftParser([line for line, owner in zip(parsed, owners) if owner is None], filename, set_fields)
    document.run()
    _read_dashed_owners(document)
    document_set = _build_set(document, filename, source_format)
    inherited = {field: set_fields.values[field] for field in ("period", "language") if field in set_fields.values}
    if set_aligns is not None:
        set_aligns.extend(set_fields.values.get("aligns_to", ()))
    if sections is not None:
        sections.append((-1, document_set.team))
    built: list[OKRSet] = [document_set]
    notes = list(_unread_alignments(document, document_set))
    for section in split:
        fields = FieldReader(filename, options)
        part = _DraftParser([line for line, owner in zip(parsed, owners) if owner is section], filename, fields)
        part.preamble_seen = True  # its heading is no document title: a team's name, not a company's plan
        part.lines_read = 1
        part.run()
        _read_dashed_owners(part)
        for field, value in inherited.items():
            if field not in fields.values:
                fields.values[field] = value
                if field in set_fields.locations:
                    fields.locations[field] = set_fields.locations[field]
        level = fields.values.get("level") if "level" in fields.locations else section.level
        if "team" not in fields.values:
            fields.values["team"] = document_set.team if level == "company" else team_name(section.name)
        fields.values["level"] = level or "team"
        if sections is not None:
            sections.append((_position(parsed[section.start].source.location), str(fields.values["team"]).strip()))
        okr_set = _build_set(part, filename, source_format)
        if "level" not in fields.locations:  # read from the heading: a guess, as a title's level is
            okr_set = attrs.evolve(okr_set, field_locations={k: v for k, v in okr_set.field_locations.items()
                                                             if k != "level"})
        built.append(okr_set)
        notes.extend(_unread_alignments(part, okr_set))
    kept = tuple(s for s in built if s.objectives or keep_empty)
    if not any(s.objectives for s in kept) and not keep_empty:
        first = attrs.evolve(parsed[0].source.location, line=1, column=1) if parsed else Location(filename)
        return LoadResult(errors=(*errors, InputError(NO_OBJECTIVES, first)))
    return LoadResult(sets=kept, errors=tuple(errors), notes=tuple(notes))


def alignment_reference(text: str) -> tuple[str, int, int] | None:
    """What a line saying what an objective supports names ("Supports company objective 1", "สอดคล้องกับ CO1 และ
    CO3", "→ CO1", "(ตอบสนองยุทธศาสตร์ที่ ๒)"): (the reference as written, its start, its end), None when it names
    nothing okrlint can read."""
    arrow = _ARROW_TO_REFERENCE.match(text)
    said = None if arrow else _ALIGNMENT_IN_PROSE.search(text)
    strategy = None if arrow or said else _STRATEGY_REFERENCE.search(text)
    bare = None if arrow or said or strategy else _BARE_OBJECTIVE_AFTER_VERB.match(text)
    if arrow or said:
        found = arrow or said
        reference = "ref" if found["ref"] else "th"
        start, end = found.start(reference), found.end(reference)
        more = _MORE_REFERENCES.match(text, end)
        if more is not None:  # "Supports CO1 and CO3": both
            end = more.end()
        return reference_to_resolve(text[start:end].strip(" .")), start, end
    if strategy:
        return strategy.group(0), strategy.start(), strategy.end()
    if bare:  # "สอดคล้องกับวัตถุประสงค์ที่ 2": the objective of that number one level up
        return bare["ref"], bare.start("ref"), bare.end("ref")
    return None


def alignment_statement(text: str) -> tuple[str, int, int] | None:
    """``alignment_reference`` of a line that says nothing but what an objective supports: it opens with an
    alignment verb or an arrow, and has no figure besides the references it names ("Supports CO1", "Contributes
    to CO1 and CO2", "→ CO1"; not "Support CO1 launches in 3 markets")."""
    if not (_ALIGNMENT_LINE.match(text) or _ARROW_TO_REFERENCE.match(text)):
        return None
    found = alignment_reference(text)
    if found is None or _DIGIT.search(text[:found[1]] + text[found[2]:]):
        return None
    return found


def _unread_alignments(parser: _DraftParser, built: OKRSet) -> tuple[InputError, ...]:
    """A line under an objective that opens with an alignment verb ("สอดคล้องกับ …", "Supports …") but names nothing
    okrlint can read as an objective, when the objective aligns to nothing else: said on standard error, so that the
    author learns why the line they wrote did not count (it is kept as the objective's description)."""
    notes = []
    for draft, objective in zip(parser.objectives, built.objectives):
        if objective.aligns_to:
            continue
        for location, text in draft.unread_alignment[:1]:
            shown = text if len(text) <= 60 else text[:57].rstrip() + "..."
            numbered = _NUMBERED_OF_A_PLAN.search(text)
            if numbered is not None:  # "สอดคล้องกับวัตถุประสงค์ที่ 2 ของแผนพัฒนาจังหวัด": the number is there, not whose
                owner = " ".join((numbered["owner"] or numbered["owner_en"]).split()).strip(" .()（）")
                owner = owner if len(owner) <= 40 else owner[:37].rstrip() + "..."
                notes.append(InputError(
                    f"'{shown}' was not read as what the objective aligns to (the plan it names, '{owner}', is neither "
                    "the organisation nor a unit okrlint knows by that name): name the organisation's or the unit's "
                    "plan, e.g. 'Aligns to: company objective 1' or 'สอดคล้องกับ: วัตถุประสงค์ที่ 1 ขององค์กร'",
                    location))
                continue
            notes.append(InputError(
                f"'{shown}' was not read as what the objective aligns to (no objective id or number in it): write "
                "the objective's id after a label, e.g. 'Aligns to: co-o1' or 'สอดคล้องกับ: co-o1'", location))
    return tuple(notes)


# An objective named by its number and the plan it is of, in a line that was not read: "วัตถุประสงค์ที่ 2 ของแผนพัฒนา
# จังหวัด", "objective 2 of the Northstar plan"
_NUMBERED_OF_A_PLAN = regexcache.compile(
    r"(?:วัตถุประสงค์|เป้าประสงค์)(?:ที่|ข้อ(?:ที่)?)?\s*[0-9๐-๙]{1,2}\s*ของ\s*(?P<owner>[^\n]{2,})"
    r"|(?i:\b(?:objective|goal)\s*#?\s*\d{1,2}\s+(?:of|from)\s+(?:the\s+)?(?P<owner_en>[^\n]{2,}))")


def _not_okr_lists(parser: _DraftParser) -> tuple[InputError, ...]:
    """A list under a heading or line saying it holds no OKRs ("KPIs we track (not OKRs)"): said on standard
    error, so that the author sees why its items were not read as key results."""
    notes = []
    for location, text, items in parser.not_okrs:
        if items:
            shown = text if len(text) <= 60 else text[:57].rstrip() + "..."
            notes.append(InputError(f"the list under '{shown}' is not read as OKRs: the heading says it holds none",
                                    location))
    return tuple(notes)


NO_PERIOD_READ = "no period was read for this plan"


def _unread_period(parser: _DraftParser, built: OKRSet) -> tuple[InputError, ...]:
    """A plan read without a period although a line above its OKRs names a year ("บริษัท … จำกัด" then "แผน OKR …
    ประจำปี 2570" in a body line okrlint does not take for the title): said on standard error, since the rules that
    compare periods and due dates then skip the plan."""
    if built.period is not None or parser.preamble_year is None or not built.objectives:
        return ()
    from okrlint.engine import period_of_name

    if period_of_name(built.file, int(parser.set_fields.options.get("fiscal-year-start-month", 10))) is not None:
        return ()  # the file's name gives the period (engine._with_period_of_name): one was read after all
    location, year = parser.preamble_year
    return (InputError(f"{NO_PERIOD_READ}, although the text above the OKRs names the year '{year}': write it on a "
                       "line of its own, e.g. 'Period: 2027' or 'ช่วงเวลา: ปี 2570'", location),)


NO_OKRS_KPI_DEFINITION = ("no OKRs found: this is the definition of one indicator (its formula, scoring and data "
                          "source), not an OKR set")
_DEFINITION_LABEL = regexcache.compile(
    r"^\W*(?:สูตรการคำนวณ|วิธีการคำนวณ|เกณฑ์การให้คะแนน|เกณฑ์การประเมิน|คำอธิบายตัวชี้วัด|ผู้กำกับตัวชี้วัด|ผู้จัดเก็บข้อมูล"
    r"|วิธีการจัดเก็บข้อมูล|แหล่งข้อมูล|(?i:formula|calculation(?:\s+method)?|scoring(?:\s+criteria)?|data\s+source"
    r"|measurement\s+method|indicator\s+owner))\s*[:：]")


def _defines_one_indicator(parser: "_DraftParser", lines: list[DraftLine]) -> bool:
    """A KPI definition sheet (รายละเอียดตัวชี้วัด): one indicator and its formula, scoring and data source."""
    if len(parser.objectives) != 1 or len(parser.objectives[0].key_results) > 1:
        return False
    labels = {match.group(0) for line in lines if (match := _DEFINITION_LABEL.match(line.text))}
    return len(labels) >= 2


def _is_split_year(written: str) -> bool:
    from okrlint.text.periods import parse_period

    return parse_period(written).is_known


def _is_known_period(written: str) -> bool:
    """Whether a period written in a title is one okrlint reads ("ม.ค.–มี.ค. 2570"), not only a look-alike."""
    return _is_split_year(written)


_YEAR_RANGE = regexcache.compile(r"\s*[-–—]\s*([0-9๐-๙]{4})")
_PLAN_YEARS = regexcache.compile(r"พ\.\s?ศ\.\s*([0-9๐-๙]{4})\s*[-–—]\s*(?:พ\.\s?ศ\.\s*)?([0-9๐-๙]{4})")
_GOVERNMENT_PLAN = regexcache.compile(r"ราชการ|งบประมาณ|กระทรวง|กรม|จังหวัด|อำเภอ|เทศบาล|องค์การบริหารส่วน")


def _plan_year(first: str, last: str, options: Mapping[str, Any]) -> int:
    """The fiscal year a multi-year plan is linted for: the current one when the plan covers it, else its last."""
    from okrlint.text.periods import current_fiscal_year

    digits = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
    start, end = int(first.translate(digits)), int(last.translate(digits))
    current = current_fiscal_year(int(options.get("fiscal-year-start-month", 10))) + (543 if start > 2400 else 0)
    return current if start <= current <= end else end


def _slides(lines: list[DraftLine]) -> "list[DraftLine] | str":
    """A slide deck exported to text ("Slide 1", "สไลด์ที่ 2", "--- Slide 3 ---"): each slide's mark is a heading, so
    that a new slide ends the key results of the objective on the slide before (a "Timeline" slide's bullets are
    no key results). A deck that labels no objective or key result ("Objective 1:", "KR1:", "วัตถุประสงค์ที่ 1")
    is an agenda or a town hall's talk: its marks as written, shown in the message that it is no OKR plan."""
    from okrlint.load.draft_labels import KR_HEADER, KR_ITEM, OBJECTIVE, match_label
    from okrlint.load.draft_markup import slide_marks

    marks = slide_marks([line.text for line in lines])
    if not marks:
        return lines
    for index, line in enumerate(lines):
        content = line.text.strip().lstrip("#*_->•· \t").strip()
        label = match_label(content) if content and index not in marks else None
        if label is not None and label.kind in (OBJECTIVE, KR_HEADER, KR_ITEM):
            return [attrs.evolve(line, style="Heading 1", numbered=False, bullet=False) if index in marks else line
                    for index, line in enumerate(lines)]
    return ", ".join(f"'{mark}'" for mark in list(marks.values())[:3])


def _minutes(lines: Sequence[DraftLine]) -> list[str]:
    """The marks of meeting minutes (see draft_markup.minutes_marks), unless the document labels key results
    ("KR1:", "ผลลัพธ์หลักที่ 1", "Key results:"): the OKRs a planning meeting agreed on, written out as a plan."""
    from okrlint.load.draft_labels import KR_HEADER, KR_ITEM, match_label
    from okrlint.load.draft_markup import minutes_marks

    texts = [line.text for line in lines]
    marks = minutes_marks(texts)
    if not marks:
        return []
    for text in texts:
        content = text.strip().lstrip("#*_->•· \t").strip()
        label = match_label(content) if content else None
        if label is not None and label.kind in (KR_HEADER, KR_ITEM):
            return []
    return marks


_MEETING_WORDS = regexcache.compile(
    r"(?i)^\W*(?:(?:agenda|attendees|participants|minutes|action items|decisions|next steps|apologies)\b"
    r"|วาระ|ผู้เข้าร่วมประชุม|ผู้มาประชุม|มติที่ประชุม|รายงานการประชุม|บันทึกการประชุม)")
_OKR_WORDS = regexcache.compile(r"(?i)\bokrs?\b|\bobjectives?\b|\bgoals?\b|\bkey\s+results?\b|วัตถุประสงค์|เป้าประสงค์|ผลลัพธ์หลัก")


def _read_outline(parser: "_DraftParser", lines: list[_Line]) -> None:
    """A draft with no labels at all, only a nested list — objectives as top items, their key results
    indented under them (how many people jot OKRs down):

        - Developers ship without waiting on us
          - Cut median CI time from 24 min to 10 min

    Read so when a title or heading speaks of OKRs or most nested items carry a number; deeper items
    (notes, initiatives) are left out. Lines that are not list items are not read."""
    items = [line for line in lines if line.kind == ITEM and line.content.text.strip()]
    if len(items) < 2:
        return
    top = min(line.indent for line in items)
    groups: list[tuple[_Line, list[_Line]]] = []
    for line in items:
        if line.indent == top:
            groups.append((line, []))
        elif groups:
            groups[-1][1].append(line)
    groups = [(head, subs) for head, subs in groups if subs]
    if not groups:
        groups = _headings_over_lists(lines)
    if not groups:
        return
    if any(_MEETING_WORDS.search(line.content.text) for line in lines if line.kind in (HEADING, TEXT)):
        return  # minutes of a meeting: decisions and action items with sub-points, not objectives
    subs = [sub for _, below in groups for sub in below]
    named = any(_OKR_WORDS.search(line.content.text) for line in lines if line.kind in (HEADING, TEXT))
    numbered = sum(1 for sub in subs if any(ch.isdigit() for ch in sub.content.text))
    if not named and numbered * 2 < len(subs):
        return
    for head, below in groups:
        parser.start_objective(head, head.content)
        parser.mode = "key_results"
        level = min(sub.indent for sub in below)
        for sub in below:
            if sub.indent == level:
                parser.add_key_result(sub, sub.content)


# Headings over lists that are not objectives.
_NOT_OBJECTIVE_HEADING = regexcache.compile(
    r"(?i)^(?:notes?|background|context|summary|overview|risks?|initiatives?|projects?|actions?|tasks?|next steps"
    r"|open questions|questions|dependencies|appendix|links|resources|team|owners?|timeline|milestones|budget"
    r"|scope|in scope|out of scope|success criteria|deliverables|assumptions|constraints|stakeholders|approach"
    r"|governance|costs?|schedule|(?:project |our |the )?(?:objectives|goals|aims)"
    r"|หมายเหตุ|ความเสี่ยง|โครงการ|กิจกรรม|แผนงาน|งบประมาณ|ภาคผนวก|สรุป|บทนำ|ขอบเขต|หลักการและเหตุผล"
    r"|ผลที่คาดว่าจะได้รับ|ระยะเวลาดำเนินการ|ผู้มีส่วนได้ส่วนเสีย)(?![\w-])")
_SECTION_NUMBER = regexcache.compile(r"^\s*(?:[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*\.?|[A-Z]\.|[IVX]{1,4}\.)\s+")


def _section_heading(text: str) -> bool:
    """"Notes", "Risks & dependencies", "3. Scope", "โครงการสำคัญ": a short heading naming a section (or a list of
    objectives: "Project objectives"), not an objective."""
    text = _SECTION_NUMBER.sub("", text.strip().rstrip(":："))
    return bool(_NOT_OBJECTIVE_HEADING.match(text)) and len(text.split()) <= 3


# The name of a part of a plan besides its OKRs, and nothing else: "Risks and dependencies", "Next steps", "Risks,
# issues and mitigations", "Governance and reporting", "ความเสี่ยงและปัจจัยที่ต้องพึ่งพา", "ขั้นตอนต่อไป"
_SECTION_WORD = (r"(?:the\s+|our\s+|key\s+)?(?:risks?|issues|dependenc(?:y|ies)|assumptions?|constraints|mitigations?|blockers"
                 r"|next\s+steps|open\s+questions|questions|budget|costs?|resources|resourcing|timelines?|timescales"
                 r"|milestones|governance|reporting|monitoring|evaluation|appendix|appendices|annex(?:es)?|glossary"
                 r"|references|background|context|introduction|(?:executive\s+)?summary|overview|notes?"
                 r"|lessons(?:\s+learned|\s+learnt)?|approach|scope|stakeholders|recommendations?|conclusions?"
                 r"|decisions?(?:\s+required)?|asks|sign-?off|approvals?|contacts?)")
_SECTION_NAME = regexcache.compile(
    rf"(?i:{_SECTION_WORD}(?:\s*(?:,|and|&|/|\+|or)?\s*{_SECTION_WORD})*)"
    r"|(?:ความเสี่ยง|ปัจจัย(?:เสี่ยง|ที่ต้อง|(?:แห่ง)?ความสำเร็จ)|ข้อจำกัด|งบประมาณ|ภาคผนวก|เอกสารแนบ|หมายเหตุ|ขั้นตอน(?:ต่อไป|ถัดไป)"
    r"|ข้อเสนอแนะ|บทสรุป|ผู้รับผิดชอบ|(?:แผนงาน|โครงการ)\s*/?\s*(?:และ)?(?:โครงการ|กิจกรรม)|กลไก(?:การ)?ขับเคลื่อน"
    r"|การขับเคลื่อน|การนำแผน|การบริหารความเสี่ยง|การ(?:ติดตาม|กำกับ(?:ติดตาม|ดูแล)?)\s*(?:,|และ)?\s*(?:การ)?(?:ประเมินผล|รายงานผล|รายงาน)"
    r"|การ(?:ประเมิน|รายงาน)ผล)[\u0e01-\u0e4e ]{0,40}")
# A line's number in a numbered outline, as typed before its text: "๓.๑" of "๓.๑ วัตถุประสงค์ที่ ๑ …", "4." of "4. Next steps"
_OUTLINE_NUMBER = regexcache.compile(r"[ \t#*_>]*([0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2}){0,4})\.?\)?[ \t]+(?![0-9๐-๙])")


def _outline_number(line: _Line) -> tuple[int, ...]:
    """The line's outline number as typed ("๓.๒.๑ ลด…" → (3, 2, 1)); () when it has none (Word's own list numbers are
    not in the text)."""
    from okrlint.text.numbers import normalize_digits

    found = _OUTLINE_NUMBER.match(line.source.text)
    return tuple(int(part) for part in normalize_digits(found.group(1)).split(".")) if found else ()


def names_a_section(text: str) -> bool:
    """Whether a line (its number taken off) only names a part of a plan other than its key results: "Risks and
    dependencies", "Next steps", "ความเสี่ยงและปัจจัยที่ต้องพึ่งพา"."""
    text = " ".join(_SECTION_NUMBER.sub("", text.strip()).strip(" \t*_#:：").split())
    return 0 < len(text) <= 60 and _SECTION_NAME.fullmatch(text) is not None


def _headings_over_lists(lines: list[_Line]) -> list[tuple[_Line, list[_Line]]]:
    """Headings each followed by a list (no labels, no nesting): an objective and its key results, under
    the deepest heading level that has lists. Headings that name a section (Notes, Risks...) are not read."""
    groups: list[tuple[_Line, list[_Line]]] = []
    current: tuple[_Line, list[_Line]] | None = None
    for line in lines:
        if line.kind == HEADING:
            current = (line, [])
            groups.append(current)
        elif line.kind == ITEM and current is not None and line.content.text.strip():
            current[1].append(line)
    groups = [(head, items) for head, items in groups if items and not _section_heading(head.content.text)]
    if not groups:
        return []
    level = max(head.layout.heading_level for head, _ in groups)
    return [(head, items) for head, items in groups if head.layout.heading_level == level]


def _read_lines(lines: list[DraftLine]) -> list[_Line]:
    """Lay out and label every line; the inside of fenced code blocks is skipped, and an e-mail signature
    (from a ``-- `` line on) is left out."""
    result = []
    fence: str | None = None
    after_blank = True
    for line in lines:
        stripped = line.text.lstrip()
        if fence is None and _is_signature_delimiter(line, after_blank):
            break
        after_blank = not stripped.strip()
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            result.append(_Line(line, Layout(OTHER, 0, Content("", ())), None))
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        layout = layout_of(line)
        label = match_label(layout.content.text) if layout.kind in (HEADING, ITEM, TEXT) else None
        if label is None and layout.kind == TEXT:
            layout, label = _bracketed_field(layout)
        result.append(_Line(line, layout, label))
    return result


_BRACKETED = regexcache.compile(r"[(（\[]([^()（）\[\]]+)[)）\]]")


def _bracketed_field(layout: Layout) -> tuple[Layout, Label | None]:
    """A field line in brackets on its own, "(เชื่อมโยงกับ: hosp-o3)", "[Owner: Dao]": read as the field it names."""
    content = layout.content
    match = _BRACKETED.fullmatch(content.text)
    if match is None:
        return layout, None
    inner = content.tail(1)
    inner = attrs.evolve(inner, text=inner.text[:-1], offsets=inner.offsets[:-1]).stripped()
    label = match_label(inner.text, whole_line_may_be_label=False)
    if label is None or label.kind != FIELD or label.rest_start >= len(inner.text):
        return layout, None
    return attrs.evolve(layout, content=inner), label


def _is_signature_delimiter(line: DraftLine, after_blank: bool) -> bool:
    """``--`` or ``-- `` alone on a line: the standard e-mail signature delimiter; what follows is the signature.

    In Markdown, ``--`` right under a line of text underlines a heading (Setext), so there it must follow a
    blank line.
    """
    return line.text.rstrip(" \t") == "--" and (after_blank or not line.markdown)


def _build_set(parser: _DraftParser, filename: str, source_format: str) -> OKRSet:
    set_fields = parser.set_fields
    values = set_fields.values
    team = (values.get("team") or "").strip()
    if not team:
        team = parser.title_team if parser.chat and parser.title_team \
            else _team_of_title_or_file(parser.title_team, filename, parser.first_heading, _first_line(parser))
        if parser.memo_unit and not parser.title_team:
            team = parser.memo_unit  # "หน่วยงาน  สายงานบริการลูกค้า  โทร. …" of a memo, not the file's name ("ขอส่ง OKR …")
        if (values.get("level") or "").strip().lower() == "company":
            team = _without_level_word(team)
            if parser.letterhead and not parser.title_team and (
                    team.casefold() in _COMPANY_FILE_NAMES or _file_names_no_one(filename)
                    or all(_FILE_NAME_NOISE.fullmatch(word) for word in _FILE_NAME_SPLIT.split(team) if word)):
                team = parser.letterhead  # a memo on its letterhead named only "แผน OKR บริษัท ปี 2570": whose company
            elif parser.memo_organisation and not parser.title_team and team in (default_team(filename), parser.memo_unit) \
                    and _level_of_unit(team) != "company":
                # a memo ("บันทึกข้อความ ปลัด อบจ. แจ้ง OKR ระดับองค์กร.docx") whose ส่วนราชการ names the organisation
                team = parser.memo_organisation
    default_aligns = values.get("aligns_to", ())
    if parser.aligned_in_prose and any(_aligns_itself(draft) for draft in parser.objectives):
        # "These OKRs support the Trust's Objective 1 and Objective 3." over objectives that say what each supports: a
        # summary of theirs, not the alignment of the one that says nothing
        default_aligns = ()
    period = _period_in_stated_months(values.get("period"), parser)
    objectives = []
    for index, draft in enumerate(parser.objectives):
        objectives.append(_build_objective(draft, index, team, default_aligns))
    return settle_month_day_dues(OKRSet(
        team=team,
        file=filename,
        location=Location(filename, 1, 1),
        objectives=tuple(objectives),
        level=(values.get("level") or _level_of_unit(team)).strip().lower(),
        period=period,
        owner=values.get("owner"),
        language=values.get("language"),
        source_format=source_format,
        extras=tuple(set_fields.extras),
        problems=tuple(set_fields.problems),
        field_locations=dict(set_fields.locations),
    ))


def _period_in_stated_months(period, parser: _DraftParser):
    """A fiscal year written without its months ("Period: FY2026/27", "Service Plan 2026/27") read in the months a
    sentence above the OKRs gives the organisation's year ("This plan covers the financial year 1 April 2026 to 31 March
    2027", "ปีงบประมาณของบริษัทเริ่ม 1 เม.ย. 2569 ถึง 31 มี.ค. 2570"), not by the fiscal-year-start-month setting."""
    start_month = int(parser.set_fields.options.get("fiscal-year-start-month", 10))
    if parser.year_months is None or parser.year_months == start_month or not read_by_setting(period, start_month):
        return period
    return with_start_month(period, parser.year_months) or period


# a team named by a department's unit word ("ฝ่ายบริการผู้โดยสาร", "กองคลัง", "สำนักปลัด", "Finance Department",
# "Division of Operations") is a department when no "ระดับ:" / "Level:" line says otherwise; "กองทุน" (a fund),
# "กองทัพ" (an army), "สำนักงาน…" (often a whole agency), "Department of Health" (a ministry) are not. A state
# enterprise's or a bank's line of business ("สายงานปฏิบัติการ", above its ฝ่าย) and a ministry's "กลุ่มภารกิจ" are
# department-level units too: the levels are three, and a ฝ่าย aligning to its สายงาน aligns within that level
_DEPARTMENT_UNIT = regexcache.compile(
    r"^(?:ฝ่าย(?!บริหาร$)|กอง(?!ทุน|ทัพ|บัญชาการ|งาน)|สำนัก(?!งาน)|สายงาน|กลุ่มภารกิจ)[\u0e01-\u0e4e]"
    r"|(?i:\bdivision\b|\b(?:department|dept\.?)$)")


# A team named as a whole organisation, by its kind and its name: "มหาวิทยาลัยศรีวารินทร์", "รพ.ศรีนครธารา",
# "บริษัท สยามพาร์ท จำกัด", "กรมการแพทย์", "Northfield University", "Riverside Hospital", "Acme Widgets Ltd". Not a
# unit named with its organisation ("คณะวิทยาศาสตร์ มหาวิทยาลัยศรีวารินทร์", "มหาวิทยาลัยศรีวารินทร์ วิทยาเขตสกลนคร",
# "Faculty of Engineering, Northfield University"), nor a kind that is as often a unit of another body (โรงเรียน, สถาบัน,
# วิทยาลัย, School, College; a รพ.สต. of a district's health network). A state enterprise, a state bank or a public
# organisation ("การไฟฟ้าชุมชนแห่งชาติ (กฟช.)", "การประปาส่วนภูมิภาค", "องค์การเภสัชกรรม", "ธนาคารออมสิน") is one too.
_ORGANISATION_NAMED = regexcache.compile(
    r"^(?:[0-9๐-๙]{1,3}[\s._-]*)?(?:(?i:OKRs?)[\s_]*)?(?:ภาพรวม\s*)?(?:มหาวิทยาลัย|โรงพยาบาล(?!ส่งเสริมสุขภาพ)|บริษัท|ห้างหุ้นส่วน|กรม|กระทรวง|เทศบาล|องค์การบริหารส่วน"
    r"|จังหวัด|สำนักงานจังหวัด|ศาลากลาง|" + TH_STATE_ENTERPRISES + ")"
    r"(?!.*\s(?:คณะ|กอง|สำนัก|ฝ่าย|สายงาน|กลุ่มงาน|ศูนย์|แผนก|ภาควิชา|สาขา|หน่วย|งาน|วิทยาเขต|ทีม))"
    r"|^(?!.*(?i:\b(?:faculty|school|department|dept|division|directorate|office|unit|team|campus|ward|service)\b))"
    r"(?:[A-Z][\w&'’.-]*[\s,]+){1,5}(?i:University|Hospital|Inc\.?|Ltd\.?|Limited|LLC|PLC|Corporation|Corp\.?|GmbH)$"
    r"|^(?!.*(?i:\b(?:faculty|school|department|dept|division|directorate|office|unit|team|campus|ward|service)\b))"
    r"(?:University|Hospital)\s+of\s+[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}$")


def _level_of_unit(team: str) -> str:
    """The level a team's name says when no `ระดับ:` / `Level:` line and no title does: a department's unit word
    ("กองคลัง") the department level; an organisation's own name ("มหาวิทยาลัยศรีวารินทร์", "Northfield University")
    the company level, a guess the org rules trust only once another set aligns to it or names the organisation's
    objectives ("ของมหาวิทยาลัย", "university objective 6"; see OrgIndex.company_sets); else the team level."""
    from okrlint.load.draft_alignment import expand_abbreviations

    name = " ".join(team.split())
    if _DEPARTMENT_UNIT.search(name):
        return "department"
    return "company" if _ORGANISATION_NAMED.search(expand_abbreviations(name)) else "team"


def _aligns_itself(draft) -> bool:
    """Whether a draft objective says what it supports, in a field or in its description's prose."""
    return bool(draft.fields.values.get("aligns_to")) or (
        bool(draft.description) and _ALIGNMENT_IN_PROSE.search(" ".join(draft.description)) is not None)


def _build_objective(draft: _ObjectiveDraft, index: int, team: str, default_aligns: tuple[str, ...]) -> Objective:
    values = draft.fields.values
    path = f"objectives[{index}]"
    uid = values.get("id") or f"{team}/o{index + 1}"
    key_results = tuple(
        _build_key_result(kr, f"{path}.key_results[{kr_index}]", f"{uid}/kr{kr_index + 1}")
        for kr_index, kr in enumerate(draft.key_results)
    )
    depends_on = tuple(values.get("depends_on", ()))
    if depends_on and key_results:
        # "Depends on:" written under the objective, before its key results: what the objective needs from other
        # teams. Dependencies are a key result's field, so the first key result carries it (once: a reference
        # checked, and a team depended on, once), at the line where it was written.
        first = key_results[0]
        merged = tuple(dict.fromkeys((*first.depends_on, *depends_on)))
        locations = dict(first.field_locations)
        if "depends_on" in draft.fields.locations:
            locations.setdefault("depends_on", draft.fields.locations["depends_on"])
        key_results = (attrs.evolve(first, depends_on=merged, field_locations=locations), *key_results[1:])
    description = " ".join(draft.description) or values.get("description")
    aligns_to = values.get("aligns_to", default_aligns)
    if not aligns_to and description:  # "This supports company objective 1.", "สนับสนุนวัตถุประสงค์ที่ 2 ขององค์กร"
        said = _ALIGNMENT_IN_PROSE.search(description)
        aligns_to = (reference_to_resolve((said["ref"] or said["th"]).strip(" .")),) if said else ()
    return Objective(
        uid=uid,
        id=values.get("id"),
        title=_clean(draft.title),
        location=attrs.evolve(draft.location, path=path),
        description=description,
        owner=values.get("owner"),
        type=values.get("type"),
        aligns_to=aligns_to,
        key_results=key_results,
        extras=tuple(draft.fields.extras),
        problems=tuple(draft.fields.problems),
        field_locations=dict(draft.fields.locations),
    )


def _build_key_result(draft: _KRDraft, path: str, uid: str) -> KeyResult:
    values = draft.fields.values
    return KeyResult(
        uid=values.get("id") or uid,
        id=values.get("id"),
        title=_clean(draft.title),
        location=attrs.evolve(draft.location, path=path),
        **key_result_values(values),
        extras=tuple(draft.fields.extras),
        problems=tuple(draft.fields.problems),
        field_locations=dict(draft.fields.locations),
    )


def _clean(title: str) -> str:
    title = " ".join(title.split())
    return "" if _TEMPLATE_SLOT.fullmatch(title) else title


# "[Objective]", "[Key result 2]", "<your objective here>": a template's slot left unfilled is no title
_TEMPLATE_SLOT = regexcache.compile(
    r"[\[<{]\s*(?i:(?:your\s+|the\s+|an?\s+)?(?:objective|key\s+result|kr|goal|title|description|metric|outcome"
    r"|วัตถุประสงค์|ผลลัพธ์หลัก|ตัวชี้วัด)(?:\s*#?\s*[0-9๐-๙]{1,2}(?:\.[0-9]{1,2})?)?(?:\s+(?:here|title|name))?)\s*[\]>}]")


def _named_okrs(title: str) -> str | None:
    """The name before "OKRs" in a title ("Sales OKRs Q2 2027" -> "Sales"), without the words that name no
    one ("Q2 2027 OKRs", "Draft OKRs", "Company OKRs": the company level is read elsewhere)."""
    match = _TITLE_NAMED_OKRS.search(title)
    if match is None:
        return None
    words = [word for word in (match["name"] or match["dashed"]).split() if not _FILE_NAME_NOISE.fullmatch(word)]
    while words and words[0].casefold() in _NOT_A_NAME_BEFORE_OKRS | _NOT_A_TEAM_NAME:
        words.pop(0)
    if not words or any(word.casefold() in _NOT_A_NAME_BEFORE_OKRS for word in words):
        return None
    return " ".join(words)


# A Thai official memo's (บันทึกข้อความ) first field: "ส่วนราชการ  สำนักปลัดองค์การบริหารส่วนจังหวัดศรีนคราภิรมย์  โทร. …"
_MEMO_UNIT = regexcache.compile(r"\s*ส่วนราชการ\s*[:：]?\s*(?P<unit>[\u0e01-\u0e4e][^\t\n]*?)(?=\s{2,}|\s*\t|\s+โทร|\s*$)")
# The organisation in it, after its unit's words: an อบจ., อบต., เทศบาล, กรม, กระทรวง, university, hospital, province
_ORGANISATION_IN_UNIT = regexcache.compile(
    r"(?:(?<=^)|(?<=\s)|(?<=ปลัด)|(?<=เลขานุการ))"
    r"(?:องค์การบริหารส่วน(?:จังหวัด|ตำบล)|เทศบาล(?:นคร|เมือง|ตำบล)|กรุงเทพมหานคร|มหาวิทยาลัย|โรงพยาบาล(?!ส่งเสริมสุขภาพ)"
    r"|กรม|กระทรวง|จังหวัด|" + TH_STATE_ENTERPRISES + r")[\u0e01-\u0e4e]*")


# A memo's unit as the บันทึกข้อความ form prints it, with no colon: "หน่วยงาน  สายงานบริการลูกค้า  โทร. ๐ ๒๑๒๓ ๔๕๖๗",
# "ส่วนราชการ กองคลัง สำนักปลัด โทร ๑๒๓๔"
_MEMO_UNIT_FIELD = regexcache.compile(r"\s*(?:ส่วนราชการ|หน่วยงาน)(?P<gap>[ \t\u00a0]+)(?P<unit>[\u0e01-\u0e4e][^\n]*)")
_WIDE_GAP = regexcache.compile(r"[ \u00a0]{2,}|\t")
_MEMO_NEXT_FIELD = regexcache.compile(r"\s+(?:ที่|วันที่)\s")  # "ส่วนราชการ กองคลัง ที่ มท ๐๘๐๘/๑๒๓": the memo's number


def memo_unit(text: str, memo: bool) -> str | None:
    """The unit a memo's "หน่วยงาน" or "ส่วนราชการ" line names without a colon, up to its phone number, a wide gap or the
    form's next field ("ที่", "วันที่"): on a memo (its first line "บันทึกข้อความ"), or with the form's wide gap after the
    label anywhere; None for other lines ("หน่วยงานของเรามุ่ง…")."""
    from okrlint.load.draft_fields import _first_phrase

    found = _MEMO_UNIT_FIELD.match(text)
    if found is None or not (memo or _WIDE_GAP.search(found["gap"])):
        return None
    unit = _first_phrase(_MEMO_NEXT_FIELD.split(_WIDE_GAP.split(found["unit"].strip())[0])[0]).strip()
    return unit if 2 <= len(unit) <= 60 else None


def memo_organisation(text: str) -> str | None:
    """The organisation a memo's "ส่วนราชการ" line names, when it names one ("สำนักปลัดเทศบาลนครศรีวาริน" →
    "เทศบาลนครศรีวาริน"), else None."""
    unit = _MEMO_UNIT.match(text)
    if unit is None:
        return None
    organisation = _ORGANISATION_IN_UNIT.search(unit["unit"])
    return organisation.group(0) if organisation is not None and len(organisation.group(0)) > 8 else None


def _team_of_title_or_file(title_team: str | None, filename: str, first_heading: str | None = None,
                           first_line: str | None = None) -> str:
    """The team the title names ("Growth Team — Q3 OKRs" in q3-draft.md), unless the file is named after it.
    A file whose name and folder name no one ("README.md", "index.md", "draft.md" given without a folder) is
    the team its first heading names, when that heading is a bare name ("# Customer Success"). A file whose name
    names only a document ("Board paper 7.2 - Annual Plan and OKRs 2026-27 v4 FINAL.docx", "Annual Plan 2026-27.md")
    is the organisation its first line names, when that line is an organisation's name and nothing else
    ("Severnmoor Community Health NHS Trust"); so is a file named by that organisation's initials or name ("แผน กฟช
    2570.docx" whose first line is "การไฟฟ้าชุมชนแห่งชาติ (กฟช.)")."""
    from okrlint.org import abbreviates, team_key

    from_file = default_team(filename)
    if title_team is None and first_line and (organisation := _organisation_line(first_line)) is not None:
        initials = _ORGANISATION_INITIALS.search(organisation)
        if _file_names_no_one(filename) or team_key(from_file) == team_key(organisation) or (
                initials is not None and team_key(from_file) == team_key(initials["initials"])) \
                or abbreviates(team_key(from_file), organisation):
            return organisation
    if title_team is None:
        if from_file.casefold() in _NOT_A_TEAM_NAME and first_heading and _BARE_NAME.fullmatch(first_heading) \
                and not any(word.casefold() in _NOT_A_TEAM_NAME or _FILE_NAME_NOISE.fullmatch(word)
                            for word in first_heading.split()):
            return first_heading
        return from_file
    if team_key(title_team) in team_key(from_file) and not _only_team_words_besides(from_file, title_team):
        # "sales.md" titled "Sales team OKRs": the file's spelling, as before; "sales-emea.md" titled "Sales OKRs":
        # the file names which sales team
        return from_file
    # a file name that adds only team words or its owner's title to the title's team ("[LINE] แชทในกลุ่ม
    # ทีมงานสาขาเชียงราย.txt" whose message is "OKR สาขาเชียงราย …", "CMO Marketing Plan H1 2027.docx" titled
    # "Marketing — H1 2027 OKRs"), or names something else: the title's name
    return title_team


def _first_line(parser: _DraftParser) -> str | None:
    """The document's first line of text (a heading or not), as written."""
    return next((line.content.text.strip() for line in parser.lines if line.kind in (TEXT, HEADING)), None)


# An organisation's name alone on a line: capitalised words ending in the kind of body it is ("Severnmoor Community
# Health NHS Trust", "Harbour City Council", "Northfield University", "Acme Widgets Ltd", "London Ambulance Service")
_ORGANISATION_LINE = regexcache.compile(
    r"(?:The\s+)?[A-Z][\w&'’.-]*(?:,?\s+(?:[A-Z][\w&'’.-]*|&|and|of|for|on|upon|the|de)){0,7},?\s+"
    r"(?:(?:NHS\s+)?(?:Foundation\s+)?Trust|Council|University|Hospitals?|Authority|Agency|Ministry|Commission"
    r"|Foundation|Association|Society|Charity|Group|Company|Corporation|Corp\.?|Partnership|District|College|Institute"
    r"|Academy|Board|Bank|Co-?operative|Federation|Service|Services|Co\.,?\s*Ltd\.?|Inc\.?|Ltd\.?|Limited|PLC|plc|LLC"
    r"|LLP|GmbH)")


# A Thai organisation's name alone on a line, its initials in brackets after it or not: "การไฟฟ้าชุมชนแห่งชาติ (กฟช.)",
# "องค์การเภสัชกรรม", "ธนาคารออมสิน (ธ.ออมสิน)", "มหาวิทยาลัยศรีวารินทร์", "กรมการแพทย์"
_TH_ORGANISATION_LINE = regexcache.compile(
    r"(?:มหาวิทยาลัย|กรม|กระทรวง|เทศบาล|องค์การบริหารส่วน|" + TH_STATE_ENTERPRISES + r")[\u0e01-\u0e4e]*"
    r"(?:\s*[(（]องค์การมหาชน[)）])?(?P<initials>\s*[(（][\u0e01-\u0e4e.\s]{2,12}[)）])?")
_ORGANISATION_INITIALS = regexcache.compile(r"[(（](?P<initials>[\u0e01-\u0e4e.\s]{2,12})[)）]\s*$")


def _organisation_line(text: str) -> str | None:
    """An organisation's name when a line is that and nothing else (see _ORGANISATION_LINE; a Thai letterhead's
    "บริษัท … จำกัด", and a Thai organisation's name with its initials, "การไฟฟ้าชุมชนแห่งชาติ (กฟช.)", too), else None."""
    text = " ".join(text.strip(" \t*_#").split())
    if len(text) > 80 or _DIGIT.search(text):
        return None
    if _ORGANISATION_LINE.fullmatch(text) or _LETTERHEAD.fullmatch(text) or _TH_ORGANISATION_LINE.fullmatch(text):
        return text
    return None


# A heading that is only a name: one to four capitalised words ("Customer Success", "R&D", "Platform Engineering")
# or Thai words ("ฝ่ายบริการลูกค้า"), no digits, no sentence
_BARE_NAME = regexcache.compile(
    r"(?:[A-Z][\w&'’.-]*|[\u0e01-\u0e4e]+)(?:\s+(?:[A-Z][\w&'’.-]*|&|and|of|[\u0e01-\u0e4e]+)){0,3}(?<![.:])")


# Words a file name carries around a team's own name that say only that it is a team or whose plan it is
# ("ทีมงานสาขาเชียงราย", "Sales team", "CMO Marketing", "Head of Support"): beside them the title's plainer name is
# the team's. A region or a sub-team ("sales-emea", "Marketing Brand") is not among them: it tells teams apart.
_TEAM_WORDS_ONLY = regexcache.compile(
    r"(?:ทีมงาน|ทีม|กลุ่ม|เจ้าหน้าที่|พนักงาน|หัวหน้า|ผู้อำนวยการ|ผอ\.|ผู้จัดการ|ผจก\.|รอง"
    r"|(?i:team|teams|staff|group|crew|squad|c[emtfoprsi]o|ciso|cro|svp|evp|vp|head|of|director|manager|lead|gm)(?![a-z])"
    r"|[\s\-–—_.,&'’])*")


# "Routewise Company", "Harbourline Corporate", "บริษัท สยามพาร์ท": a company-level plan's name with the level word
_LEVEL_WORD_AROUND = regexcache.compile(
    r"^\s*(?P<name>.+?)\s+(?i:company(?:-wide)?|corporate|organi[sz]ation(?:-wide)?|org(?:-wide)?)\s*$"
    r"|^\s*(?i:company|corporate)\s+(?P<after>.+?)\s*$")


def _without_level_word(team: str) -> str:
    """A company-level set's name, read from its title or file name, without the level word beside the
    organisation's own name ("Routewise Company OKRs 2027.md" is Routewise's plan; "Company" is its level)."""
    match = _LEVEL_WORD_AROUND.match(team)
    if match is None:
        return team
    return (match["name"] or match["after"]).strip(" -–—_")


def _only_team_words_besides(from_file: str, title_team: str) -> bool:
    """Whether the file's name is the title's team with nothing but team or owner words around it."""
    file_name, name = " ".join(from_file.casefold().split()), " ".join(title_team.casefold().split())
    if file_name == name or name not in file_name:
        return False
    return bool(_TEAM_WORDS_ONLY.fullmatch(file_name.replace(name, " ", 1)))


def default_team(filename: str) -> str:
    """The file name without its extension and ``.okr``: ``drafts/sales.okr.md`` -> ``sales``."""
    path = Path(filename)
    name = path.name
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if stem.lower().endswith(".okr"):
        stem = stem[: -len(".okr")]
    # emoji and pictographs a chat or a shared folder gives its name ("[LINE] ทีมการตลาดออนไลน์ ☕") name no team
    stem = " ".join("".join(" " if _is_pictograph(ch) else ch for ch in stem).split()) or stem
    team = without_file_name_noise(stem) or stem or name
    if team.casefold() in _NOT_A_TEAM_NAME:
        # "our-q1-2027-okrs.md" is "our": the folder names whose plan it is ("fitnest/…"), when it names anything
        folder = path.parent.name
        if folder and folder.casefold() not in _NOT_A_TEAM_NAME and folder not in (".", ".."):
            return without_file_name_noise(folder) or folder
    return team


def _file_names_no_one(filename: str) -> bool:
    """Whether a file's name says only a plan's period, version or kind ("Q1 plan.md", "2027 OKRs v2.docx",
    "draft.md"), no team or organisation."""
    name = Path(filename).name
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if stem.lower().endswith(".okr"):
        stem = stem[: -len(".okr")]
    stem = _FILE_NAME_DOCUMENT.sub(" ", _FILE_NAME_TOOL.sub(" ", stem))
    words = [w.strip("()[]") for w in _FILE_NAME_SPLIT.split(stem) if w.strip("-–—()[]")]
    return all(_FILE_NAME_NOISE.fullmatch(w) or w.casefold() in _NOT_A_TEAM_NAME or w.casefold() in _JOINING_WORDS
               for w in words)


def _is_pictograph(ch: str) -> bool:
    """An emoji, a pictograph or what joins and varies them (ZWJ, variation selectors, skin tones)."""
    return unicodedata.category(ch) in ("So", "Cs") or ch in "\u200d\ufe0e\ufe0f" \
        or "\U0001f3fb" <= ch <= "\U0001f3ff"


# What is left of a file name that says nothing about whose plan it is
_NOT_A_TEAM_NAME = frozenset("our my your their the team okr okrs draft drafts plan plans goals objectives untitled "
                             "document new final copy export notes okrs-drafts readme index".split())


# Words a document's file name carries besides its team: "Corporate OKRs FY2027-28 draft v4", "RE CX OKRs 2027-28
# first draft", "OKR_ฝ่ายขาย_2570", "กองคลัง OKR ปีงบประมาณ ๒๕๗๐" (a year in Thai digits), "Sales plan (final)".
_FILE_NAME_NOISE = regexcache.compile(
    r"(?i:okrs?(?:-(?:19|20|25)\d{2})?|kpis?|plan|plans|draft|drafts|final|latest|updated|copy|v\d+(?:\.\d+)*|rev\d*|re|fw|fwd|first|second"
    r"|third|working|template|fy\s*'?\d{2,4}(?:[/-]\d{2,4})?|q[1-4](?:[/-]?\d{2,4})?|h[12]|(?:(?:19|20|25)\d{2}|(?:๑๙|๒๐|๒๕)[๐-๙]{2})(?:[/-]\d{2,4}|[/_-]?[qh][1-4])?"
    # the kind of plan, not whose: "แผนยุทธศาสตร์ รพ.ศรีนครธารา 2570", "แผนปฏิบัติราชการ กรม…"
    r"|แผน(?:ยุทธศาสตร์|กลยุทธ์|ปฏิบัติราชการ|ปฏิบัติการ|ดำเนินงาน)?|ปี|ปีงบประมาณ|ปีงบ"
    r"|ฉบับ(?:ร่าง|แก้ไข|สมบูรณ์|อนุมัติ|ปรับปรุง|ล่าสุด|จริง)?|ร่าง"
    # a plan's level, not its name: "OKR ระดับองค์กร ลานละมุน ปี 2570", "OKR รายฝ่าย", "Company-level OKRs"
    r"|ระดับ(?:องค์กร|บริษัท|ฝ่าย|กอง|สำนัก|แผนก|ทีม|หน่วยงาน)|ราย(?:ฝ่าย|ทีม|หน่วยงาน|แผนก)"
    r"|ครึ่งปี(?:แรก|หลัง)|ไตรมาส(?:ที่)?[0-9๐-๙]"
    # what an export or a copy adds: "(Notion export)", "- Confluence", "- Google Docs", "Sheet1", "งานวิจัย ข้อความจาก LINE"
    r"|notion|confluence|export|exported|blog|บล็อก|tracker|sheet\d*|แผ่นงาน\d*|ข้อความจาก|แชท(?:กลุ่ม)?"
    # what the file does with the OKRs: "Q3 OKR grading - Patient Access", "Sales scorecard 2027", "ผลการประเมิน"
    r"|grading|graded|grades|scoring|scorecard|tracking|check-?ins?|memo|memorandum)|LINE"
    # a Thai official memo's kind ("บันทึกข้อความ ปลัด อบจ. แจ้ง OKR …"), not whose plan it is
    r"|บันทึกข้อความ")
# A copy's or a tool's words before or after the name: "Copy of Copy of …", "สำเนาของ …", "… - Google Docs".
# A chat export's name before the chat's: "[LINE] แชทในกลุ่ม …", "[LINE] แชทกับ …", "[LINE] Chat in …", "Chat history with …".
_FILE_NAME_TOOL = regexcache.compile(
    r"^(?:(?i:copy of)\s+|สำเนาของ\s*|แชท(?:ใน|กับ)(?:กลุ่ม)?\s*|(?i:chat\s+(?:history\s+)?(?:in|with|of)\s+))+"
    r"|(?i:\bgoogle\s+(?:docs|sheets|เอกสาร|ชีต))"
    # Notion's page id after every exported page's name: "E-commerce OKRs 8c2f1e0a9b7d4e11a2b3c4d5e6f7a8b9"
    r"|(?<=\S)[\s_-]+[0-9a-f]{32}$")
_FILE_NAME_SPLIT = regexcache.compile(r"[\s_]+|(?<=\S)\s*[-–—]\s*(?=[^\s\d])")  # "2027-28" stays one word
# The kind of document a plan was filed in, not whose it is: "Board paper 7.2", "Agenda item 9", "Paper 4b",
# "Committee report", "Annual Plan", "Annual Business Plan", "Annual Report"
_FILE_NAME_DOCUMENT = regexcache.compile(
    r"(?i:\b(?:(?:board|committee|cabinet)\s+(?:paper|papers|report|submission)|cover\s+(?:paper|report)|agenda"
    r"(?:\s+item)?|item|paper|enclosure|appendix|annex)\s*(?:no\.?\s*)?[-–—:]?\s*[0-9]{1,2}(?:\.[0-9]{1,2})*[a-z]?(?![\w.])"
    r"|\b(?:board|committee|cabinet)\s+(?:paper|papers|report|submission)\b"
    r"|\b(?:annual|yearly)\s+(?:(?:operating|business|delivery|corporate|service)\s+)?(?:plan|report|review)\b"
    r"|\b(?:final|draft)\s+version\b|\bversion\s+[0-9]{1,2}(?:\.[0-9]{1,2})*\b)")
# Words joining two others, left at an edge of a name once the words beside them are gone: "Annual Plan and OKRs"
_JOINING_WORDS = frozenset({"and", "&", "of", "for", "the", "with", "+", "และ"})


def without_file_name_noise(stem: str) -> str:
    """A file name's words without versions, drafts, periods and "OKRs" (empty if nothing else is left). Names
    without such words are kept as they are ("commercial-2-search-486", "sales")."""
    tool_words = _FILE_NAME_TOOL.sub(" ", stem).strip(" -–—_")
    if tool_words and tool_words != stem:
        return without_file_name_noise(tool_words)
    named = _FILE_NAME_DOCUMENT.sub(" ", stem).strip(" -–—_")
    if named != stem.strip(" -–—_"):  # "Board paper 7.2 - Annual Plan and OKRs 2026-27 v4 FINAL": a document's kind
        rest = without_file_name_noise(named) if named else ""
        return stem if not rest or rest == named and _only_noise(named) else rest
    without_remarks = _BRACKETED_PART.sub(_unless_remark, stem).strip(" -–—_")
    if without_remarks and without_remarks != stem:
        return without_file_name_noise(without_remarks)
    without_quarter = _QUARTER_APART.sub(" ", stem).strip(" -–—_")
    if without_quarter and without_quarter != stem:  # "… ไตรมาส 1-2570" (a file name holds no '/'), "… ไตรมาส 2 ปี 2570"
        return without_file_name_noise(without_quarter)
    words = [w for w in _FILE_NAME_SPLIT.split(stem.strip("()[] ")) if w.strip("-–—")]
    kept = [w for w in words if not _FILE_NAME_NOISE.fullmatch(w.strip("()[]"))]
    while kept and kept[0].casefold() in _JOINING_WORDS and len(kept) < len(words):
        kept.pop(0)  # "OKRs and Sales": no "and" left alone at the start
    while kept and kept[-1].casefold() in _JOINING_WORDS and len(kept) < len(words):
        kept.pop()  # "Sales and OKRs 2027": nor at the end
    if not kept:  # "OKR ระดับองค์กร 2570": the level is all that names whose plan it is
        level = next((w.strip("()[]")[len("ระดับ"):] for w in words if w.strip("()[]").startswith("ระดับ")), None)
        return level or stem
    if len(kept) == len(words):
        return stem
    return _balanced(_hyphens_kept(stem.strip("()[] "), words, kept))


def _only_noise(text: str) -> bool:
    """Whether every word of a (part of a) file name is a version, a period, "OKRs" or a word joining them."""
    words = [w.strip("()[]") for w in _FILE_NAME_SPLIT.split(text) if w.strip("-–—()[]")]
    return all(_FILE_NAME_NOISE.fullmatch(w) or w.casefold() in _JOINING_WORDS for w in words)


def _hyphens_kept(stem: str, words: list[str], kept: list[str]) -> str:
    """The kept words joined by spaces, except where two that stood side by side in the name were joined by a
    hyphen alone ("E-commerce Q1 OKRs" is "E-commerce", "Click-and-Collect plan" is "Click-and-Collect")."""
    glued = {index for index in range(1, len(words))
             if f"{words[index - 1]}-{words[index]}" in stem}
    out, position = "", 0
    kept_at = []  # index in words of each kept word, in order
    for index, word in enumerate(words):
        if position < len(kept) and word == kept[position]:
            kept_at.append(index)
            position += 1
    for number, index in enumerate(kept_at):
        if number:
            out += "-" if index in glued and kept_at[number - 1] == index - 1 else " "
        out += words[index]
    return out


_BRACKETED_PART = regexcache.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")
# A quarter written apart from its number, and its year after a hyphen, an underscore or a dot as a file name writes
# "ไตรมาส 1/2570": "ไตรมาส 1-2570", "ไตรมาสที่ 2_2570", "ไตรมาส 3"
_QUARTER_APART = regexcache.compile(
    r"(?<![\u0e01-\u0e4e])ไตรมาส(?:ที่)?\s*[1-4๑-๔](?:\s*[-_.]\s*[0-9๐-๙]{2,4})?(?![0-9๐-๙])")


def _unless_remark(match: re.Match) -> str:
    """A bracketed part of a file name that is a remark — "(from slides)", "(1)", "[final v2]", "(ฉบับแก้ไข)" — is
    left out; one that names something ("(EMEA)", "(Bangkok)") is kept."""
    inner = match.group(1).strip()
    words = [w for w in _FILE_NAME_SPLIT.split(inner) if w.strip("-–—")]
    if not words or inner[:1].islower() or inner.isdigit() or all(_FILE_NAME_NOISE.fullmatch(w) for w in words) \
            or _AUTHOR_REMARK.fullmatch(inner):
        return " "
    return match.group(0)


# "(กรรมการผู้จัดการ)", "(ฉบับ MD)", "(ผู้จัดทำ: นิด)", "(CEO)", "(for the board)": who wrote, approved or receives the
# file, or whose version it is, not whose plan it is
_AUTHOR_REMARK = regexcache.compile(
    r"(?:ฉบับ|ผู้จัดทำ|จัดทำโดย|ร่างโดย|เสนอ|อนุมัติ(?:โดย)?|(?i:version|ver\.|prepared\s+by|approved\s+by|for\s+the))\s*\S.*"
    r"|(?:กรรมการผู้จัดการ|ผู้จัดการ|ผู้อำนวยการ|ผอ\.|ประธาน|ผู้บริหาร|เลขานุการ|เลขา|คณะกรรมการ|บอร์ด)[\u0e01-\u0e4e.]*"
    r"|(?:MD|CEO|COO|CFO|CTO|CMO|CHRO|GM|(?i:managing\s+director|general\s+manager|board|exec(?:utive)?s?))")


def _balanced(name: str) -> str:
    """A name without a bracket left open or closed alone by the words taken out of it."""
    for opening, closing in ("()", "[]"):
        if name.count(opening) != name.count(closing):
            name = name.replace(opening, "").replace(closing, "")
    return " ".join(name.split())


# --- Markdown and plain text ------------------------------------------------------------------------
def lines_from_text(text: str, filename: str, *, markdown: bool = False, shifts: Mapping[int, int] | None = None,
                    starts: frozenset[int] = frozenset(), skip: frozenset[int] = frozenset(),
                    table_ends: frozenset[int] = frozenset()) -> list[DraftLine]:
    """Split file text into DraftLines, keeping line numbers of the original (any line ending).

    HTML comments are blanked out with spaces (columns stay true) and lines that held only a comment are
    left out, so a comment neither splits a paragraph nor shows up in a title. With ``markdown`` the
    lines' backslash escapes are undone when they are read (see :class:`DraftLine`). ``shifts`` gives the
    characters taken off the start of some lines (a chat message's time and sender), so columns stay true;
    a line in ``starts`` begins a paragraph of its own (a new chat message); a line in ``skip`` (a page's
    running header or footer) is left out as a comment line is; the first line of text after a line in
    ``table_ends`` (the last line of a table taken out of the text) is marked ``after_table``.
    """
    blanked = _HTML_COMMENT.sub(lambda m: re.sub(r"[^\r\n]", " ", m.group(0)), text)
    result = []
    after_table = False
    for number, (original, visible) in enumerate(zip(_NEWLINE.split(text), _NEWLINE.split(blanked)), 1):
        if (original.strip() and not visible.strip()) or number in skip:
            continue  # only a comment, or a page's header or footer
        column = 1 + (shifts.get(number, 0) if shifts else 0)
        after_table = after_table or number - 1 in table_ends
        result.append(DraftLine(visible, Location(filename, number, column), markdown=markdown,
                                new_paragraph=number in starts, after_table=after_table and bool(visible.strip())))
        after_table = after_table and not visible.strip()
    return result


def _stdin_yaml(text: str) -> bool:
    """Whether standard input's decoded text is okrlint's YAML: a top-level key of it, as the command line looks
    for in the bytes; not a draft whose front matter has such keys (its Markdown after the '---' does not parse)."""
    if _OKR_YAML_KEY.search(text, 0, 65536) is None:
        return False
    if not text.lstrip("\ufeff").startswith("---"):
        return True  # broken YAML is still YAML: its error is reported
    from okrlint.load.yamlio import compose_documents

    try:
        compose_documents(text)
    except LoadError:
        return False
    return True


def load_draft_file(filename: str, data: bytes, options: Mapping[str, Any]) -> LoadResult:
    from okrlint.load import limits

    if len(data) > limits.MAX_DRAFT_BYTES:  # a single enormous line escapes the line cap: 50 MB took 16 s
        return LoadResult(errors=(InputError(
            f"the draft is larger than {limits.MAX_DRAFT_BYTES // limits.MEGABYTE} MB; not read (a data export?)",
            Location(filename)),))
    try:
        text = decode_text(data)
    except LoadError as exc:
        return LoadResult(errors=(InputError(exc.message, Location(filename, exc.line, exc.column)),))
    if not text.strip():
        return LoadResult(errors=(InputError("empty file: no OKR set in it", Location(filename)),))
    if filename == STDIN_DRAFT_NAME and _stdin_yaml(text):
        # Standard input is named by a look at its bytes, which UTF-16 hides: decoded, it is okrlint's YAML
        from okrlint.load.yaml_loader import load_yaml_file

        return load_yaml_file(STDIN_YAML_NAME, text.encode("utf-8"), options)
    if _HTML_DOCUMENT.match(text):  # a page saved from a browser under a text name: read as the page it is
        from okrlint.load.webpage import load_page_text

        return load_page_text(filename, text, options)
    from okrlint.load.pdf import repair_extracted_thai

    text = repair_extracted_thai(text)  # pdftotext's output: "สําหรับ", "ผู\uf70bใช้" as the PDF reader writes them back
    # Each line costs some microseconds: a million short lines would take a minute. Counted before any work.
    lines = text.count("\n") + text.count("\r") - text.count("\r\n") + 1
    if lines > MAX_DRAFT_LINES:
        return LoadResult(errors=(_too_long(lines, "lines", filename),))
    source_format = "markdown" if filename.lower().endswith((".md", ".markdown")) else "text"
    chat = chat_text(text) if source_format == "text" else None
    if chat is not None:  # a chat export: the messages holding the OKRs, without the chat's framing
        text = chat.text
    if source_format == "text" and chat is None and _is_tab_separated_table(text):
        # Excel's "Unicode text" (UTF-16, tab-separated) and tables pasted from a sheet: a table, not a draft
        from okrlint.load.spreadsheet import read_delimited
        from okrlint.load.tables import tables_to_result

        try:
            table = read_delimited(filename, data)
            name = filename.rsplit("/", 1)[-1]
            team = name[: -len(".okr.txt")] if name.lower().endswith(".okr.txt") else name.rsplit(".", 1)[0]
            return tables_to_result([attrs.evolve(table, team=team or name)], filename, options, source_format="csv")
        except LoadError as exc:
            return LoadResult(errors=(InputError(exc.message, Location(filename, exc.line, exc.column)),))
    from okrlint.load.conflicts import resolve_conflicts
    from okrlint.load.markdown_tables import split_tables

    text, conflicts = resolve_conflicts(text, filename)
    text, furniture = without_page_furniture(without_comment_marks(without_quoted_mail_and_alerts(text)))
    tables, text = split_tables(text, markdown=source_format == "markdown")
    if source_format == "text":  # columns lined up with spaces: text copied from a PDF
        from okrlint.load.text_tables import split_text_tables

        aligned, text = split_text_tables(text, options, furniture)
        tables = sorted(tables + aligned, key=lambda table: table.cells[0][0][0])
    if not tables:
        lines = lines_from_text(text, filename, markdown=source_format == "markdown",
                                shifts=chat.shifts if chat else None, starts=chat.starts if chat else frozenset(),
                                skip=furniture)
        result = parse_draft(lines, filename, options, source_format=source_format, chat=chat is not None)
    else:
        result = _with_tables(text, tables, filename, options, source_format, skip=furniture, chat=chat is not None)
    return attrs.evolve(result, errors=conflicts + result.errors) if conflicts else result


_MAIL_QUOTE_INTRO = regexcache.compile(
    r"^\s*(?:On\s.{5,200}\swrote:|.{0,200}เขียนว่า\s*:|-{2,}\s*(?i:original message)\s*-{2,})\s*$")
_ALERT = regexcache.compile(r"^\s*>\s*\[!(?i:note|tip|important|warning|caution)\]")
_QUOTED = regexcache.compile(r"^\s*>")


_COMMENT_NOTE = regexcache.compile(r"^\[[a-z]{1,2}\]\S", re.MULTILINE)
_COMMENT_MARK = regexcache.compile(r"\[[a-z]{1,2}\](?![(\[])")


def without_comment_marks(text: str) -> str:
    """A Google Docs export's comments: "...first month[a]" in the text and "[a]Sarah Kim: ..." below. The marks
    are taken off the titles (same length kept as spaces, so positions stay) and the comments left out."""
    if "[" not in text or not _COMMENT_NOTE.search(text):
        return text
    lines = []
    for line in text.split("\n"):
        if _COMMENT_NOTE.match(line):
            lines.append("")
        else:
            lines.append(_COMMENT_MARK.sub(lambda m: " " * len(m.group(0)), line))
    return "\n".join(lines)


_PAGE_MARK = regexcache.compile(
    r"^\s*(?:[-–—]\s*)?(?:(?i:page)|หน้า(?:ที่)?)\s*[0-9๐-๙]{1,3}(?:\s*(?:/|of|จาก)\s*[0-9๐-๙]{1,3})?\s*[-–—]?\s*$"
    r"|^\s*[-–—]\s*[0-9๐-๙]{1,3}\s*[-–—]\s*$"  # "- 2 -"
    r"|^\s*([─━═_-])\1{9,}\s*$")
# A running footer or header with the page's number at its start or end, set apart from the rest by a wide gap:
# "MVSD District OKRs v0.4                Page 1 of 3", "หน้า 2/5      แผนปฏิบัติการ ฝ่ายบริการ"
_PAGE_MARK_WORDS = r"(?:(?i:page)|หน้า(?:ที่)?)\s*[0-9๐-๙]{1,3}(?:\s*(?:/|(?i:of)|จาก)\s*[0-9๐-๙]{1,3})?|[-–—]\s*[0-9๐-๙]{1,3}\s*[-–—]"
_PAGE_MARK_AT_EDGE = regexcache.compile(
    rf"^\s*\f?\s*(?:\S.*?(?:\s{{2,}}|\t)\s*(?:{_PAGE_MARK_WORDS})|(?:{_PAGE_MARK_WORDS})(?:\s{{2,}}|\t)\s*\S.*?)\s*$")
# What marks a line as the document's running head rather than its text: a status ("DRAFT", "Confidential",
# "not for distribution", "ฉบับร่าง") or a version number ("v0.4", "Version 2.1").
_DOCUMENT_STATUS = regexcache.compile(
    r"(?<![\w-])(?:DRAFT|CONFIDENTIAL|INTERNAL ONLY)(?![\w-])"
    r"|(?i:\b(?:not\s+for\s+(?:distribution|circulation)|for\s+internal\s+use|internal\s+use\s+only"
    r"|draft\s+for\s+(?:comment|consultation|discussion|review)|strictly\s+confidential)\b)"
    r"|ฉบับร่าง|\(ร่าง\)|เอกสารลับ|(?:สำหรับ)?ใช้ภายใน(?:เท่านั้น)?|ห้ามเผยแพร่"
    r"|(?<![\w.])(?i:v|ver\.?\s?|version\s|rev\.?\s?|revision\s|ฉบับที่\s?)[0-9]{1,2}(?:\.[0-9]{1,2})+(?![\w.])")
_PAGE_RULE = regexcache.compile(r"^\s*([─━═_-])\1{9,}\s*$")
_LINE_BREAK = regexcache.compile(r"(\r\n|\r|\n)")
# a list item, an objective or a key result: never page furniture, whatever it carries
_OKR_LINE = regexcache.compile(
    r"\s*(?:[-*•+]\s|[0-9๐-๙]{1,2}[.)]|\(?[a-zก-ฮ][.)]\s|#"
    r"|(?i:objective|obj\b|o[0-9]{1,2}\b|kr\s*[0-9]|key\s+results?\b|goal\s+[0-9])"
    r"|วัตถุประสงค์|เป้าประสงค์|เป้าหมายที่|ผลลัพธ์|ตัวชี้วัด)")


def without_repeated_page_headers(text: str) -> str:
    """Text from a PDF repeats the page's header beside each page number or page rule ("แผนปฏิบัติราชการ … / หน้า ๒"):
    after its first time (the document's title) such a line is blanked, so that it is not glued to a title."""
    return without_page_furniture(text)[0]


# "- 2 -" alone on a line; not "\s", which reaches across newlines and, from every line start of a run of blank
# lines, tries every line after it
_DASHED_PAGE_NUMBER = regexcache.compile(r"^[^\S\n]*[-–—][^\S\n]*[0-9๐-๙]{1,3}[^\S\n]*[-–—][^\S\n]*$", re.MULTILINE)
_PAGE_NUMBER_TAIL = regexcache.compile(rf"(?:\s{{2,}}|\t)\s*(?:{_PAGE_MARK_WORDS})\s*$")


def without_page_furniture(text: str) -> tuple[str, frozenset[int]]:
    """``text`` without what a page adds around its text when a PDF or a word processor's print is saved as
    text — its running header and footer and its number — and the (1-based) numbers of the lines taken out.

    A page ends at a form feed (``\f``, as pdftotext writes it), a page number on its own line (``Page 2 of 5``,
    ``หน้า ๒``, ``- 2 -``) or a page rule. Near such a boundary (the two lines of text on either side), these
    go: a line with the page's number at its start or end set apart by a wide gap (``MVSD District OKRs v0.4
    Page 1 of 3``); a line found at two page boundaries or more (the repeated title, kept where it first stands
    at the top of the document unless it is laid out as a running head with the document's status); and next to
    a form feed a line carrying the document's status or version (``DRAFT``, ``v0.4``, ``ฉบับร่าง``). A list
    item or an OKR label is never taken. The lines are blanked in the text (positions stay) and listed, so that a key
    result a page break cut in two is read whole."""
    if ("\f" not in text and "หน้า" not in text and "age" not in text and "──" not in text and "____" not in text
            and not _DASHED_PAGE_NUMBER.search(text)):
        return text, frozenset()
    parts = _LINE_BREAK.split(text)
    lines, breaks = parts[0::2], parts[1::2]
    count = len(lines)
    marks = {i for i, line in enumerate(lines) if _PAGE_MARK.match(line) or _PAGE_MARK_AT_EDGE.match(line)}
    rules = {i for i in marks if _PAGE_RULE.match(lines[i])}  # a rule stays: it may underline a heading
    # boundaries: the gaps between lines where a page ends ("before line p"); form feeds known for sure
    feeds: set[int] = set()
    for i, line in enumerate(lines):
        if "\f" in line:
            feeds.add(i if not line[: line.index("\f")].strip() else i + 1)
    if not feeds and not marks:
        return text, frozenset()
    boundaries = set(feeds) | {p for i in marks for p in (i, i + 1)}

    def near(point: int, reach: int = 2) -> list[int]:
        found = []
        for step, start in ((-1, point - 1), (1, point)):
            taken, i = 0, start
            while 0 <= i < count and taken < reach:
                if i in marks or not lines[i].strip(" \t\f"):
                    i += step
                    continue
                found.append(i)
                taken += 1
                i += step
        return found

    def key(i: int) -> str:
        return " ".join(lines[i].replace("\f", " ").split())

    def okr_line(i: int) -> bool:
        return _OKR_LINE.match(lines[i].replace("\f", " ")) is not None

    furniture = marks - rules
    # one page break may show as several boundaries (a footer's page number, then a form feed): one id for them
    page_break: dict[int, int] = {}
    previous = None
    for point in sorted(boundaries | {0, count}):
        between = range(previous, point) if previous is not None else range(0)
        same = previous is not None and all(i in marks or not lines[i].strip(" \t\f") for i in between)
        page_break[point] = page_break[previous] if same else point
        previous = point
    at_boundary: dict[str, dict[int, int]] = {}  # a line's text: the page breaks it stands at, by line
    candidates: set[int] = set()
    for point, page in page_break.items():
        for i in near(point):
            if len(key(i)) >= 8 and not okr_line(i):
                at_boundary.setdefault(key(i), {}).setdefault(i, page)
                candidates.add(i)
    top = set(near(0))  # the document's first lines: its title, even when each page repeats it
    repeated = {i for i in candidates if len(at_boundary[key(i)]) >= 2}
    for i in candidates:
        if _is_content_at_page_edge(lines, i, repeated):
            continue
        # at the top, the first time is the title, unless it is laid out as a running head with the document's
        # status ("Maple Valley School District          DRAFT – not for distribution")
        running_head = _DOCUMENT_STATUS.search(lines[i]) and re.search(r"\S\s{4,}\S", lines[i].strip(" \t\f"))
        # repeated: the same text on two lines or more, at different page breaks (one line near the end of a page
        # and the end of the document is not a repeat: "เหลือ ๓๐ วัน" after a footer)
        seen_at = at_boundary[key(i)]
        if len(seen_at) >= 2 and len(set(seen_at.values())) >= 2 and (i not in top or running_head):
            furniture.add(i)
    for point in feeds:
        for i in near(point, 1):
            if not okr_line(i) and i not in top and _DOCUMENT_STATUS.search(lines[i]):
                furniture.add(i)
    if not furniture and not feeds:
        return text, frozenset()
    kept_title = None  # the first page's running head is the document's title ("แผน… ปีงบประมาณ ๒๕๗๐      หน้า ๑/๒")
    first = next((i for i in range(count) if lines[i].strip(" \t\f")), None)
    if first is not None and first in furniture:
        written = lines[first].replace("\f", " ").strip()
        head = _PAGE_NUMBER_TAIL.sub("", written).strip()
        # only a head that was a title with its page number ("แผน… ปีงบประมาณ ๒๕๗๐      หน้า ๑/๒"), not a running
        # head with the document's status ("Maple Valley School District      DRAFT – not for distribution")
        if head and head != written and not _PAGE_MARK.match(head) and not _DOCUMENT_STATUS.search(head):
            kept_title = first
            lines[first] = head
    for i in furniture - {kept_title}:
        lines[i] = ""
    out = []
    for i, line in enumerate(lines):
        out.append(line.replace("\f", " ") if "\f" in line else line)
        if i < len(breaks):
            out.append(breaks[i])
    return "".join(out), frozenset(i + 1 for i in furniture - {kept_title})


def _is_content_at_page_edge(lines: list[str], i: int, repeated: set[int]) -> bool:
    """A line near a page break that is the document's content even when its text comes back at another break: a
    table's header line, repeated at the top of each page as the table goes on (a header to read, not noise), and a
    wrapped line glued under a line of text it is lined up with ("สัปดาห์ละ ๒ ครั้ง" under its key result's title,
    under a cell of the row above), which a running head or footer never is."""
    from okrlint.load.columns import names_okr_columns
    from okrlint.load.text_tables import char_width, segments

    line = lines[i].replace("\f", " ")
    cells = segments(line)
    if len(cells) >= 2 and names_okr_columns([cell.text for cell in cells]):
        return True
    if i == 0 or not lines[i - 1].strip(" \t\f") or (i - 1) in repeated or "\f" in lines[i] or len(cells) != 1:
        return False
    above = lines[i - 1].replace("\f", " ")
    if _PAGE_MARK.match(above) or _PAGE_MARK_AT_EDGE.match(above) or names_okr_columns([c.text for c in segments(above)]):
        return False
    starts = {cell.start for cell in segments(above)}
    marker = _LIST_MARKER_TEXT.match(above)
    if marker is not None:  # under a list item's text: "- เพิ่ม… อย่างน้อย" / "  สัปดาห์ละ ๒ ครั้ง"
        starts.add(sum(char_width(ch) for ch in above[: marker.end()].expandtabs(8)))
    return cells[0].start > 0 and any(abs(cells[0].start - start) <= 1 for start in starts - {0})


_LIST_MARKER_TEXT = regexcache.compile(r"\s*(?:[-*•+]|[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,3})*[.)]?)\s+")


def without_quoted_mail_and_alerts(text: str) -> str:
    """``text`` with an e-mail's quoted earlier message and GitHub's alert boxes blanked (lines kept, so positions
    stay): "On Fri, 11 Dec … wrote:" then "> …" lines are the draft being answered, not this one's OKRs, and a
    "> [!NOTE]" box is a note."""
    if ">" not in text and "----" not in text:
        return text
    lines = text.split("\n")
    changed = False
    quoting = alert = below_a_reply = False
    for index, line in enumerate(lines):
        if below_a_reply:
            lines[index], changed = "", True
            continue
        intro = _MAIL_QUOTE_INTRO.match(line)
        if intro:
            # an Outlook reply: everything below is the old mail (a forwarded message is what is being sent: read)
            below_a_reply = "original message" in line.lower()
            quoting = True
            lines[index], changed = "", True
            continue
        if _ALERT.match(line):
            alert = True
        quoted = _QUOTED.match(line) is not None
        if (quoting or alert) and quoted:
            lines[index], changed = "", True
            continue
        if not quoted:
            alert = False
            if line.strip():
                quoting = False
    return "\n".join(lines) if changed else text


def _is_tab_separated_table(text: str) -> bool:
    """Most lines hold tabs and the first of them is a header with an objective or key-result column."""
    lines = [line for line in text.splitlines()[:200] if line.strip()]
    tabbed = [line for line in lines if line.count("\t") >= 2]
    if len(tabbed) < 2 or len(tabbed) < 0.8 * len(lines):
        return False
    from okrlint.load.columns import find_header

    return find_header([line.lstrip("\ufeff").split("\t") for line in tabbed[:20]]) is not None


def _too_long(count: int, what: str, filename: str) -> InputError:
    return InputError(f"the draft has {count:,} {what} (more than {MAX_DRAFT_LINES:,}); not read", Location(filename))


def _with_tables(text: str, tables, filename: str, options: Mapping[str, Any], source_format: str,
                 skip: frozenset[int] = frozenset(), chat: bool = False) -> LoadResult:
    """A draft whose OKRs (some or all) stand in pipe tables."""
    ends = frozenset(max((line for row in table.cells for line, _, _ in row), default=0) for table in tables) - {0}
    return parse_with_tables(
        lines_from_text(text, filename, markdown=source_format == "markdown", skip=skip, table_ends=ends),
        lambda team: [t.as_table(filename, team) for t in tables], filename, options, source_format=source_format,
        no_okrs=InputError("no OKRs found: no 'Objective:' lines and no table with Objective / Key result columns",
                           Location(filename, 1, 1)), chat=chat,
    )


def parse_document(lines: Sequence[DraftLine], tables: "list[Table]", filename: str, options: Mapping[str, Any], *,
                   source_format: str, no_okrs: InputError) -> LoadResult:
    """A document's paragraphs and tables (Word, OpenDocument, PowerPoint): the lines alone through the draft parser,
    or with the tables (named by the document's team) through :func:`parse_with_tables`."""
    if not tables:
        if not any(line.text.strip() for line in lines):
            return LoadResult(errors=(no_okrs,))
        return parse_draft(lines, filename, options, source_format=source_format)
    return parse_with_tables(lines, lambda team: [attrs.evolve(table, team=team) for table in tables], filename,
                             options, source_format=source_format, no_okrs=no_okrs)


def parse_with_tables(
    lines: Sequence[DraftLine], tables_for: Callable[[str], "list[Table]"], filename: str,
    options: Mapping[str, Any], *, source_format: str, no_okrs: InputError, chat: bool = False,
) -> LoadResult:
    """A document whose OKRs (some or all) stand in tables (Markdown pipe tables, Word tables): the text
    around them gives the set's team, period, level and owner, which hold for its tables as well; tables
    without OKR columns are skipped. ``tables_for(team)`` gives the tables, named by the document's team;
    ``no_okrs`` is the error when neither the text nor a table holds any."""
    from okrlint.load.tables import tables_to_result

    # A list beside OKR tables is not read as an outline of OKRs: it is a project list or notes.
    set_aligns: list[str] = []
    sections: list[tuple[int, str]] = []
    ends: list[int] = []
    okr_tables = _okr_table_starts(tables_for(default_team(filename)), options)
    from_text = parse_draft(lines, filename, options, source_format=source_format, keep_empty=True, outline=False,
                            set_aligns=set_aligns, sections=sections, chat=chat, table_starts=okr_tables,
                            section_ends=ends)
    text_sets = list(from_text.sets)  # the document's set, then (several teams under headings) each team's
    text_set = text_sets[0] if text_sets else None
    team = text_set.team if text_set is not None else default_team(filename)
    outline = _outline(lines)
    tables, not_okrs = _without_tables_said_not_okrs(_in_sections(tables_for(team), sections), outline, options)
    if ends and text_set is not None and len(text_sets) == 1:
        tables, past = _without_tables_past_the_okrs(tables, ends, text_set.objectives, outline, options)
        not_okrs += past
    tables, status_tables = _without_status_tables(tables, options)
    tables, past_reports = _without_past_reports(tables, text_set.period if text_set is not None else None, options)
    not_okrs += past_reports
    from_tables = tables_to_result(tables, filename, options, source_format=source_format)
    table_sets = list(from_tables.sets)
    if text_set is not None and text_set.objectives and len(text_sets) == 1:
        for table, header in status_tables:
            text_set = _with_status(text_set, table, header)
    if not any(s.objectives for s in table_sets) and not any(s.objectives for s in text_sets):
        from_text = parse_draft(lines, filename, options, source_format=source_format, keep_empty=True, chat=chat)
        text_sets = list(from_text.sets)
        text_set = text_sets[0] if text_sets else None
    if text_set is not None and text_set.objectives and len(text_sets) == 1:
        text_set, table_sets = _objectives_in_tables(text_set, table_sets)
        text_set, table_sets = _untitled_under_objectives(text_set, table_sets, outline, ends)
    elif len(text_sets) > 1:  # a heading per team: each team's tables under its own labelled objectives
        text_sets, table_sets = _tables_per_team(text_sets, table_sets, outline)
        text_set = text_sets[0]
    if len(text_sets) <= 1:
        text_sets = [text_set] if text_set is not None else []
    sets = [s for s in text_sets if s.objectives]
    for table_set in table_sets:
        if not table_set.objectives:
            continue  # a header row with nothing under it adds nothing to the draft
        # the labels of the document, or of the heading the table stands under, (Period:, Owner:) hold for it
        around = next((s for s in text_sets[1:] if s.team == table_set.team), text_set)
        if around is not None:
            table_set = attrs.evolve(table_set, period=table_set.period or around.period,
                                     owner=table_set.owner or around.owner,
                                     level=around.level if table_set.level == "team" else table_set.level)
        if set_aligns:  # "สอดคล้องกับ: co-o2" / "Aligns to:" / front matter above the table: its objectives that name none
            table_set = attrs.evolve(table_set, objectives=tuple(
                o if o.aligns_to else attrs.evolve(o, aligns_to=tuple(set_aligns)) for o in table_set.objectives))
        same = next((i for i, s in enumerate(sets) if s.team == table_set.team and s.period == table_set.period), None)
        if same is not None:  # OKRs in paragraphs and in a table of one document: one team's one set
            sets[same] = _merged(sets[same], table_set)
        else:
            sets.append(table_set)
    errors = list(from_text.errors) + list(from_tables.errors)
    if not sets and not any("an empty OKR form" in error.message for error in from_tables.errors):
        errors.append(no_okrs)
    text_notes = from_text.notes
    if all(s.period is not None for s in sets):  # the tables gave the period the text did not
        text_notes = tuple(note for note in text_notes if not note.message.startswith(NO_PERIOD_READ))
    return LoadResult(sets=tuple(sets), errors=tuple(errors), notes=text_notes + not_okrs + from_tables.notes)


@attrs.frozen
class _OutlineLine:
    """A line of a document with tables, as far as placing its tables goes."""

    position: int
    heading_level: int  # 0: not a heading
    text: str
    labelled: bool  # an objective's or key results' label ("## Objective 2", "### Key results")
    location: Location


def _outline(lines: Sequence[DraftLine]) -> list[_OutlineLine]:
    """The headings and text lines of a document, in order (blank lines and table rows left out)."""
    outline = []
    for line in _read_lines(list(lines)):
        if line.kind not in (HEADING, TEXT, ITEM):
            continue
        labelled = line.label is not None and line.label.kind in (OBJECTIVE, KR_HEADER, KR_ITEM)
        outline.append(_OutlineLine(_position(line.source.location), line.layout.heading_level
                                    if line.kind == HEADING else 0, line.content.text.strip(), labelled,
                                    line.location_at(0)))
    return outline


def _said_not_okrs(start: int, outline: list[_OutlineLine]) -> _OutlineLine | None:
    """The heading or caption above a table starting at ``start`` that says it holds no OKRs ("Health metrics (not
    OKRs)", "KPI ติดตาม (ไม่ใช่ OKR)"): the line right above the table, or a heading whose section holds it."""
    above = [line for line in outline if line.position < start]
    if not above:
        return None
    if not above[-1].labelled and _NOT_OKRS.search(above[-1].text):
        return above[-1]  # a caption, or the heading right over the table
    level = 99  # the headings whose sections hold the table: each above the last one of a deeper level
    for line in reversed(above):
        if line.heading_level == 0 or line.heading_level >= level:
            continue
        level = line.heading_level
        if not line.labelled and _NOT_OKRS.search(line.text):
            return line
        if line.labelled:
            return None  # "## Objective 2" between: the table is under the objective
    return None


def _without_tables_said_not_okrs(tables: "list[Table]", outline: list[_OutlineLine], options: Mapping[str, Any]):
    """The tables without those a heading or caption says are no OKRs, and a note for each of those that has an
    OKR header (it would have been read)."""
    from okrlint.load.columns import check_mapping, find_header, MappingError

    try:
        mapping = check_mapping(options.get("column-mapping") or {})
    except MappingError:
        mapping = None
    kept, notes = [], []
    for table in tables:
        said = _said_not_okrs(_position(table.locate(0, 0)), outline)
        if said is None:
            kept.append(table)
            continue
        if mapping is not None and find_header(table.rows, mapping) is not None:
            shown = said.text if len(said.text) <= 60 else said.text[:57].rstrip() + "..."
            notes.append(InputError(f"the table under '{shown}' is not read as OKRs: the heading says it holds none",
                                    said.location))
    return kept, tuple(notes)


def _without_tables_past_the_okrs(tables: "list[Table]", ends: Sequence[int], objectives: Sequence[Objective],
                                  outline: list[_OutlineLine], options: Mapping[str, Any]):
    """The tables without those of key results (no objective column) that stand in a part of the document the text
    reader saw begin after the OKRs (at ``ends``: "๔. การติดตามและรายงานผล", "ภาคผนวก ก ตัวชี้วัดตามบันทึกข้อตกลง", with
    no objective written after it): an annex's table of indicators, not key results of the objective above; and a
    note for each."""
    from okrlint.load.columns import check_mapping, find_header, MappingError

    try:
        mapping = check_mapping(options.get("column-mapping") or {})
    except MappingError:
        return list(tables), ()
    positions = [_position(objective.location) for objective in objectives]
    kept, notes = [], []
    for table in tables:
        start = _position(table.locate(0, 0))
        end = max((end for end in ends if end < start), default=None)
        header = find_header(table.rows, mapping) if end is not None else None
        if header is None or "objective" in header.columns or any(end < position < start for position in positions):
            kept.append(table)
            continue
        above = [line for line in outline if line.position < start]
        said = above[-1] if above else None
        shown = said.text if said is None or len(said.text) <= 60 else said.text[:57].rstrip() + "..."
        notes.append(InputError(f"the table under '{shown}' is not read as OKRs: it stands in a part of the document "
                                "after them", said.location if said is not None else table.locate(0, 0)))
    return kept, tuple(notes)


def _okr_table_starts(tables: "list[Table]", options: Mapping[str, Any]) -> frozenset[int]:
    """Where the tables with an OKR header row start (a team heading over one holds objectives)."""
    from okrlint.load.columns import check_mapping, find_header, MappingError

    try:
        mapping = check_mapping(options.get("column-mapping") or {})
    except MappingError:
        return frozenset()
    return frozenset(_position(table.locate(0, 0)) for table in tables if find_header(table.rows, mapping) is not None)


def _in_sections(tables: "list[Table]", sections: list[tuple[int, str]]) -> "list[Table]":
    """Tables under lines naming different teams ("Department: Faculty of Engineering" above one table,
    "Department: University Library" above the next): each table is the set of the team named last above it, as
    a workbook's sheets are; a table above all of them is the document's (its title's or file's). With one team
    named, or none, every table is the document's team."""
    if len({team.casefold() for position, team in sections if position >= 0}) < 2:
        return tables
    placed = []
    for table in tables:
        start = _position(table.locate(0, 0))
        team = next((team for position, team in reversed(sections) if position < start), sections[0][1])
        placed.append(attrs.evolve(table, team=team))
    return placed


# A cell that only names a key result: "O1 KR2", "KR 1.2", "Objective 2 - KR1", "ผลลัพธ์หลักที่ 1.2"
_KR_REFERENCE_CELL = regexcache.compile(
    r"(?i:(?:(?:o|obj\.?|objective|okr)\s*(?P<o>\d{1,2})\s*[-–/.,:·]?\s*)?(?:krs?|key\s*results?)\s*#?\s*"
    r"(?:(?P<o2>\d{1,2})\.)?(?P<k>\d{1,2}))"
    r"|(?:วัตถุประสงค์(?:ที่)?\s*(?P<to>[0-9๐-๙]{1,2})\s*)?(?:ผลลัพธ์หลัก|ตัวชี้วัด)(?:ที่)?\s*"
    r"(?:(?P<to2>[0-9๐-๙]{1,2})\.)?(?P<tk>[0-9๐-๙]{1,2})")


def _without_status_tables(tables: "list[Table]", options: Mapping[str, Any]):
    """The tables that may hold OKRs, and apart (with their headers) the status tables: a table whose key-result
    column only names key results written above it ("| O1 KR1 | 🟢 on track | 0.7 |"), a tracker's weekly
    status, which adds no key result."""
    from okrlint.load.columns import check_mapping, find_header, MappingError

    try:
        mapping = check_mapping(options.get("column-mapping") or {})
    except MappingError:
        return list(tables), []
    kept, status = [], []
    for table in tables:
        header = find_header(table.rows, mapping)
        column = header.columns.get("key_result") if header is not None and "objective" not in header.columns else None
        cells = [row[column] for row in table.rows[header.row + 1:] if column < len(row) and row[column] not in (None, "")] \
            if column is not None else []
        if cells and all(isinstance(cell, str) and _KR_REFERENCE_CELL.fullmatch(" ".join(cell.split()))
                         for cell in cells):
            status.append((table, header))
        else:
            kept.append(table)
    return kept, status


# The column of what a year reached, or how it went, beside its target: a report on that year
_RESULT_HEADER = regexcache.compile(
    r"\s*(?:ผลการดำเนินงาน|ผลการปฏิบัติงาน|ผลงาน|ผลการประเมิน|สถานะ|(?i:actuals?|results?|achieved|outcome|status|rag)\b)")


def _without_past_reports(tables: "list[Table]", period: Any, options: Mapping[str, Any]):
    """The tables that may hold the plan's OKRs, and notes on those left out as a past year's report: a table whose
    target column is for a year before the plan's (its period's, or the target year of another table of the document)
    beside a column of results or status ("ตัวชี้วัด | ค่าเป้าหมาย ปี 2569 | ผลการดำเนินงาน ปี 2569 | สถานะ" in the annex
    of a plan for 2570): what last year's key results reached, not this year's."""
    from okrlint.load.columns import _YEAR_IN_TARGET, _calendar_year, check_mapping, find_header, MappingError
    from okrlint.load.tables import cell_text

    try:
        mapping = check_mapping(options.get("column-mapping") or {})
    except MappingError:
        return list(tables), ()
    if "target" in set(mapping.values()):
        return list(tables), ()
    found = []  # (table, target year or None, reports results, target header)
    for table in tables:
        header = find_header(table.rows, mapping)
        year, reports, written = None, False, ""
        if header is not None and "target" in header.columns:
            cells = [cell_text(cell) or "" for cell in table.rows[header.row]]
            written = cells[header.columns["target"]] if header.columns["target"] < len(cells) else ""
            named = _YEAR_IN_TARGET.search(written)
            if named is not None:
                year = _calendar_year(named["short"] or named.group(0))
            used = set(header.columns.values())
            reports = any(_RESULT_HEADER.match(cell) for column, cell in enumerate(cells)
                          if column not in used or column == header.columns.get("baseline"))
        found.append((table, year, reports, written))
    plan_years = [year for _, year, reports, _ in found if year is not None and not reports]
    if period is not None and getattr(period, "end", None) is not None:
        plan_years.append(period.end.year)
    if not plan_years:
        return list(tables), ()
    plan = max(plan_years)
    kept, notes = [], []
    for table, year, reports, written in found:
        if year is not None and reports and year < plan:
            notes.append(InputError(f"the table with '{' '.join(written.split())}' reports on a past year, not the "
                                    "plan's OKRs: skipped", table.locate(0, 0)))
        else:
            kept.append(table)
    return kept, tuple(notes)


def _with_status(okr_set: OKRSet, table: "Table", header) -> OKRSet:
    """The confidence and score a status table gives the key results it names, where they have none of their own.
    A row naming no key result of the set is left out."""
    from okrlint.load.tables import cell_number
    from okrlint.text.numbers import as_fraction, normalize_digits

    objectives = list(okr_set.objectives)
    start = _position(table.locate(header.row, 0))
    above = [i for i, o in enumerate(objectives) if _position(o.location) < start]
    for index in range(header.row + 1, len(table.rows)):
        row = table.rows[index]
        match = _KR_REFERENCE_CELL.fullmatch(" ".join(str(row[header.columns["key_result"]] or "").split()))
        if match is None:
            continue
        written_objective = match["o"] or match["o2"] or match["to"] or match["to2"]
        number = int(normalize_digits(match["k"] or match["tk"]))
        if written_objective is not None:
            which = int(normalize_digits(written_objective)) - 1
        elif above:
            which = above[-1]
        else:
            continue
        if not 0 <= which < len(objectives) or not 1 <= number <= len(objectives[which].key_results):
            continue
        objective = objectives[which]
        krs = list(objective.key_results)
        kr = krs[number - 1]
        changes: dict[str, Any] = {}
        locations = dict(kr.field_locations)
        for field in ("confidence", "score"):
            column = header.columns.get(field)
            if column is None or column >= len(row) or getattr(kr, field) is not None:
                continue
            value, written = cell_number(row[column])
            value = as_fraction(value, written)
            if value is not None:
                changes[field] = value
                locations[field] = table.locate(index, column)
        if changes:
            krs[number - 1] = attrs.evolve(kr, field_locations=locations, **changes)
            objectives[which] = attrs.evolve(objective, key_results=tuple(krs))
    return attrs.evolve(okr_set, objectives=tuple(objectives))


def _position(location: Location) -> int:
    """Where a line or table cell stands in its document (Word: the paragraph number; text: the line)."""
    return location.paragraph if location.paragraph is not None else location.line


def _objectives_in_tables(text_set: OKRSet, table_sets: list[OKRSet]) -> tuple[OKRSet, list[OKRSet]]:
    """An objective label or heading with no title and no key results whose next content is a table of objectives
    ("Objective 3 (see the table)", "วัตถุประสงค์ที่ 3 (รายละเอียดตามตาราง)", then the table): that table holds the
    objective, which is not a second, empty one. What the label says it aligns to holds for the table's objective
    when that names nothing."""
    objectives = list(text_set.objectives)
    positions = [_position(o.location) for o in objectives]
    table_objectives = [(_position(o.location), index, number)
                        for index, table_set in enumerate(table_sets) for number, o in enumerate(table_set.objectives)
                        if o.title]
    dropped: set[int] = set()
    for i, objective in enumerate(objectives):
        if objective.title or objective.key_results or objective.description:
            continue
        end = positions[i + 1] if i + 1 < len(objectives) else None
        inside = sorted(t for t in table_objectives if t[0] > positions[i] and (end is None or t[0] < end))
        if not inside:
            continue
        dropped.add(i)
        if objective.aligns_to:
            _, which, number = inside[0]
            table_set = table_sets[which]
            found = list(table_set.objectives)
            if not found[number].aligns_to:
                found[number] = attrs.evolve(found[number], aligns_to=objective.aligns_to)
                table_sets[which] = attrs.evolve(table_set, objectives=tuple(found))
    if not dropped:
        return text_set, table_sets
    kept = tuple(o for i, o in enumerate(objectives) if i not in dropped)
    empty = attrs.evolve(text_set, objectives=(), extras=(), problems=())
    return _merged(empty, attrs.evolve(text_set, objectives=kept)), table_sets


def _tables_per_team(text_sets: list[OKRSet], table_sets: list[OKRSet],
                     outline: list[_OutlineLine]) -> tuple[list[OKRSet], list[OKRSet]]:
    """A document with a heading per team: the tables under a team's heading that hold its labelled objectives
    ("Objective 1: ..." then a table of key results, or "Objective 3 (see the table)" then a table of objectives)
    are read with that team's objectives, as in a document of one team."""
    text_sets, table_sets = list(text_sets), list(table_sets)
    for index, text_set in enumerate(text_sets):
        if not text_set.objectives:
            continue
        mine = [i for i, t in enumerate(table_sets) if t.team == text_set.team]
        if not mine:
            continue
        own = [table_sets[i] for i in mine]
        text_set, own = _objectives_in_tables(text_set, own)
        text_set, own = _untitled_under_objectives(text_set, own, outline)
        text_sets[index] = text_set
        for i, table_set in zip(mine, own):
            table_sets[i] = table_set
    return text_sets, table_sets


def _untitled_under_objectives(text_set: OKRSet, table_sets: list[OKRSet], outline: list[_OutlineLine] = (),
                               ends: Sequence[int] = ()) -> tuple[OKRSet, list[OKRSet]]:
    """A table of key results with no objective column, under an objective written as a heading or label
    ("## Objective 2 — ..." then "| KR | Baseline | Target |"): its rows are that objective's key results,
    not an objective without a title. A heading between them that is no deeper than the objective's own heading
    ("## Appendix" after "## Objective 3") ends the objective's section, as does a part of the document the text
    reader saw begin after its key results (at ``ends``: "๔. การติดตามและรายงานผล", "ภาคผนวก ก"): such a table is not
    its key results."""
    objectives = list(text_set.objectives)
    levels = {line.position: line.heading_level for line in outline if line.heading_level}
    kept_sets = []
    for table_set in table_sets:
        kept = []
        for objective in table_set.objectives:
            if objective.title or not objective.key_results:
                kept.append(objective)
                continue
            start = _position(objective.key_results[0].location)
            above = [i for i, o in enumerate(objectives) if _position(o.location) < start]
            if not above:
                kept.append(objective)
                continue
            index = above[-1]
            owner = objectives[index]
            if _section_ends(_position(owner.location), start, levels, outline) \
                    or any(_position(owner.location) < end < start for end in ends):
                kept.append(objective)
                continue
            path = owner.location.path or f"objectives[{index}]"
            krs = list(owner.key_results)
            for kr in objective.key_results:
                number = len(krs)
                krs.append(attrs.evolve(kr, uid=kr.id or f"{owner.uid}/kr{number + 1}",
                                        location=attrs.evolve(kr.location, path=f"{path}.key_results[{number}]")))
            objectives[index] = attrs.evolve(owner, key_results=tuple(krs))
        kept_sets.append(attrs.evolve(table_set, objectives=tuple(kept)) if len(kept) != len(table_set.objectives)
                         else table_set)
    return attrs.evolve(text_set, objectives=tuple(objectives)), kept_sets


def _section_ends(objective: int, table: int, levels: dict[int, int], outline: list[_OutlineLine]) -> bool:
    """Whether a heading between an objective (at ``objective``) and a table (at ``table``) ends the objective's
    section: one of its level or above (any heading, for an objective written as a labelled line), other than a key
    results heading."""
    own = levels.get(objective, 99)
    return any(line.heading_level and line.heading_level <= own and not line.labelled
               for line in outline if objective < line.position < table)


def _merged(first: OKRSet, second: OKRSet) -> OKRSet:
    """``second``'s objectives after ``first``'s, with the generated ids and paths they have there."""
    objectives = list(first.objectives)
    for index, objective in enumerate(second.objectives, start=len(objectives)):
        path = f"objectives[{index}]"
        uid = objective.id or f"{first.team}/o{index + 1}"
        key_results = tuple(
            attrs.evolve(kr, uid=kr.id or f"{uid}/kr{kr_index + 1}",
                         location=attrs.evolve(kr.location, path=f"{path}.key_results[{kr_index}]"))
            for kr_index, kr in enumerate(objective.key_results)
        )
        objectives.append(attrs.evolve(objective, uid=uid, location=attrs.evolve(objective.location, path=path),
                                       key_results=key_results))
    return attrs.evolve(first, objectives=tuple(objectives), extras=first.extras + second.extras,
                        problems=first.problems + second.problems)


# A plain line that is a key result by itself: a verb of change (or a measure) at its start, the values it moves
# between or to, short, one sentence: "Raise day-7 retention from 22% to 30%", "ลดเวลารอคอยจาก 45 นาทีเหลือ 20 นาที".
_CHANGE_OPENING = regexcache.compile(
    r"\s*(?:(?i:raise|increase|grow|lift|boost|cut|reduce|lower|decrease|improve|reach|achieve|hit|double|halve|triple"
    r"|keep|maintain|hold|drive|bring|get|convert|retain|win|sign|close)\b"
    r"|เพิ่ม|ลด|ยกระดับ|รักษา|ขยาย|บรรลุ|ผลักดัน|ทำให้|ให้มี|ควบคุม)")
_FROM_TO = regexcache.compile(  # a decimal point is no sentence's end ("from 98.2% to 99.5%")
    r"(?i:\bfrom\b(?:[^.;]|\.(?=[0-9๐-๙])){0,40}?[0-9๐-๙](?:[^.;]|\.(?=[0-9๐-๙])){0,40}?\bto\b[^;]{0,30}?[0-9๐-๙])"
    r"|จาก(?:[^.;]|\.(?=[0-9๐-๙])){0,40}?[0-9๐-๙](?:[^.;]|\.(?=[0-9๐-๙])){0,40}?(?:เป็น|เหลือ|ให้ได้|สู่|ถึง)[^;]{0,30}?"
    r"[0-9๐-๙]")
_TARGET_WORD = regexcache.compile(r"(?i:\b(?:to|at least|at most|under|below|above|over|by)\s{0,3}[≥≤<>$฿€£]?\s{0,3}"
                                  r"[0-9๐-๙])|[≥≤<>]\s{0,3}[0-9๐-๙]|[0-9๐-๙]\s{0,3}%|ร้อยละ\s{0,3}[0-9๐-๙]"
                                  r"|ไม่(?:ต่ำ|น้อย|เกิน|มาก)กว่า")
_SENTENCE_BREAK = regexcache.compile(r"[.!?]\s+[A-Z\u0e01-\u0e2e]")


def reads_as_measured_key_result(text: str) -> bool:
    """Whether a plain line under an objective is a key result written without a marker: a verb of change leading
    to its target, short, one sentence, and nothing of a story about the past ("Repeat purchases fell from 31% to
    22%", "Increase the share of repeat buyers, which grew from 18% to 24% last year, by …", "ลดต้นทุน โดยปีที่แล้ว
    ลดได้จาก 12% เป็น 10%" are said of the objective)."""
    if len(text) > 160 or _SENTENCE_BREAK.search(text) or not _DIGIT.search(text) or _NARRATIVE.search(text):
        return False
    return bool(_CHANGE_OPENING.match(text) and (_TARGET_WORD.search(text) or _FROM_TO.search(text)))


def _is_aside_summary(text: str, label: Label | None) -> bool:
    """Whether a toggle's summary names work or remarks beside the OKRs ("Initiatives", "📎 Key projects",
    "หมายเหตุจากที่ประชุม", "Meeting notes", "KR2 notes"), not objectives or key results ("Key results", "KR1: …")."""
    if label is not None and label.kind in (INITIATIVES, NOTE):
        return True
    if label is not None and label.kind in (OBJECTIVE, KR_HEADER, SECTION, STRATEGY, FIELD):
        return False
    if label is not None:  # "KR2 notes": a remark on a key result, not one
        text = text[label.rest_start:]
    text = without_decoration(text.strip())
    text = text[_SUMMARY_OPENING.match(text).end():]
    if not text or len(text) > 80 or len(text.split()) > 8 or _looks_measured(text):
        return False
    return bool(_ASIDE_SUMMARY.match(text) or _NOT_OKRS.search(text)) or _is_notes_head(text)


def _opens_with_status(line: _Line) -> bool:
    """Whether a tracker's status mark opens the line, before its text: "- ✅ KR1: …", "🟡 …", "- [x] …"."""
    return STATUS_MARK.search(line.source.text, 0, line.content.offset(0)) is not None


def _own_change(text: str) -> bool:
    """Whether a key result's text holds its change, from a baseline to a target ("from 2 days to 10 minutes",
    "จาก 18% เป็น 30%", "19% → 60%")."""
    return bool(_FROM_TO.search(text) or _ARROW_CHANGE.search(text))


def _progress_column(lines: list[_Line]) -> bool:
    """Whether the draft's key results close with a bare percentage after a dash as a column of check-ins does:
    two of them or more, at least half of them with a status mark, their own change or another figure before it
    ("ทำ UX research กับไรเดอร์ 20 คน — 50%"), so that the percentage is not what they measure. A list of "measure —
    target" lines ("Card payments — 40%", "Repeat orders — 35%") has no other figure."""
    closing = marked = 0
    for line in lines:
        if line.kind not in (ITEM, TEXT) or (line.label is not None and line.label.kind != KR_ITEM) \
                or "%" not in line.content.text[-40:]:
            continue
        content = _before_status(line.content)
        text = read_tracker_tail(content.text)[0]
        cut = bare_progress_start(text)
        if cut is None:
            continue
        closing += 1
        marked += content is not line.content or _opens_with_status(line) or _FIGURE.search(text, 0, cut) is not None
    return closing >= 2 and 2 * marked >= closing


# A figure of its own before a closing percentage ("กับไรเดอร์ 20 คน — 50%"), not the digits of a measure's name
# ("30-day retention", "M1 retention", "day-7", "p95") or a span of time ("7 day retention")
_FIGURE = regexcache.compile(
    r"(?<![\w.-])[0-9๐-๙][0-9๐-๙,.]*(?![\w-])"
    r"(?!\s*(?i:days?|weeks?|months?|hours?|years?|yrs?)\b|\s*(?:วัน|สัปดาห์|เดือน|ชั่วโมง|ปี))")


def _looks_measured(text: str) -> bool:
    """Whether a list item reads as a measured key result in any of the ways people write one: a change and a
    target, a from-to or an arrow ("19% → 60%", "9 -> 2"), a bound ("ไม่น้อยกว่า 85", "at least 90%")."""
    if len(text) > 400 or not _DIGIT.search(text):
        return False
    return bool(_FROM_TO.search(text) or _ARROW_CHANGE.search(text) or _TARGET_WORD.search(text)
                or _CHANGE_OPENING.match(text))


# What may happen, not a target: "Bank partners may cap volume at 20%", "ต้นทุนอาจสูงขึ้น 5%"
_MAYBE = regexcache.compile(r"(?i:\b(?:may|might|could|would)\b)|อาจ(?:จะ)?")
# Headings and lines over figures that are no key results of the objective they stand under
_NOT_A_KR_GROUP = regexcache.compile(
    r"(?i:\b(?:risks?|assumptions?|budget|costs?|experiments?|bets?|hypothes[ie]s|last\s+(?:quarter|year|cycle)"
    r"|previous\s+(?:quarter|year)|where\s+we\s+(?:are|stand)|background|context|lessons?|learnings?|results\s+so\s+far"
    r"|what\s+we\s+(?:will\s+do|did)|retro(?:spective)?|history|dependencies|open\s+questions)\b)"
    r"|ความเสี่ยง|สมมติฐาน|งบประมาณ|ผลการดำเนินงาน|ที่ผ่านมา|ไตรมาสที่แล้ว|ปีที่แล้ว|บริบท|ความเป็นมา|บทเรียน|ข้อจำกัด")
_ARROW_CHANGE = regexcache.compile(r"[0-9๐-๙][^→\n]{0,12}?(?:→|->|=>|⇒|➜|➔)\s*[$฿€£]?\s*[0-9๐-๙]")
# A story about what happened, not a target: past tense, last year, a clause hung on the figures
_NARRATIVE = regexcache.compile(
    r"(?i:\b(?:grew|fell|rose|dropped|declined|went|increased|decreased|improved|reduced|doubled|halved|slipped|climbed"
    r"|last\s+(?:year|quarter|month|cycle)|because|thanks\s+to)\b)"
    r"|ปีที่แล้ว|ปีที่ผ่านมา|ที่ผ่านมา|ไตรมาสที่แล้ว|เดือนที่แล้ว|เนื่องจาก|เพราะ")


# A line that opens a sentence of its own (capitalised as written) after a short line: not the short line wrapped.
_SENTENCE_OPENING = regexcache.compile(r"\s*(?:(?:We|Our|This|These|Those|Last|Because|Since|It|They|I|Why|Note|Context)\b"
                                       r"|เราพบว่า|เราเห็นว่า|ที่ผ่านมา|เนื่องจาก|ทั้งนี้|หมายเหตุ|ในปี|ปัจจุบัน)")
_SHORT_LINE = 70  # shorter than the widths e-mails and documents wrap text at
_OPEN_ENDING = regexcache.compile(r"(?:[,&/:;(\-–—]|\b(?i:and|or|for|to|of|the|a|an|with|in|on|by|our|their|what|that"
                                  r"|how|who|which|where|when|why|whose|is|are|be|can|will))\s*$")
_PROSE_WORD = regexcache.compile(r"(?i:\b(?:we|our|us|they|their|owns?|will|is|are|was|were|must|should|needs?|has|have"
                                 r"|can|before|after|because|until)\b)")
_REFERENCE_ID = regexcache.compile(r"\w+/\w|\b(?:[A-Za-z]{1,4}-?\d+(?:[.-]\d+)*)\b|ที่\s*[0-9๐-๙]")


def _reads_as_prose(text: str) -> bool:
    """A line under a references label that is a sentence about the work rather than a list of references: a part
    of seven words or more, or of four with a pronoun or a verb ('Lifecycle/CRM owns the post-purchase emails; we own
    the on-site recommendations.'), or a long Thai clause with no numbered reference in it."""
    text = text.strip()
    parts = [part.split() for part in re.split(r"[;,]", text) if part.strip()]
    if any(len(words) >= 7 or len(words) >= 4 and _PROSE_WORD.search(" ".join(words)) for words in parts):
        return True
    return bool(_THAI.search(text)) and len(text) > 50 and _REFERENCE_ID.search(text) is None
