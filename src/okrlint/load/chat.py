"""OKRs pasted into a chat and saved as the chat's text export (LINE's "บันทึกการแชท" / "Save chat").

The export wraps every message in framing that is not the plan: a header naming the chat ("[LINE] แชทในกลุ่ม
งานวิจัย คณะวิทย์ 2570", "[LINE] Chat history with Dao"), the date it was saved, a line for each day
("2026/11/05(พฤ.)", "2026.11.20 วันศุกร์", "Fri, 11/20/2026"), and before each message its time and sender, with
tabs ("09:12<TAB>พี่หน่อย<TAB>..."); a message of several lines is put in double quotes. Read as a person reads
it, the plan is the message (or messages) holding the OKRs: its own first line is the title that names the team
and the period, and the chat's name, the other messages ("รับทราบครับ", "[สติกเกอร์]") and the framing are not.
"""

from __future__ import annotations

import attrs

from okrlint.text import regexcache

_NEWLINE = regexcache.compile(r"\r\n|\r|\n")
_CHAT_HEADER = regexcache.compile(
    r"^\ufeff?\s*(?:\[LINE\]|บันทึกการแชท|ประวัติการแชท|(?i:chat history (?:with|in|of)\b))")
_SAVED_ON = regexcache.compile(r"^\s*(?:วันที่บันทึก|บันทึกเมื่อ|(?i:saved on|date saved))\s*:")
_WEEKDAY = r"(?:(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|วัน[\u0e01-\u0e4e]{2,12}\.?|[\u0e01-\u0e4e]{1,3}\.)"
_DAY_LINE = regexcache.compile(  # "2026/11/05(พฤ.)", "2026.11.20 วันศุกร์", "Fri, 11/20/2026", "วันศุกร์ 20/11/2569"
    rf"^\s*(?:{_WEEKDAY},?\s*)?(?:\d{{4}}[/.\-]\d{{1,2}}[/.\-]\d{{1,2}}|\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]\d{{4}})"
    rf"\s*(?:\(\s*{_WEEKDAY}\s*\)|{_WEEKDAY})?\s*$")
_MESSAGE = regexcache.compile(r"^(?:\d{1,2}:\d{2}(?:\s?[AaPp][Mm])?)\t[^\t]{1,80}\t")
_LIST_ITEM = regexcache.compile(r"^\s*(?:[0-9๐-๙]{1,2}[.)]|[-•*▪●])\s*\S")


@attrs.frozen
class ChatText:
    """The text with the framing blanked (line numbers kept), each kept message's first line without its time and
    sender: ``shifts`` maps such a line's number (1-based) to the characters taken off its start, and
    ``starts`` holds the line numbers where a message starts (it never continues the line above)."""

    text: str
    shifts: dict[int, int]
    starts: frozenset[int]


def _holds_okrs(lines: list[str]) -> bool:
    from okrlint.load.draft_labels import KR_HEADER, KR_ITEM, OBJECTIVE, SECTION, match_label

    for line in lines:
        label = match_label(line.strip().strip('"').strip())
        if label is not None and label.kind in (OBJECTIVE, KR_HEADER, KR_ITEM, SECTION):
            return True
    return False


# A reply about items of the plan names them one after the other ("O1 KR2 ตัวเลขถูกแล้วใช่ไหม", "O2, KR1: …", "KR 3 ของ
# O1 …"), or asks or remarks in the chat's voice ("…ใช่ไหมครับ", "…นะคะ", "…?")
_LABELS_QUOTED = regexcache.compile(
    r"^\s*(?:(?i:o|obj|kr)\s*[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})?)\s*[,/:\-]?\s*(?:(?i:kr|o)\s*[0-9๐-๙]{1,2}\b|ของ\s*(?i:o)\s*[0-9๐-๙])")
_CHAT_VOICE = regexcache.compile(
    r"(?:ใช่ไหม|ใช่มั้ย|(?<!ผ้า)(?<!เส้น)ไหม|มั้ย|หรือเปล่า|รึเปล่า|ครับ|ค่ะ|คะ|จ้า|จ้ะ|นะ|น้า|[?？])\s*[\u0e46\u0e2f.]*\s*$")


def _is_remark(body: list[str]) -> bool:
    """A one-line message that quotes the plan's labels in a reply, or speaks as a chat does: a remark on the OKRs
    posted, not the OKRs."""
    lines = [line.strip() for line in body if line.strip()]
    if len(lines) != 1:
        return False
    return bool(_LABELS_QUOTED.match(lines[0]) or _CHAT_VOICE.search(lines[0]))


def chat_text(text: str) -> ChatText | None:
    """The plan in a chat export, or None when ``text`` is not one."""
    if "\t" not in text:
        return None
    lines = _NEWLINE.split(text)
    first = next((line for line in lines if line.strip()), "")
    messages: list[list[int]] = []
    if not _CHAT_HEADER.match(first) and sum(1 for line in lines[:400] if _MESSAGE.match(line)) < 2:
        return None
    out = list(lines)
    current: list[int] | None = None
    for index, line in enumerate(lines):
        if _CHAT_HEADER.match(line) or _SAVED_ON.match(line) or _DAY_LINE.match(line):
            out[index], current = "", None
        elif _MESSAGE.match(line):
            current = [index]
            messages.append(current)
        elif current is not None:
            current.append(index)
    shifts: dict[int, int] = {}
    starts = set()
    kept_before = False
    for message in messages:
        first_index = message[0]
        prefix = _MESSAGE.match(lines[first_index]).end()
        body = [lines[first_index][prefix:]] + [lines[i] for i in message[1:]]
        if body[0].startswith('"'):  # a message of several lines, in quotes
            prefix += 1
            body[0] = body[0][1:]
            last = max((i for i, line in enumerate(body) if line.strip()), default=0)
            if body[last].rstrip().endswith('"'):
                body[last] = body[last].rstrip()[:-1]
            body = [line.replace('""', '"') for line in body]
        keep = (_holds_okrs(body) and not _is_remark(body)) or (kept_before and bool(_LIST_ITEM.match(body[0])))
        kept_before = keep
        for offset, index in enumerate(message):
            out[index] = body[offset] if keep else ""
        if keep:
            shifts[first_index + 1] = prefix
            starts.add(first_index + 1)
    if not starts and not _CHAT_HEADER.match(first):
        return None  # lines that only look like messages (an agenda: "09:00<TAB>Kick-off<TAB>Room 2"), no OKRs in them
    return ChatText("\n".join(out), shifts, frozenset(starts))
