"""Classification of objectives and key results: customer/internal, lifecycle stage, outcome/activity.

Shared by the JSON ``objects`` list and by the rules that reason about the same things, so a tag
and a finding never disagree.
"""

from __future__ import annotations


import attrs

from okrlint.text import regexcache
from okrlint.model import KeyResult, Objective, OKRSet

LIFECYCLE_STAGES = ("selection", "acquisition", "retention", "growth")
_COUNT_WORDS = {"number", "#", "count", "จำนวน", "ยอด"}


@attrs.frozen
class Kind:
    """Outcome or activity, with the words that decided it (for messages)."""

    activity: bool
    reason: str = ""
    verb: str | None = None


def _longer(facts, first: str, second: str) -> bool:
    """Whether the first hit of ``first`` spans more words than the first hit of ``second``."""
    a, b = facts.hits(first)[0].entry, facts.hits(second)[0].entry
    if len(a.split()) != len(b.split()):
        return len(a.split()) > len(b.split())
    return not a.isascii() and len(a) > len(b)  # Thai words have no spaces: "เพิ่มรถ" is longer than "เพิ่ม"


def _first_index(facts, category: str) -> int | None:
    hits = facts.hits(category)
    return hits[0].index if hits else None


_FILLERS = frozenset({
    "to", "we", "will", "shall", "must", "should", "the", "a", "an", "our", "and", "also", "successfully", "fully",
    "ให้", "เรา", "จะ", "และ", "ต้อง", "โดย", "มี", "การ",
})


def leading_index(facts) -> int:
    """Where the statement's main word stands: past fillers such as "we will", "ให้"."""
    for index, token in enumerate(facts.tokens):
        if token not in _FILLERS:
            return index
    return 0


_KINDS: dict[tuple, tuple] = {}  # (id of facts, the KR's values) -> (facts, Kind): several rules ask per KR
_KINDS_KEPT = 20_000


def classify_kind(facts, kr: KeyResult | None = None) -> Kind:
    """:func:`decide_kind`, remembered: kr-is-activity, vague-language, kr-missing-baseline, kr-small-step,
    kr-is-binary and the tags all ask it about the same key result."""
    key = (id(facts), None) if kr is None else (id(facts), kr.baseline, kr.target, kr.target_text, kr.unit)
    kept = _KINDS.get(key)
    if kept is not None and kept[0] is facts:  # the facts object itself is kept, so its id is not reused
        return kept[1]
    kind = decide_kind(facts, kr)
    if len(_KINDS) >= _KINDS_KEPT:
        _KINDS.clear()
    _KINDS[key] = (facts, kind)
    return kind


def decide_kind(facts, kr: KeyResult | None = None) -> Kind:
    """Is this KR an outcome (a result that moves) or an activity (a task, or a count of outputs)?

    The verb that leads the statement decides ("Hold 5 webinars", "จัดอบรม ..."); an activity word
    further on is part of a noun phrase ("95% of orders ready to collect", "ระยะเวลาดำเนินการ"). A
    statement that measures a change from a baseline to a target is an outcome even when what it
    measures is about an activity ("increase webinar attendance from 40 to 90"), unless it leads with the
    task itself ("hold webinars: from 2 to 5").
    """
    change = facts.change
    has_movement = change is not None and change.baseline is not None and change.target is not None
    if kr is not None and kr.baseline is not None and kr.target is not None:
        has_movement = True
    if facts.text.lstrip().startswith(_SUCCESS_LADDER):
        # Thai government KPIs: "ระดับความสำเร็จของการดำเนินการ... ระดับ 5", each level a step of the work done
        return Kind(True, "it scores steps of the work done ('ระดับความสำเร็จ'), not a result they bring",
                    "ระดับความสำเร็จ")
    if _PLAN_PROGRESS.search(facts.text) and not _names_a_customer(facts):
        # "% of programme milestones met", "Hit 90% of project milestones", "ร้อยละความสำเร็จของการดำเนินงานตามแผน",
        # "ร้อยละของกิจกรรมที่แล้วเสร็จตามแผน": progress on the team's own plan, not a result it brings (a customer's
        # milestone, "customers who reach the activation milestone", is theirs)
        return Kind(True, "it measures progress on the team's own plan, not a result the plan should bring", "milestones")
    if _TRAINED_SHARE.search(facts.text):
        # "ร้อยละของบุคลากรที่ได้รับการอบรม", "% of staff trained": people put through an activity, not what changed
        return Kind(True, "it counts people put through training or an event, not what they now do better",
                    "trained")
    if not facts.has("decrease") and _EFFORT_HOURS.search(facts.text):
        # "24 ชั่วโมง/คน/ปี of development", "40 hours of training per engineer": time spent learning is effort put
        # in, not what people now do better (fewer training hours for the same skill is a result: "cut ...")
        return Kind(True, "it counts hours of training put in, not what people now do better", "training hours")
    if _BUDGET_SPENT.search(facts.text):
        return Kind(True, "it counts budget spent, not what the money bought", "เบิกจ่าย")
    installed = _INSTALLED_COUNT.search(facts.text)
    if installed and not _names_a_customer(facts):
        # "จำนวนมิเตอร์อัจฉริยะที่ติดตั้งสะสม 35,000 → 120,000": equipment put in is the works' output; what it changes
        # for the people it serves (faster reconnection, fewer estimated bills) is the result
        verb = installed["th"] or installed["en"]
        return Kind(True, f"it counts things installed or built ('{verb}'), not what they change for the people served",
                    verb)
    counted_task = _COUNTED_TASK.search(facts.text)
    if counted_task:
        # "Onboarding webinars held: 0 -> 12", "จำนวนครั้งของการจัดงานแสดงสินค้า": how often the team does something
        verb = counted_task["verb"] or counted_task["verb2"] or counted_task["th"] or counted_task["th2"]
        return Kind(True, f"it counts how often a task is done ('{verb}'), not what it changes", verb)
    if _SIGNS_AGREEMENTS.search(facts.text):
        # "Sign 5 new reseller agreements", "Sign MOUs with 4 hospitals": paper signed with partners is an output;
        # what the partners then sell or deliver is the result (signing customers stays a result)
        return Kind(True, "it counts agreements signed with partners, not what the partnerships bring", "sign")
    lead = _past_the_doer(facts, leading_index(facts))
    activity_at = _first_index(facts, "activity")
    outcome_at = _first_index(facts, "outcome")
    if activity_at is not None and activity_at == outcome_at and _longer(facts, "activity", "outcome"):
        outcome_at = None  # "close the audit actions": a task named in more words than the outcome verb "close"
    leads_with_task = (activity_at is not None and activity_at == lead
                       and (outcome_at is None or activity_at < outcome_at)
                       and not _names_a_measure(facts, facts.hits("activity")[0])
                       and not _delivers_money(facts)
                       and not holds_a_level(facts)
                       and not _DRAFT_APPROVED.match(facts.text))
    nominalised = leads_with_task and activity_at > 0 and facts.tokens[activity_at - 1] in ("การ", "ความ")
    if kr is not None and kr.target is not None or change is None or change.target_mention is None:
        # the numbers are in baseline/target cells (which win over a number in the title, such as the "7 วันทำการ"
        # of an SLA): a count unless written as a share or an amount of money
        written = f"{kr.target_text or ''} {kr.unit or ''}" if kr is not None else ""
        counted = not any(sign in written for sign in ("%", "ร้อยละ", "บาท", "$", "฿", "€", "£"))
    else:
        counted = change.target_mention.kind == "number"
    if leads_with_task and has_movement and _falls(change, kr) and not facts.has("decrease"):
        leads_with_task = False  # "Audit adjustments from 14 to 7": nobody plans fewer of their own tasks; a noun
    if leads_with_task and has_movement and counted and not nominalised:  # "การปล่อยก๊าซ": emissions, a noun
        # "Submit 60 trust applications (last year 41)", "จัดอบรม 2 รุ่น → 4 รุ่น": more of a task is still a task
        # (a share or an amount of money moved is a result: "collect tax from 8.2 to 10 million baht")
        verb = facts.first("activity")
        return Kind(True, f"it starts with the activity '{verb}' (doing more of it is still an activity)", verb)
    if has_movement and counted and not facts.has("decrease") and _counts_made_outputs(facts):
        # "Increase blog output from 2 to 4 posts a week", "เพิ่มจำนวนการทดลองจาก 4 เป็น 10 ครั้ง": more outputs made
        # is more work done ("views of our videos", "customers who post a review" measure a result)
        noun = facts.first("output_nouns")
        return Kind(True, f"it counts outputs made ('{noun}'), not a change in a result", noun)
    built = _built_length(facts, kr)
    if built:
        # "Lay 1,200 km of new water mains", "ขยายเขตจำหน่ายน้ำเพิ่ม 1,200 กิโลเมตร": a length of network built is an
        # output of the works; who it now serves, or what is lost on it, is the result
        return Kind(True, f"it counts a length built ('{built}'), not what it changes for the people it serves", built)
    if has_movement:
        return Kind(False, "it measures a change from a baseline to a target")
    promoted = _promotes_or_develops(facts)
    if promoted:
        # "ส่งเสริมผลิตภัณฑ์ OTOP 50 ผลิตภัณฑ์", "พัฒนาผลิตภัณฑ์ 50 ผลิตภัณฑ์", "ส่งเสริมการตลาด…ให้ผู้ประกอบการ 120 ราย": the
        # commonest openers of a Thai government work item, with no result named after them ("พัฒนาผู้ประกอบการให้มี
        # ยอดขายเพิ่มขึ้นร้อยละ 10" names one)
        return Kind(True, f"it starts with the activity '{promoted}'", promoted)
    if outcome_at is not None and outcome_at <= lead and (activity_at is None or outcome_at < activity_at):
        if not _counts_outputs(facts, after=outcome_at):
            return Kind(False, "outcome verb", facts.first("outcome"))
    if leads_with_task:
        verb = facts.first("activity")
        return Kind(True, f"it starts with the activity '{verb}'", verb)
    moved = _moves_things(facts) if activity_at is None or activity_at != lead else None
    if moved:
        # "Move 100% of billing events to the new pipeline", "Switch our builds to GitHub Actions": a migration,
        # whatever the verb ("Migrate …" leads with a task word already)
        return Kind(True, f"it starts with the activity '{moved}'", moved)
    if _counts_outputs(facts, after=-1):
        noun = facts.first("output_nouns")
        return Kind(True, f"it counts outputs ('{noun}'), not a change in a result", noun)
    project = _NAMES_A_PROJECT.match(facts.text)
    if project is not None:
        # "โครงการพัฒนานักวิจัยรุ่นใหม่", "Project Atlas": a key result that is the name of the work to be done
        word = project.group(1) or project.group(2)
        return Kind(True, f"it names a project ('{word}'), not the result the project should bring", word)
    return Kind(False, "no leading activity verb")


# "ร่างแผนพัฒนาจังหวัดผ่านความเห็นชอบของ ก.บ.จ.", "ร่างข้อบัญญัติได้รับอนุมัติ…": ร่าง is the noun "the draft", whose
# approval is the statement (drafting it is the verb in "ร่างแผน…ให้แล้วเสร็จ")
_DRAFT_APPROVED = regexcache.compile(
    r"\s*ร่าง(?!ให้|และ)[^\s\d]{1,40}?\s*(?:ได้รับ|ผ่าน)(?:การ)?(?:ความ)?(?:เห็นชอบ|อนุมัติ|รับรอง|พิจารณา)")
_PROMOTE_OR_DEVELOP = frozenset({"ส่งเสริม", "พัฒนา"})
_JOINED = frozenset({"และ", "หรือ", "/", ","})
_QUALITIES = frozenset({"คุณภาพ", "ประสิทธิภาพ", "ศักยภาพ", "สมรรถนะ", "ขีดความสามารถ", "มาตรฐาน", "ประสิทธิผล"})
# what says a result is named after the verb: a change, a measure, an outcome word
_RESULT_AFTER = ("outcome", "increase", "decrease", "metric")


def _promotes_or_develops(facts) -> str | None:
    """The verb when a Thai statement opens with ส่งเสริม / พัฒนา (or both: "ส่งเสริมและพัฒนา") and names nothing after
    it that changes or is measured: the work of promoting or developing something, not its result."""
    tokens = facts.tokens
    if facts.language != "th" or not tokens or tokens[0] not in _PROMOTE_OR_DEVELOP:
        return None
    last = 0
    while last + 2 < len(tokens) and tokens[last + 1] in _JOINED and tokens[last + 2] in _PROMOTE_OR_DEVELOP:
        last += 2
    following = tokens[last + 1] if last + 1 < len(tokens) else ""
    if following == "การ" and tokens[0] == "พัฒนา":
        return None  # "พัฒนาการของเด็ก…": development, a noun
    if following in _QUALITIES or following.startswith("ความ"):
        return None  # "พัฒนาคุณภาพบริการ", "ส่งเสริมความปลอดภัย…": a quality to improve (vague-language's), not work
    if any(hit.index > last for category in _RESULT_AFTER for hit in facts.hits(category)):
        return None
    return "".join(tokens[:last + 1]) if last else tokens[0]


# A title that starts with the name of a piece of work: Thai โครงการ/แผนงาน/กิจกรรม (not "…ที่": "โครงการที่แล้วเสร็จ",
# the projects that finished), English "Project Atlas", "Programme 'Reach'" (a name follows, capitalised).
_NAMES_A_PROJECT = regexcache.compile(
    r"\s*(?:(โครงการ|แผนงาน|กิจกรรม)(?!\s*(?:ที่|ซึ่ง|ใด|ทั้งหมด|ละ))|(Project|Programme|Program|Initiative|Workstream)\s+[A-Z0-9\"'“‘])")


_LENGTH_UNITS = frozenset({"km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "m", "metre", "metres",
                           "meter", "meters", "mile", "miles", "mi", "กม", "กม.", "กิโลเมตร", "กิโล", "เมตร", "ม."})
# What a length of is built: pipes, mains, roads, lines, cables, lanes, tracks; and the verbs that lay or build it.
_BUILT_THINGS = regexcache.compile(
    r"(?i:\b(?:pipes?|pipelines?|mains|pipework|network|networks|roads?|roadways?|lanes?|cycleways?|paths?|footpaths?"
    r"|pavements?|sidewalks?|tracks?|rail|railways?|lines?|cables?|cabling|fib(?:re|er)s?|ducts?|sewers?|drains?|canals?"
    r"|dykes?|embankments?|levees?|fences?|fencing|grid|trunking)\b"
    r"|\b(?:lay|lays|laid|laying|build|builds|built|construct\w*|install\w*|extend\w*|pave\w*|resurface\w*|upgrade\w*"
    r"|replace\w*|renew\w*|dig|dredg\w*)\b)"
    r"|ท่อ|ถนน|เขตจำหน่าย|เขตบริการ|โครงข่าย|สายส่ง|สายไฟ|สายเคเบิล|เคเบิล|ไฟเบอร์|ทางจักรยาน|ทางเท้า|ราง|คลอง|คู|เขื่อน"
    r"|วางท่อ|ก่อสร้าง|สร้าง|ขยายเขต|ขุดลอก|ซ่อม|ปูผิว|ลาดยาง|ติดตั้ง"
)
# Where a length is a distance someone travels or a range, not something built ("within 2 km", "ระยะทาง"), or the
# state a network is in ("km of road rated good", "ถนนที่อยู่ในสภาพดี").
_DISTANCE_WORDS = regexcache.compile(
    r"(?i:\b(?:distance|distances|range|radius|travel\w*|commute\w*|journey|journeys|walk\w*|driv\w*|ride|rides"
    r"|cycled|average|per|rated|condition|good|poor|quality|safe|safer|accessible|ready)\b|\bwithin\s+[\d,.]+\s*(?:km|m|mi|miles?|metres?|meters?|kilomet\w*)\b)"
    r"|ระยะทาง|รัศมี|ภายใน\s*[\d,.]+\s*(?:กม|กิโล|เมตร)|เดินทาง|เฉลี่ย|สภาพ|ได้มาตรฐาน|ปลอดภัย"
)


def _built_length(facts, kr: KeyResult | None) -> str | None:
    """The target is a length of something the team builds or lays ("1,200 km of new water mains", "วางท่อ 1,200 กม."),
    and nothing says it is a distance travelled or a range (or is cut: "reduce leaking pipe from 90 km to 40 km")."""
    if kr is not None and kr.target is not None and kr.unit is None:
        return None
    change = facts.change
    mention = change.target_mention if change is not None else None
    if mention is None or mention.kind != "number" or (mention.unit or "").lower() not in _LENGTH_UNITS:
        return None
    if facts.has("decrease") or _DISTANCE_WORDS.search(facts.text) or not _BUILT_THINGS.search(facts.text):
        return None
    if facts.has("customer") or facts.has("metric") and any(h.term.lower() not in _LENGTH_METRIC_WORDS
                                                              for h in facts.hits("metric")):
        return None  # "households connected", "water loss per km": what the network does for people or loses
    return f"{mention.text} {mention.unit}"


_LENGTH_METRIC_WORDS = frozenset({"จำนวน", "ยอด", "ปริมาณ", "coverage"})


def _falls(change, kr: KeyResult | None) -> bool:
    """The target lies below the baseline (in the text, else in the baseline/target cells)."""
    if change is not None and change.baseline is not None and change.target is not None:
        return change.target < change.baseline
    return kr is not None and kr.baseline is not None and kr.target is not None and kr.target < kr.baseline


def _past_the_doer(facts, lead: int) -> int:
    """Where the verb stands when staff or volunteers are named first: "อสม. ลงเยี่ยมบ้าน…", "เจ้าหน้าที่ออกเยี่ยม…",
    "Volunteers visit every …" are tasks the team's own people do, as much as "Visit every …" is."""
    tokens = facts.tokens
    activities = facts.hits("activity")
    if not activities or activities[-1].index <= lead:
        return lead
    doer = lead < len(tokens) and (tokens[lead].lower() in _DOERS or any(
        h.index == lead for c in ("employees", "internal_roles") for h in facts.hits(c)))
    if not doer:
        return lead
    for hit in activities:
        between = tokens[lead + 1:hit.index]
        if hit.index > lead and all(t.lower() in _BEFORE_THE_VERB for t in between):
            return hit.index
    return lead


_DOERS = frozenset({"อสม", "อาสาสมัคร", "แกนนำ", "volunteers", "volunteer", "tutors", "mentors", "staff", "we", "เรา"})
_BEFORE_THE_VERB = frozenset({"ลง", "ออก", "will", "to", "must", "should", "จะ", "ต้อง", "each", "all", "ทุกคน"})


_ARTICLES = frozenset({"a", "an", "the", "our", "one", "its", "their"})
_TRAINED_SHARE = regexcache.compile(
    r"(?:ร้อยละ|สัดส่วน|จำนวน)(?:ของ)?\S{0,30}?(?:ที่)?(?:ได้รับการอบรม|ผ่านการอบรม|เข้ารับการอบรม|เข้าร่วมอบรม|ได้รับการฝึกอบรม"
    r"|ผ่านการฝึกอบรม|เข้าร่วมกิจกรรม|เข้าร่วมโครงการ)(?!\S*(?:และผ่าน|ผ่านการทดสอบ|ผ่านเกณฑ์|สอบผ่าน|แล้ว\S*ได้|สามารถ"
    r"|และ(?:ใช้|นำ)\S*ได้|ได้ด้วยตนเอง|ได้เอง"  # "…ผ่านการอบรมและใช้แอปได้ด้วยตนเอง": what they now do
    # "…ผู้ผ่านการอบรมที่มีรายได้เพิ่มขึ้น", "…ที่นำความรู้ไปใช้ประกอบอาชีพ": what the trainees now earn or do
    r"|ที่(?:มีรายได้|มีงานทำ|ได้งาน|ได้รับการจ้างงาน|ประกอบอาชีพ|เปิดกิจการ|นำ\S*ไปใช้|นำ\S*ไปประยุกต์)))"
    r"|(?i:\b(?:%|percent|share|number)\s+of\s+(?:\w+\s+){0,3}?(?:trained|attending|who\s+attended|who\s+completed\s+(?:the\s+)?training)\b"
    # "100% of nurses complete fall-prevention training": the course done, not what they now do differently
    r"|(?:(?:%|percent)\s+of\s+(?:our\s+|the\s+|all\s+)?|\b(?:all|every)\s+(?:[0-9,]+\s+)?)(?:\w+\s+){0,2}?"
    r"(?:complete|completes|completed|finish|finishes|attend|attends)"
    r"\s+(?:the\s+|their\s+|a\s+)?(?:[\w-]+\s+){0,3}?(?:training|course|courses|module|modules|induction|e-learning|workshop)\b(?!.*\b(?:and|then)\b))"
    # staff, carers or volunteers trained: "เจ้าหน้าที่ผ่านการอบรม… ร้อยละ 100", "ผู้ดูแลผู้ป่วย (Caregiver) ที่ผ่านการอบรม"
    r"|(?:บุคลากร|เจ้าหน้าที่|พนักงาน|ข้าราชการ|ครู|อาสาสมัคร|อสม|แกนนำ|ผู้ดูแล|พยาบาล|แพทย์|ทันตแพทย์|เภสัชกร|ผู้บริหาร"
    r"|(?i:nurses?|staff|doctors?|teachers?)"
    r"|หัวหน้า|ผู้ปฏิบัติงาน|ลูกจ้าง|พนักงานขับรถ|คนขับรถ|ผู้ขับขี่)(?:ทั้ง\s*[0-9๐-๙,]+\s*คน)?[^\d]{0,40}?(?:ที่)?"
    r"(?:ผ่านการอบรม|ได้รับการอบรม|เข้ารับการอบรม|ผ่านการฝึกอบรม|ได้รับการฝึกอบรม|ได้รับการพัฒนา)(?!\S*(?:และผ่าน|ผ่านการทดสอบ|ผ่านเกณฑ์|สอบผ่าน|แล้ว\S*ได้|สามารถ))"
)
# "ร้อยละการเบิกจ่ายงบลงทุน", "budget utilisation": money spent, not what it bought
_BUDGET_SPENT = regexcache.compile(
    r"(?:อัตรา|ร้อยละ|สัดส่วน)(?:ของ)?(?:การ)?เบิกจ่าย|^\W*(?:เพิ่ม)?(?:การ)?เบิกจ่ายงบ"
    r"|(?i:\bbudget\s+(?:spent|utili[sz]ation|execution|absorption|disbursed|disbursement)\b|\bspend(?:ing)?\s+rate\b)"
)
_COUNTED_TASK = regexcache.compile(
    r"(?i:^\W*(?:(?:increase|raise|grow|double|lift|boost)\s+(?:the\s+)?)?(?:(?:number|count|#)\s+of\s+)?(?:(?!(?:at|of|in|for|to|from|per|by|with|on)\b)[\w-]+\s+){0,2}?"
    r"(?:webinars?|workshops?|events?|sessions?|meetings?|trainings?|campaigns?|posts?|newsletters?|demos?|calls?"
    r"|site\s+visits?|roadshows?|hackathons?|seminars?)\s+(?P<verb>held|run|organi[sz]ed|delivered|conducted|hosted"
    r"|published|sent|made|posted|launched)\b"
    # "Make 2,000 welcome calls to new tenants", "Carry out 300 home visits": contacts made, counted
    r"|^\W*(?P<verb2>make|place|carry\s+out|complete|conduct|do)\s+[\d,.]+k?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:calls|visits|home\s+visits|contacts|check-ins|outreach\s+calls)\b)"
    r"|^\W*(?:เพิ่ม)?จำนวน(?:ครั้ง)?(?:ของ)?(?:การ)(?P<th>จัด(?:งาน|อบรม|ประชุม|กิจกรรม|สัมมนา)?|ดำเนินการ|อบรม|ประชุม|ลงพื้นที่"
    r"|ออกหน่วย|ประชาสัมพันธ์|เผยแพร่|ผลิตสื่อ|ให้คำปรึกษา|ให้คำแนะนำ|ตรวจเยี่ยม|นิเทศ)"
    # "จำนวนชมรมที่ได้รับการส่งเสริม", "จำนวนข่าวที่เผยแพร่", "จำนวนเครือข่ายที่จัดตั้งขึ้นใหม่", "จำนวนครั้งที่จัดอบรม":
    # what the unit supported, published, set up or held, counted
    r"|^\W*(?:เพิ่ม)?จำนวน(?!ผู้|ลูกค้า|ประชาชน|ครัวเรือน|คน|ราย(?!งาน))[^\s\d]{0,40}?ที่(?:ได้รับการ)?"
    r"(?P<th2>ส่งเสริม|สนับสนุน|จัดตั้ง|จัดอบรม|จัดประชุม|จัดกิจกรรม|จัดทำ|เผยแพร่|ประชาสัมพันธ์|ผลิต|อบรม|เสนอ|นำเสนอ)"
)
_SUCCESS_LADDER = ("ระดับความสำเร็จ", "ระดับความสําเร็จ")


def scores_a_ladder(text: str) -> bool:
    """Whether a key result is scored on a ladder of levels ("ระดับความสำเร็จของการพัฒนาระบบ CRM", levels 1–5 each a
    step of the work): progress by degrees, not done or not done."""
    return text.lstrip().startswith(_SUCCESS_LADDER)
# Progress on a plan: milestones, deliverables or planned work met, delivered or done; Thai plan-progress KPIs.
# a plan named after "ตามแผน" ("under the provincial development plan"), where "ตามแผน" alone is "on plan"
_PLAN_NAMED = r"พัฒนา|ยุทธศาสตร์|ปฏิบัติราชการ|แม่บท|ชาติ|บูรณาการ|ระดับชาติ|จังหวัด|กลุ่มจังหวัด|ท้องถิ่น|ชุมชน|ปฏิรูป"
_PLAN_PROGRESS = regexcache.compile(
    r"(?i:\b(?:milestones?|deliverables|work\s+packages?|planned\s+(?:activities|actions|tasks|work|outputs|deliverables)"
    r"|(?:action|work|project|delivery|implementation)\s+plan\s+(?:actions|tasks|items|activities)|roadmap\s+items?)\b"
    r"(?=.*\b(?:met|meet|hit|achieved?|delivered|deliver|completed?|reached|done|on\s+time|on\s+schedule|on\s+track"
    r"|to\s+plan|as\s+planned|slipp\w*|missed|late)\b)"
    r"|\b(?:met|meet|hit|achieve|deliver|complete|reach|%|percent(?:age)?|share|proportion)\s+(?:of\s+)?(?:the\s+|our\s+|all\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:milestones|deliverables|planned\s+(?:activities|actions|tasks|work))\b)"
    r"|(?:ความสำเร็จ|ความสําเร็จ|ความก้าวหน้า)(?:ของ|ใน)?(?:การ)?(?:ดำเนินการ|ดำเนินงาน|ดําเนินการ|ดําเนินงาน|โครงการ|แผน|กิจกรรม)"
    # ("โครงการตามแผนพัฒนาจังหวัดที่บรรลุตัวชี้วัดผลลัพธ์": the projects of a plan named, whose outcome is measured)
    r"|(?:กิจกรรม|โครงการ|แผนงาน|หมุดหมาย|ไมล์สโตน)[^\s\d]{0,30}?(?:ตามแผน(?!" + _PLAN_NAMED + r")|ตามกำหนด|ตามกําหนด|แล้วเสร็จ)"
    r"|การ(?:ดำเนินการ|ดำเนินงาน|ดําเนินการ|ดําเนินงาน)(?:ได้)?(?:ตามแผน|แล้วเสร็จตามแผน)"
    # "ร้อยละของงานตรวจสอบที่ดำเนินการแล้วเสร็จตามแผน": the unit's own planned work done
    r"|ที่(?:ดำเนินการ|ดำเนินงาน|ดําเนินการ|ดําเนินงาน)(?:ได้)?(?:แล้ว)?(?:เสร็จ)?ตามแผน"
    # "ร้อยละของหม้อแปลงที่ได้รับการบำรุงรักษาตามแผน", "ร้อยละของถนนที่ได้รับการซ่อมบำรุงตามแผน": the work the plan gives
    # the unit's assets, done (a patient's care plan, "ตามแผนการรักษา", is the patient's)
    r"|ที่ได้รับการ[^\s\d]{2,30}?(?:แล้วเสร็จ|ครบ)?ตามแผน(?!\s*(?:การ)?(?:รักษา|ดูแล|พยาบาล|ฟื้นฟู)|" + _PLAN_NAMED + r")"
)
# "จำนวนมิเตอร์อัจฉริยะที่ติดตั้งสะสม", "จำนวนสถานีที่ก่อสร้างแล้วเสร็จ", "number of smart meters installed": things the team
# installed, built or replaced, counted: its output ("จำนวนครัวเรือนที่ติดตั้งโซลาร์เซลล์" counts people who did it)
_INSTALLED_COUNT = regexcache.compile(
    r"(?:^|\s)(?:เพิ่ม)?จำนวน(?!ผู้|ลูกค้า|ประชาชน|ครัวเรือน|บ้าน|คน|ราย|ร้าน|สมาชิก|ผู้ประกอบการ|ชุมชน|หมู่บ้าน|โรงเรียน|ครั้ง)"
    r"[^\s\d]{1,40}?ที่(?:ได้รับการ|ได้)?(?P<th>ติดตั้ง|ก่อสร้าง|สร้าง|เปลี่ยน|ซ่อมแซม)(?!ให้|แล้วใช้|และใช้)"
    r"|(?i:\bnumber\s+of\s+(?:[\w-]+\s+){0,3}?(?P<en>installed|constructed|built|replaced)\b)")
_EFFORT_HOURS = regexcache.compile(
    r"ชั่วโมง(?:การ)?(?:ฝึก)?(?:อบรม|เรียนรู้|พัฒนา)"
    r"|(?:ได้รับการ(?:พัฒนา|อบรม|ฝึกอบรม)|เข้ารับการ(?:อบรม|ฝึกอบรม)|ฝึกอบรม|อบรม|เรียนรู้)\D{0,40}?\d+(?:[.,]\d+)?\s*ชั่วโมง"
    r"|(?i:\b(?:hours?|hrs?)\s+(?:of\s+)?(?:[\w-]+\s+){0,2}?(?:training|learning|coaching|cpd|upskilling|e-learning"
    r"|mentoring|professional\s+development|courses?|classroom)\b"
    r"|\b(?:training|learning|cpd|upskilling|coaching|development)\s+hours?\b)"
)
_SIGNS_AGREEMENTS = regexcache.compile(
    r"(?i:^\s*(?:(?:we\s+)?(?:will\s+)?)(?:sign|signs|signed|ink|execute)\b(?!\s+up\b)(?:\s+[\w/&-]+){0,5}?\s+"
    r"(?:agreements?|contracts?\s+with\s+(?:\w+\s+){0,2}?(?:partners?|resellers?|distributors?|suppliers?|vendors?)"
    r"|mous?|memorand\w*|partnerships?|partners|resellers|distributors|affiliates|suppliers|vendors|letters?\s+of\s+intent|lois?)\b)"
    # Thai, formal or everyday: "ลงนาม/เซ็น MOU กับ…", "เซ็นบันทึกข้อตกลง…", "เซ็นสัญญากับพันธมิตร/คู่ค้า…"
    r"|^\s*(?:ลงนาม|เซ็น)\s*(?:(?i:mous?|moas?)(?![a-z])|บันทึกข้อตกลง|บันทึกความเข้าใจ|ข้อตกลงความร่วมมือ"
    r"|สัญญา[^0-9]{0,20}?(?:พันธมิตร|คู่ค้า|ตัวแทนจำหน่าย|ผู้จัดจำหน่าย|ซัพพลายเออร์|(?i:partners?|suppliers?|vendors?)))"
    # The same output counted: "Number of MOUs signed with …", "5 partnership agreements signed", "signed MOUs: 2 -> 5",
    # "จำนวน MOU ที่ลงนามกับ…", "จำนวนบันทึกข้อตกลงความร่วมมือที่ได้ลงนาม", "จำนวนการลงนามบันทึกข้อตกลง"
    r"|(?i:^\s*(?:(?:the\s+)?(?:number|no\.?|count|total)\s+of\s+|\d+\s+|#\s*)?(?:new\s+)?(?:[\w-]+\s+)??(?:mous?|moas?|memorand(?:a|um|ums)(?:\s+of\s+(?:understanding|agreement))?"
    r"|(?:partnership|partner|cooperation|co-operation|collaboration|reseller|distribution|framework)\s+agreements?"
    r"|letters?\s+of\s+intent|lois?)\s+(?:(?:were|are|to\s+be|being|have\s+been)\s+)?signed\b"
    r"|^\s*(?:(?:the\s+)?(?:number|no\.?|count|total)\s+of\s+|\d+\s+|#\s*)?(?:new\s+)?signed\s+(?:new\s+)?(?:mous?|moas?|memorand\w*|(?:partnership|partner|cooperation|collaboration)\s+agreements?"
    r"|letters?\s+of\s+intent|lois?)\b)"
    r"|^\s*(?:จำนวน(?:ของ)?\s*)?(?:(?i:mous?|moas?)(?![a-z])|บันทึกข้อตกลง|บันทึกความเข้าใจ|ข้อตกลงความร่วมมือ)[^\d]{0,40}?ที่(?:ได้(?:รับการ)?|มีการ)?(?:ลงนาม|เซ็น)"
    r"|^\s*จำนวน\s*(?:การ|ครั้ง(?:ที่|ของ)?(?:การ)?)?(?:ลงนาม|เซ็น)(?:ใน)?\s*(?:(?i:mous?|moas?)(?![a-z])|บันทึกข้อตกลง|บันทึกความเข้าใจ|ข้อตกลงความร่วมมือ)"
)
# What people do with an output, which makes a count of it a result ("videos watched", "posts shared", "papers
# cited", "ผลงานวิจัยที่นำไปใช้ประโยชน์"). Published (ตีพิมพ์, like "published") is not: it is how the output is made.
_OUTPUT_USED = regexcache.compile(
    r"(?i:\b(?:watched|viewed|views|read|reads|readers|downloaded|downloads|completed|completions|attended|shared|shares"
    r"|adopted|used|opened|clicked|clicks|liked|likes|saved|cited|citations|accepted|booked|bookings?|requested|requests"
    r"|inbound|incoming|converted|conversions?|paid|won|sold|renewed|by\s+(?:our\s+)?(?:users|customers|members))\b)"
    r"|ยอดวิว|ยอดชม|ผู้ชม|ยอดเข้าชม|ยอดดาวน์โหลด|ดาวน์โหลด|ยอดแชร์|แชร์|ยอดไลก์|อ้างอิง|ผ่านการ|ผู้อ่าน|ผู้เข้าร่วม|ผู้ใช้"
    r"|จอง|คำขอ|ขอรับ|ร้องขอ|ซื้อ|ขายได้|ใช้ประโยชน์|นำไปใช้"
)


# "Hold monthly churn below 2%", "Hold NPS at or above 45", "Hold gross margin between 40 and 45%": 'hold' with a
# measure and a bound or range keeps a level, as "keep" does; "Hold 4 workshops", "Hold quarterly business reviews
# with 50 accounts" (no bound, or a count of the events straight after the verb) stay tasks
_HOLDS_A_LEVEL = regexcache.compile(
    r"(?i)\W*(?:we\s+(?:will\s+|must\s+|should\s+)?|to\s+)?holds?\s+(?![$€£¥฿]?[0-9])"
    r"(?P<what>(?:[\w%'’&/.-]+\s+){1,12}?)"
    r"(?:below|under|beneath|above|over|at\s+or\s+(?:above|below|under|over|better\s+than)|at\s+least|at\s+most"
    r"|no\s+(?:more|less|fewer|higher|lower|worse)\s+than|not\s+(?:above|below|over|under)|between|within"
    r"|steady\s+at|flat\s+at|at)\s+[<>≤≥]?=?\s*[-+−]?(?P<money>[$€£¥฿])?[0-9][0-9,.]*\s*(?P<share>%|percent\b|pts?\b)?")


# What is held when "hold" is an event's verb ("Hold the annual partner summit", "Hold 4 workshops").
_EVENT_WORDS = frozenset("""review reviews qbr qbrs summit summits meeting meetings workshop workshops event events session
    sessions conference conferences webinar webinars training trainings offsite offsites retreat retreats hackathon
    hackathons meetup meetups town hall halls forum forums roadshow roadshows demo demos day days fair fairs
    ceremony ceremonies campaign campaigns class classes clinic clinics""".split())


# "ควบคุมค่าใช้จ่ายบุคลากรไม่ให้เกิน 45% ของรายได้", "คุมต้นทุนขายให้อยู่ในระดับไม่เกินร้อยละ 60": a cap to stay under, the
# Thai of "Hold … below", as "รักษา…ไว้ไม่เกิน" is
_THAI_CAPS_A_LEVEL = regexcache.compile(
    r"\s*(?:ควบคุม|คุม)\S.{0,80}?(?:ไม่ให้|ให้|ไว้)\s*(?:อยู่\s*)?(?:ใน\s*(?:ระดับ|เกณฑ์)\s*)?(?:ที่\s*)?"
    r"(?:ไม่เกิน|ไม่สูงกว่า|ไม่มากกว่า|ต่ำกว่า|เกิน|สูงกว่า|ไม่ต่ำกว่า|ไม่น้อยกว่า)\s*(?:ร้อยละ\s*)?[0-9๐-๙]")


def holds_a_level(facts) -> bool:
    """'Hold' leading a measure and a bound or range ("Hold monthly churn below 2%", "Hold NPS at or above 45"): a
    level kept, as "keep" says, not an event held. The words between name a measure, or the bound is a share or money.
    So is the Thai cap "ควบคุม…ไม่ให้เกิน 45%"."""
    if _THAI_CAPS_A_LEVEL.match(facts.text):
        return True
    match = _HOLDS_A_LEVEL.match(facts.text)
    if match is None:
        return False
    what = f" {match['what'].lower()} "
    names_a_measure = any(f" {hit.term.lower()} " in what for hit in facts.hits("metric"))
    if not names_a_measure and (not _EVENT_WORDS.isdisjoint(what.split()) or " with " in what):
        return False  # "Hold quarterly business reviews with at least 80% of …", "Hold the summit under $50k": events
    return bool(match["money"] or match["share"]) or names_a_measure


# Moving things (not people) to a new system or a named one: "Move 80% of billing events to the new pipeline",
# "Port the billing service to Kotlin", "Switch all builds over to GitHub Actions"
_MOVES_THINGS_TO = regexcache.compile(
    r"\W*(?i:(?:we\s+(?:will\s+)?)?(?P<verb>move|moves|port|ports|switch|switches|shift|shifts|transfer|transfers"
    r"|rehost|rehosts|re-host|replatform|cut\s+over)\s+(?!from\b|to\b|up\b|down\b|forward\b|ahead\b|faster\b)"
    r"(?:[\w%,.'’&/-]+\s+){1,8}?(?:(?:over\s+)?to|onto|into)\s+(?:the\s+|our\s+|a\s+)?)(?:(?i:new|modern)\b|[A-Z])")


def _moves_things(facts) -> str | None:
    """The verb of a key result that moves things to a new or named system (a migration), unless what moves are
    people or customers, who move one by one ("Move 60% of customers to annual plans"), or it moves a measure
    ("Move NPS from 30 to 45")."""
    moved = _MOVES_THINGS_TO.match(facts.text)
    if moved is None or facts.has("customer") or facts.has("internal_customer") or facts.has("population") \
            or facts.has("metric") and any(h.index <= 3 for h in facts.hits("metric")):
        return None
    return " ".join(moved["verb"].lower().split())


_DELIVERING = frozenset({"deliver", "delivers", "achieve", "achieves", "generate", "generates", "realise", "realize",
                         "secure", "secures", "bring", "return"})


def _delivers_money(facts) -> bool:
    """"Deliver £2.1m of efficiency savings", "Secure ฿5M in new funding": a sum of money brought in or saved is a
    financial result, though its verb often leads a task."""
    tokens = facts.tokens
    if not tokens or tokens[leading_index(facts)].lower() not in _DELIVERING:
        return False
    quantities = facts.quantities
    return bool(quantities) and quantities[0].kind == "money"


def _names_a_measure(facts, hit) -> bool:
    """The leading word is the first half of a measure's name, not a verb: "open rate", "load time", "test
    coverage", "review rating" (but "survey customers", "train users" are tasks done to people)."""
    following = hit.index + len(hit.term.split())
    if following >= len(facts.tokens) or facts.tokens[following] in _ARTICLES:
        return False
    return any(m.index == following for m in facts.hits("metric")) and not any(
        c.index == following for c in facts.hits("customer") + facts.hits("internal_customer"))


def is_one_off(facts, kind: Kind) -> bool:
    """An activity done once (a deliverable: build, migrate, จัดทำ), not a recurring one (call, promote)."""
    if not kind.activity or kind.verb is None:
        return False
    hits = facts.hits("activity")
    if not hits:
        return False
    first = hits[0]
    if any(h.index == first.index for h in facts.hits("deliverable")):
        return True
    following = first.index + len(first.term.split())
    return following < len(facts.tokens) and facts.tokens[following] in _ARTICLES


def _counts_outputs(facts, after: int) -> bool:
    """A number of outputs ("5 webinars", "จำนวนโครงการ 3 โครงการ") with no outcome metric measured."""
    outputs = [h for h in facts.hits("output_nouns") if h.index > after and not _divides_by(facts.tokens, h.index)]
    if not outputs:
        return False
    if _OUTPUT_USED.search(facts.text) or facts.has("vanity"):
        # "ยอดวิวคลิป… 100,000 วิว", "ยอดไลก์โพสต์…เป็นสองเท่า", "downloads of our reports": what people do with the
        # outputs is counted, not the outputs (vanity-metric says what is wrong with views and likes)
        return False
    if any(q.value == 0 for q in facts.quantities):
        return False  # "Keep breaking changes in minor releases at 0": nobody aims to make none of their outputs
    if facts.quantities and all(q.kind == "percent" for q in facts.quantities):
        return False  # "cut repeat calls to 5%": a rate of them, not a number of them made
    if facts.quantities and all(q.kind == "money" for q in facts.quantities):
        return False  # "ยอดจำหน่ายในงานแสดงสินค้า…เป็น ๙๐ ล้านบาท": money made at the events, not events made
    if any((q.unit or "").lower() in _DOCUMENT_UNITS for q in facts.quantities):
        return True  # "มีคู่มือการดูแลผู้ป่วยหลังจำหน่าย 1 ฉบับ": copies of a document, whoever the document is about
    metric_hits = [h for h in facts.hits("metric") if h.index > after and h.term not in ("จำนวน", "ยอด")]
    # a demo is made for a customer, but "40 demos" still counts what the team does
    counted_nouns = {h.index for h in outputs}
    customers = [h for h in facts.hits("customer") if h.index > after and h.index not in counted_nouns]
    if metric_hits or customers:
        return False
    units = {(n.unit or "").lower() for n in facts.quantities}
    output_terms = {h.term.rstrip("*").lower() for h in outputs}
    tokens = facts.tokens
    counted = any(
        tokens[i - 1] in _COUNT_WORDS or (i >= 2 and tokens[i - 2] in ("number", "จำนวน"))
        for i in (h.index for h in outputs)
        if i >= 1
    )
    return counted or bool(units & output_terms) or bool(facts.quantities)


_PER = frozenset({"per", "each", "every", "/", "ต่อ", "แต่ละ", "ทุก"})
# The Thai classifiers of documents: "คู่มือ 1 ฉบับ", "รายงาน 4 เล่ม"
_DOCUMENT_UNITS = frozenset({"ฉบับ", "เล่ม"})


def _divides_by(tokens: tuple[str, ...], index: int) -> bool:
    """The output noun at ``index`` is what a measure is divided by, not what is counted: "1,500 likes per
    TikTok post", "views/video", "ยอดไลก์ต่อโพสต์"."""
    return any(tokens[i].lower() in _PER for i in range(max(0, index - 2), index))


def _counts_made_outputs(facts) -> bool:
    """A number of outputs the team makes ("posts", "experiments", "webinars") moved from a baseline, with
    nothing about who used them: no outcome metric, no customer, no reader or viewer. Only outputs that are
    plainly made by the team count: reports, releases, demos, cases (เรื่อง) or pieces (ชิ้น) are often made,
    asked for or bought by others ("near-miss reports", "demo requests", "ขายได้ 500 ชิ้น")."""
    outputs = [h for h in facts.hits("output_nouns")
               if h.term.lower().startswith(_MADE_OUTPUTS) and not _divides_by(facts.tokens, h.index)]
    if not outputs or _OUTPUT_USED.search(facts.text) or facts.has("vanity"):
        return False  # "post reach", "ยอดการเข้าถึงโพสต์": attention on the outputs (vanity-metric's to say)
    if any(h.term not in _NOT_A_MEASURE for h in facts.hits("metric")):
        return False
    return not (facts.has("customer") or facts.has("internal_customer") or facts.has("population"))


_MADE_OUTPUTS = ("dial", "touch", "connects", "cold call", "outbound call", "outreach email", "sequence", "post", "blog post", "article", "video", "experiment", "tests", "webinar", "workshop", "event",
                 "campaign", "newsletter", "podcast", "case stud", "whitepaper", "ebook", "meeting", "email", "call",
                 "seminar", "hackathon", "conference", "booth", "brochure", "training", "interview", "โพสต์", "คอนเทนต์", "คลิป", "วิดีโอ", "บทความ", "การทดลอง", "แคมเปญ", "สัมมนา", "อบรม",
                 "กิจกรรม", "เวิร์กช็อป", "จดหมายข่าว", "อีเมล", "การประชุม", "ประชุม", "นิทรรศการ", "บูธ", "เวที")
# "จำนวน" counts, and a time unit after "per" or "/" says how often: neither is an outcome measure.
_NOT_A_MEASURE = frozenset({"จำนวน", "ยอด", "วัน", "สัปดาห์", "เดือน", "ชั่วโมง", "days", "weeks", "hours", "minutes"})


def is_customer_facing(facts) -> bool:
    """Names a customer, an internal customer, or a measure that only exists for customers (upsell, ICP)."""
    return (_names_a_customer(facts) or _serves_an_internal_customer(facts) or bool(_growth_hits(facts))
            or facts.has("lifecycle_selection") or _CHOOSES_A_VENDOR.search(facts.text) is not None)


def _names_a_customer(facts) -> bool:
    """A customer word, unless it is about the organisation's own suppliers or staff ("vendor onboarding",
    "employee onboarding", "supplier satisfaction"), the people it hires ("Hire 4 support agents"), what a cost is
    divided by ("AWS cost per active customer", "ค่าใช้จ่ายต่อบัญชีลูกค้า"), a data product named after customers
    ("customer 360", "customer data platform") or a state enterprise."""
    if _trade_customers(facts):
        return True
    hits = facts.hits("customer")
    tokens = facts.tokens
    return any(not (h.index and tokens[h.index - 1].lower().rstrip("s") in _OWN_SIDE and not _staff_of_a_client(h)
                    and not _trade_measure(facts, h))
               and not _hired(facts, h) and not _divides_a_cost(facts, h) and not _names_a_data_product(facts, h)
               and not (h.term.lower() == "enterprise" and h.index and tokens[h.index - 1].lower() in ("state", "social"))
               and not _STAFF_ONLY_AFTER.intersection(t.lower() for t in tokens[h.index + h.size: h.index + h.size + 2])
               and not _own_sites(facts, h) and not _in_a_context_clause(facts, h) and not _of_own_staff(facts, h)
               for h in hits)


# Thai names whose satisfaction or complaints they are after the word: "ความพึงพอใจของบุคลากร", "…ของแพทย์และพยาบาล",
# "ข้อร้องเรียนของพนักงาน" are the organisation's own people (as "staff satisfaction" reads in English), unless they are a
# client's ("ความพึงพอใจของพนักงานบริษัทคู่สัญญา").
_OWN_STAFF_TH = ("บุคลากร", "พนักงาน", "เจ้าหน้าที่", "ข้าราชการ", "ลูกจ้าง", "แพทย์", "พยาบาล", "ครู", "อาจารย์",
                 "ผู้ปฏิบัติงาน", "ทีมงาน", "ผู้บริหาร")
_OWNER_GLUE_TH = frozenset({"ของ", "ใน", "ใน", "จาก", "ทั้ง", "ทุกคน"})


def _of_own_staff(facts, hit) -> bool:
    if hit.term not in _STAFF_MEASURES_TH:
        return False
    tokens = facts.tokens
    at = hit.index + _token_span(tokens, hit)
    while at < len(tokens) and tokens[at] in _OWNER_GLUE_TH:
        at += 1
    if at >= len(tokens) or not tokens[at].startswith(_OWN_STAFF_TH):
        return False
    following = tokens[at: at + 4]
    return not any(t in _CLIENT_ORGANISATIONS or t.startswith(("บริษัทคู่สัญญา", "ลูกค้า", "คู่สัญญา")) for t in following)


_STAFF_MEASURES_TH = frozenset({"ความพึงพอใจ", "ข้อร้องเรียน", "เรื่องร้องเรียน"})


def _token_span(tokens, hit) -> int:
    """How many tokens a Thai term found at ``hit.index`` covers (Thai words may be cut finer than the term)."""
    term = hit.term
    for count in range(1, 6):
        if "".join(tokens[hit.index: hit.index + count]) == term:
            return count
    return 1


def _trade_customers(facts) -> list:
    """Tradespeople who are customers: won, signed, retained or paying ("Win mid-size plumbing contractors", "new
    contractors signed"), or who choose, buy or use the company's product ("contractors
    who pick us"); not the company's own ("our contractors", "hire 3 contractors", "contractors we use", "contractor
    spend", "staff and contractors"), whose words win over the others."""
    found = []
    tokens = [t.lower() for t in facts.tokens]
    for hit in facts.hits("trade_customers"):
        end = hit.index + _token_span(facts.tokens, hit)
        before, after = tokens[max(0, hit.index - 4): hit.index], tokens[end: end + 3]
        if "per" in before[-2:]:
            continue  # "hosting cost per active contractor": a unit cost's divisor, as "per active customer" is
        if set(before) & _OWN_TRADE_BEFORE or after[:1] and (
                after[0] in _OWN_TRADE_AFTER or after[0] == "and" and after[1:2] and after[1] in ("employees", "staff")
                or after[0] in ("we", "you") or after[0] == "to" and after[1:2] and after[1] in _PERMANENT) \
                or before[-2:] in (["employees", "and"], ["staff", "and"], ["employees", "or"], ["staff", "or"]):
            continue
        if set(before) & _CUSTOMER_TRADE_BEFORE or after[:1] and after[0] in _CUSTOMER_TRADE_AFTER or (
                after[:1] == ["who"] and after[1:2] and after[1] in _CUSTOMER_TRADE_AFTER):
            found.append(hit)
    return found


# "our contractors", "hire contractors", "contractors we use", "contractor spend/rates/timesheets", "convert contractors
# to permanent roles": the company's own tradespeople
_OWN_TRADE_BEFORE = frozenset("""our hire hires hired hiring engage engages engaged engaging recruit recruits recruited
    employ employs employed external third-party agency approved preferred appoint appointed manage managing
    supervise supervising induct inducted""".split())
_OWN_TRADE_AFTER = frozenset("""staff workforce headcount spend spending cost costs rate rates invoice invoices hours
    timesheet timesheets day-rates day safety induction inductions working work on-site onsite compliance access badges
    payments fees wages framework frameworks panel""".split())
_PERMANENT = frozenset({"permanent", "full-time", "employees", "staff", "perm"})
# "win/sign/retain contractors", "new/paying/active contractors", "contractors signed",
# "contractors who choose us": tradespeople the company sells to
_CUSTOMER_TRADE_BEFORE = frozenset("""win wins won winning sign signs signed signing acquire acquired acquiring convert
    converted converting retain retained retaining serve serving served attract attracting new paying active existing
    churned lost prospective trial target""".split())
_CUSTOMER_TRADE_AFTER = frozenset("""signed won onboarded retained churned churn churning choose chooses chose pick picks
    picked buy buys bought pay subscribe subscribes subscribed renew renews renewed stay stays put puts book books trust
    trusts recommend recommends switch switches adopt adopts activate activated retention nps csat signups sign-ups
    accounts customers""".split())
# A customer measure said of contractors ("contractor churn", "contractor NPS"): only customers churn or rate a vendor
_TRADE_MEASURES = ("churn", "retention", "renewal", "signup", "sign-up", "nps", "net promoter", "activation", "conversion",
                   "acquisition", "trial")


def _trade_measure(facts, hit) -> bool:
    return facts.tokens[hit.index - 1].lower().rstrip("s") == "contractor" and hit.term.lower().startswith(_TRADE_MEASURES)


# "…as delivery volume grows", "…ขณะที่ยอดสั่งซื้อเพิ่มขึ้น": a clause that only says what else is changing meanwhile
_CONTEXT_OPENERS = frozenset({"as", "while", "whilst", "ขณะที่", "ในขณะที่"})
_CONTEXT_CHANGES = frozenset("""grow grows grew growing increase increases rise rises scale scales expand expands double doubles
    climb climbs เพิ่มขึ้น เติบโต โต ขยายตัว""".split())


def _in_a_context_clause(facts, hit) -> bool:
    tokens = facts.tokens
    opener = next((i for i in range(hit.index - 1, max(-1, hit.index - 5), -1) if tokens[i].lower() in _CONTEXT_OPENERS), None)
    if opener is None or opener == 0:
        return False
    tail = [t.lower() for t in tokens[hit.index + hit.size:]]
    return 1 <= len(tail) <= 3 and tail[-1] in _CONTEXT_CHANGES


# Thai names the staff first and whose staff they are after: "พนักงานบริษัทคู่สัญญา", "พนักงานของลูกค้าองค์กร" are a
# client's people, whom the team serves (the English "client employees" puts the client first and is read so already).
_CLIENT_ORGANISATIONS = frozenset({"บริษัทคู่สัญญา", "คู่สัญญา", "บริษัทลูกค้า", "องค์กรลูกค้า", "ลูกค้าองค์กร", "บริษัทสมาชิก",
                                   "องค์กรสมาชิก", "ลูกค้า", "สมาชิก", "หน่วยงานคู่สัญญา"})


def _staff_of_a_client(hit) -> bool:
    return hit.term in _CLIENT_ORGANISATIONS


# Places that may be customers ("Sign 12 new clinics") or the organisation's own sites ("electricity use across the
# three hospitals", "ของโรงพยาบาลทั้งสามแห่ง", "all our stores"): a definite, counted or owned set is its own.
_SITE_WORDS = frozenset("""hospitals clinics clinic schools stores shops hotels restaurants cafes cafés pharmacies
    practices venues โรงเรียน ร้านค้า ร้านอาหาร โรงแรม สถานประกอบการ""".split())
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten twelve dozen".split())
_OWN_SITES_AFTER_TH = regexcache.compile(r"\s*(?:ทั้ง\s*(?:[0-9๐-๙]+|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|หมด)|ทุกแห่ง|ทุกสาขา|ในเครือ|ในสังกัด|ของเรา|ของบริษัท)")


def _own_sites(facts, hit) -> bool:
    if hit.term.rstrip("*").lower() not in _SITE_WORDS:
        return False
    tokens = facts.tokens
    if not tokens[hit.index].isascii():  # Thai names the set after the place: "โรงพยาบาลทั้งสามแห่ง", "…ในเครือ"
        end = hit.index + hit.size
        return bool(_OWN_SITES_AFTER_TH.match("".join(tokens[end: end + 4])))
    before = [t.lower() for t in tokens[max(0, hit.index - 3): hit.index]]
    if before[-1:] == ["our"] or before[-2:-1] == ["our"] and before[-1:] and (before[-1].isdigit() or before[-1] in _NUMBER_WORDS):
        return True  # "our hospitals", "our 40 stores"
    counted = before[-1:] and (before[-1].isdigit() or before[-1] in _NUMBER_WORDS)
    return bool(counted and len(before) >= 2 and before[-2] in ("the", "all", "these", "those"))


# What only the organisation's own people have: "driver rostering", "driver rotas", "nurse overtime" are staff.
_STAFF_ONLY_AFTER = frozenset("""roster rosters rostering rostered rota rotas payroll wages salaries salary overtime
    vacancies vacancy recruitment sickness absence absences headcount shift shifts""".split())


_OWN_SIDE = frozenset({"vendor", "supplier", "employee", "staff", "hire", "new-hire", "contractor", "intern", "recruit",
                       "ซัพพลายเออร์", "คู่ค้า", "พนักงาน", "บุคลากร"})
_COST_WORDS = ("cost", "costs", "expense", "expenses", "spend", "spending", "opex", "ค่าใช้จ่าย", "ต้นทุน")
# "Mid-market finance teams pick Tallyfold over spreadsheets", "finance leaders see us as …": buyers choosing a vendor,
# whatever their job is called
_CHOOSES_A_VENDOR = regexcache.compile(
    r"(?:\b(?:pick|picks|picked|choose|chooses|chose|select|selects|prefer|prefers|switch|switches)\s+(?:to\s+)?"
    r"[A-Z][\w-]*\s+(?:over|instead\s+of|rather\s+than)\b"
    r"|(?i:\b(?:see|sees|saw|regard|regards|rate|rates)\s+us\s+as\b))"
)


def _hired(facts, hit) -> bool:
    """"Hire 4 support agents", "Recruit 3 customer success managers": the roles a team staffs itself with (but
    "Recruit 200 new members" wins customers); "จ้างเจ้าหน้าที่บริการลูกค้า 5 อัตรา"."""
    following = hit.index + hit.size
    role_after = any(r.index == following for r in facts.hits("internal_roles")) or (
        following < len(facts.tokens) and facts.tokens[following].lower() in _STAFF_ROLES)
    # Thai names the role first: "จ้างเจ้าหน้าที่บริการลูกค้า 5 อัตรา"
    role_before = any(t in _STAFF_ROLES for t in facts.tokens[max(0, hit.index - 3): hit.index])
    if not role_after and not role_before:
        return False
    return any(0 < hit.index - h.index <= 4 for h in facts.hits("activity") if h.term.lower().startswith(_HIRING))


_STAFF_ROLES = frozenset({"agent", "agents", "rep", "reps", "representative", "representatives", "manager", "managers",
                          "executive", "executives", "specialist", "specialists", "advisor", "advisors", "adviser",
                          "advisers", "engineer", "engineers", "staff", "officer", "officers", "associate", "associates",
                          "เจ้าหน้าที่", "พนักงาน"})


def _divides_a_cost(facts, hit) -> bool:
    """The customer word is what a cost is divided by: "AWS cost per active customer", "ค่าใช้จ่ายดำเนินงานต่อบัญชีลูกค้า"."""
    tokens = facts.tokens
    per = next((i for i in range(max(0, hit.index - 3), hit.index) if tokens[i].lower() in _PER), None)
    if per is None or any(h.index < hit.index + hit.size and h.index > per for h in facts.hits("lifecycle_acquisition")):
        return False  # "cost per acquired customer": what winning a customer costs, an acquisition measure
    return any(t.lower() in _COST_WORDS for t in tokens[:per])


_DATA_PRODUCT_AFTER = ("360", "data platform", "data", "database", "databases", "master data", "cdp", "record",
                       "records", "data warehouse", "data model")


def _names_a_data_product(facts, hit) -> bool:
    """"Build the customer 360 data platform", "Clean up the customer database": data kept about customers."""
    if not facts.text.isascii() and facts.language == "th":
        return False
    after = " ".join(facts.tokens[hit.index + hit.size: hit.index + hit.size + 2]).lower()
    return any(after == word or after.startswith(word + " ") for word in _DATA_PRODUCT_AFTER) and not any(
        t.lower() in _KEPT_SAFE for t in facts.tokens)


# Data about customers kept safe or private for them ("Patient data stays protected", "Keep customer records
# private"): that is for the customers, not a data product
_KEPT_SAFE = frozenset({"protect", "protects", "protected", "protecting", "protection", "privacy", "private", "breach",
                        "breaches", "breached", "leak", "leaks", "leaked", "access", "own", "control", "safe", "safely",
                        "secure", "secured", "securely", "confidential", "confidentiality", "stolen", "exposed"})


_UPGRADE_TERMS = ("upgrade", "อัปเกรด", "อัพเกรด")
_PLAN_WORDS = regexcache.compile(r"(?i:\b(?:plan|plans|tier|tiers|premium|paid|pro|package|packages|subscription"
                                 r"|subscriptions|edition|seats?)\b)|แพ็กเกจ|แพ็คเกจ|แพคเกจ|พรีเมียม|สมาชิก")


def _growth_hits(facts) -> list:
    """Words of growing what customers buy, unless they are about something else: an upgrade of the team's own
    systems ("Upgrade all Kubernetes clusters"), an employee referral, a cost per customer."""
    found = []
    tokens = facts.tokens
    for hit in facts.hits("lifecycle_growth"):
        term = hit.term.lower()
        if term.startswith(_UPGRADE_TERMS) and not (_names_a_customer(facts) or _PLAN_WORDS.search(facts.text)):
            continue
        if hit.index and tokens[hit.index - 1].lower().rstrip("s") in _OWN_SIDE:
            continue
        if term.split(" ")[0] in ("per", "ต่อ") or term.startswith("ต่อ"):
            if any(t.lower() in _COST_WORDS for t in tokens[:hit.index]):
                continue
        found.append(hit)
    return found


def _serves_another_team(facts, okr_set: OKRSet, analyser) -> bool:
    """A team or role the text says needs or gets this team's work ("หน่วยบริการได้รับเงินชดเชย…", "Hub managers plan
    with …"): an internal customer named by its role, as no-customer-focus reads it."""
    from okrlint.rules.customer import serves_a_team, team_words

    staff = {(h.index, h.term) for h in facts.hits("employees")}
    if all((h.index, h.term) in staff for h in facts.hits("internal_roles")):
        return False  # "ร้อยละของเจ้าหน้าที่ที่ใช้ระบบ…": the organisation's own staff adopting a tool, not a team served
    return serves_a_team(facts, team_words(analyser.analyse(okr_set.team or "")))


def _serves_an_internal_customer(facts) -> bool:
    """An internal customer named, unless it is only the people being hired ("Hire and onboard 5 account
    executives", "สรรหาพยาบาลวิชาชีพ 12 อัตรา"): a team staffing itself serves nobody by it."""
    hits = facts.hits("internal_customer")
    if not hits:
        return False
    hiring = [h.index for h in facts.hits("activity") if h.term.lower().startswith(_HIRING)]
    tokens = facts.tokens
    # "Cut ramp time for new account executives": the team's new hires getting up to speed, not a team it serves
    hits = [h for h in hits if not (h.index and tokens[h.index - 1].lower() in ("new", "newly-hired", "new-hire"))]
    return any(not any(0 < h.index - at <= 4 for at in hiring) for h in hits)


_HIRING = ("hire", "hiring", "recruit", "onboard", "appoint", "จ้าง", "รับสมัคร", "สรรหา", "บรรจุ")


_NEW_WORDS = frozenset({"new", "first-time", "ใหม่"})


def lifecycle_stage(facts) -> str | None:
    """The customer lifecycle stage a customer-facing text is about, if one applies.

    Growing value per customer (upsell, contract value) and choosing customers (ICP, segments) are the
    most specific signals; between acquisition and retention the first mention wins. Without any
    stage word, new customers ("new mid-market customers") are acquisition, and how well customers
    are served — speed, reliability, quality, satisfaction — is retention.
    """
    growth = _growth_hits(facts)
    if growth and not (all(h.term.lower().startswith(_REFERRAL_TERMS) for h in growth) and _wins_new_ones(facts)):
        return "growth"
    if facts.has("lifecycle_selection") and not _only_scopes(facts):
        return "selection"
    best: tuple[int, str] | None = None
    for stage, other in (("acquisition", "retention"), ("retention", "acquisition")):
        hits = facts.hits(f"lifecycle_{stage}")
        if stage == "acquisition" and hits:
            hits = [h for h in hits if not _new_cases(facts, h)
                    and not (h.term.lower().startswith("new ") and _names_a_thing(facts, h))]
        # "ส่งอีเมลหาลูกค้าเก่า": "หาลูกค้า" (finding customers) is inside "ลูกค้าเก่า" (existing ones), which says whom
        hits = [h for h in hits if not any(_overlaps_ending_later(h, o) for o in facts.hits(f"lifecycle_{other}"))]
        first_time = _converts_for_the_first_time(facts) if stage == "acquisition" else None
        if first_time is not None and (not hits or first_time < hits[0].index):
            best = (first_time, stage) if best is None or first_time < best[0] else best
        if hits and (best is None or hits[0].index < best[0]):
            best = (hits[0].index, stage)
    if best is not None and best[1] == "acquisition" and _new_ones_kept(facts):
        return "retention"  # "ร้อยละของลูกค้าใหม่กลับมาซื้อซ้ำ", "new customers who renew": keeping the customers just won
    if best is not None:
        return best[1]
    customers = facts.hits("customer") + tuple(_trade_customers(facts))
    if customers and _new_before(facts, customers):
        return "acquisition"
    if facts.has("service_quality"):
        return "retention"
    return None


# Referrals bring customers; of the new customers won ("share of new patients who come from referrals",
# "ผู้ป่วยใหม่ที่มาจากการแนะนำต่อ") they measure how customers are won, an acquisition.
_REFERRAL_TERMS = ("referral", "refer", "word of mouth", "แนะนำต่อ", "บอกต่อ", "การบอกต่อ", "แนะนำเพื่อน")


def _wins_new_ones(facts) -> bool:
    return any(_says_new(h.term) and not _new_cases(facts, h) for h in facts.hits("lifecycle_acquisition")) or (
        bool(facts.hits("customer")) and _new_before(facts, facts.hits("customer")))


_FIRST = frozenset({"first", "first-ever"})
_CONTACT_WORDS = ("contact", "call", "ติดต่อ", "โทร")


def _converts_for_the_first_time(facts) -> int | None:
    """"book their first appointment", "make a first purchase", "จองนัดพบแพทย์ครั้งแรก": a customer doing what customers
    do for the first time is won, an acquisition (a first contact that solves a problem is service: "ติดต่อครั้งแรก")."""
    tokens = facts.tokens
    for hit in facts.hits("conversion"):
        if hit.term.lower().startswith(_CONTACT_WORDS):
            continue
        end = hit.index + hit.size
        for i in range(end, min(len(tokens), end + 4)):
            if tokens[i].lower() in _FIRST or tokens[i] == "ครั้ง" and tokens[i + 1: i + 2] == ("แรก",):
                return hit.index
    return None


def _new_ones_kept(facts) -> bool:
    """Every acquisition word only says the customers are new ("new customers", "ลูกค้าใหม่"), and a retention word after
    them says what is measured of them: coming back, buying again, renewing."""
    acquired = facts.hits("lifecycle_acquisition")
    if not acquired or not all(_says_new(h.term) for h in acquired):
        return False
    last = max(h.index + h.size for h in acquired)
    return any(h.index >= last for h in facts.hits("lifecycle_retention"))


def _says_new(term: str) -> bool:
    term = term.lower()
    return term.startswith(("new ", "first-time ")) or term.endswith(("ใหม่", "รายใหม่")) and len(term) > 4


def _overlaps_ending_later(hit, other) -> bool:
    """``other`` shares a token with ``hit`` and ends after it: the longer phrase it belongs to decides."""
    return other.index < hit.index + hit.size and hit.index < other.index + other.size \
        and other.index + other.size > hit.index + hit.size


_SCOPING = frozenset({"in", "among", "within", "across", "ใน"})  # not "from": "share of pipeline from ICP accounts" chooses


def _only_scopes(facts) -> bool:
    """The segment words only say where a measure named first is taken: "Reduce logo churn in the sub-$20k segment",
    "ลดอัตราการยกเลิกในกลุ่มลูกค้าเป้าหมาย"; the measure decides the stage."""
    first_other = min((h.index for stage in ("acquisition", "retention") for h in facts.hits(f"lifecycle_{stage}")),
                      default=None)
    if first_other is None:
        return False
    tokens = facts.tokens
    return all(h.index > first_other and any(t.lower() in _SCOPING for t in tokens[max(0, h.index - 4): h.index])
               for h in facts.hits("lifecycle_selection"))


def _new_cases(facts, hit) -> bool:
    """"ผู้ป่วยวัณโรครายใหม่", "ผู้ติดเชื้อรายใหม่": new cases of a disease, not new customers."""
    if hit.term.startswith("ผู้ป่วย") and hit.term.endswith("ใหม่"):
        # "ผู้ป่วยนอกรายใหม่", "ผู้ป่วยใหม่": a hospital's new patients, unless a disease says they are new cases of it
        return any(word in facts.text for word in _DISEASE_WORDS)
    if hit.term != "รายใหม่":
        return False
    before = facts.tokens[max(0, hit.index - 3): hit.index]
    return any(any(t.startswith(word) for word in _CASE_WORDS) for t in before) or any(
        hit.index - 3 <= h.index < hit.index for h in facts.hits("better_lower"))


_DISEASE_WORDS = ("โรค", "ติดเชื้อ", "เบาหวาน", "ความดันโลหิตสูง", "มะเร็ง", "เอชไอวี", "HIV", "ผู้ป่วยรายใหม่")
_CASE_WORDS = ("ผู้ป่วย", "ผู้ติดเชื้อ", "วัณโรค", "โรค", "ติดเชื้อ", "ผู้เสียชีวิต", "ผู้บาดเจ็บ", "อุบัติเหตุ", "คดี", "เหตุ")


def _new_before(facts, customers) -> bool:
    tokens = facts.tokens
    return any(any(t in _NEW_WORDS for t in tokens[max(0, hit.index - 3) : hit.index]) and not _names_a_thing(facts, hit)
               for hit in customers)


# Places and things named after the people they serve: "new community hubs", "the new customer portal".
_FACILITIES = frozenset("""hub hubs centre centres center centers hall halls space spaces garden gardens facility
    facilities building buildings kitchen kitchens lounge lounges room rooms library libraries shelter shelters
    rostering roster rosters rota rotas""".split())


def _names_a_thing(facts, hit) -> bool:
    """The customer word only names what a thing is for ("new community hubs", "the new customer portal", "the new
    driver rostering system"): "new" is said of the thing, not of the people."""
    end = hit.index + hit.size
    following = {t.lower() for t in facts.tokens[end: end + 2]}
    return bool(following & _FACILITIES) or any(end <= h.index < end + 2 for h in facts.hits("artefact"))


def text_of(obj) -> str:
    if isinstance(obj, Objective) and obj.description:
        return f"{obj.title}\n{obj.description}"
    return obj.title


def serves_its_objectives_customers(facts, objective_facts) -> bool:
    """A key result that names nobody, under an objective that names its customers, measures how well they are
    served ("Raise bus punctuality from 82% to 88%" under "Passengers can count on buses …", "Cut reported harassment
    incidents per million journeys" under "… safer for women and girls"): the objective says whom it is for. Not when
    it is about the team's own work or means (build time, budget, staff)."""
    if not (facts.has("lifecycle_retention") or facts.has("customer_outcomes")) or _about_the_inside(facts) \
            or facts.has("internal_roles") or facts.has("activity") and classify_kind(facts).activity:
        return False
    return _names_a_customer(objective_facts) and not objective_facts.has("internal_customer")


def _about_the_inside(facts) -> bool:
    """Words of the team's own workings (process, budget, systems); "ภายใน" before a time is "within" ("ภายใน 28
    วัน"), not "internal"."""
    tokens = facts.tokens
    return any(not (h.term == "ภายใน" and h.index + 1 < len(tokens)
                    and (tokens[h.index + 1][:1].isdigit() or tokens[h.index + 1] in _TIME_AFTER_WITHIN))
               for h in facts.hits("internal"))


_TIME_AFTER_WITHIN = frozenset("วัน สัปดาห์ เดือน ปี ไตรมาส ชั่วโมง นาที ปีงบประมาณ ปีงบ สิ้นปี สิ้นเดือน กำหนด".split())
_PARENTS: list = [None, {}]  # the set last asked about; {id(key result): its objective}


def _parent_objective(kr: KeyResult, okr_set: OKRSet) -> Objective | None:
    """The objective ``kr`` stands under (the set's key results are indexed once, not searched once per key
    result: a pasted list of 99,000 lines under one heading made that quadratic)."""
    if _PARENTS[0] is not okr_set:
        _PARENTS[:] = [okr_set, {id(k): o for o in okr_set.objectives for k in o.key_results}]
    return _PARENTS[1].get(id(kr))


def tags_for(obj: Objective | KeyResult, okr_set: OKRSet, analyser) -> tuple[str, ...]:
    facts = analyser.analyse(text_of(obj), okr_set.language)
    customer = is_customer_facing(facts) or (facts.has("internal_roles") and _serves_another_team(facts, okr_set, analyser))
    if not customer and isinstance(obj, KeyResult):
        parent = _parent_objective(obj, okr_set)
        customer = parent is not None and serves_its_objectives_customers(
            facts, analyser.analyse(text_of(parent), okr_set.language))
    tags = ["customer" if customer else "internal"]
    if customer:
        stage = lifecycle_stage(facts)
        if stage:
            tags.append(stage)
    if isinstance(obj, KeyResult):
        tags.append("activity" if classify_kind(facts, obj).activity else "outcome")
        if obj.target is not None or facts.has_target and not _only_completes(facts, analyser):
            tags.append("measurable")
    return tuple(tags)


def _only_completes(facts, analyser) -> bool:
    """"ระบบ ERP ใหม่ใช้งานได้แล้วเสร็จ 100%", "ISO 27001 certification achieved": the numbers only complete or name a
    done/not-done thing, which does not make it measurable (as kr-is-binary reads it)."""
    from okrlint.rules.measurability import _is_done_measure

    population = analyser.words("population")
    return facts.has("binary") and all(_is_done_measure(n, facts, population) for n in facts.quantities)
