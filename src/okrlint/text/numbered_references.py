"""Several objectives named in one reference by their numbers.

A unit's plan writes "สอดคล้องกับเป้าประสงค์ที่ 1 และ 2 ของกรม", "เป้าประสงค์ที่ ๓, ๕", "ยุทธศาสตร์ที่ 1-3",
"objectives 1 and 2 of the company": one reference to each objective it numbers. :func:`expand_numbered` gives them
one by one ("เป้าประสงค์ที่ 1 ของกรม", "เป้าประสงค์ที่ 2 ของกรม"), and puts back together a list the loaders split
at its commas or at "และ" ("เป้าประสงค์ที่ 1" then "2 ของกรม").
"""

from __future__ import annotations

from okrlint.text import regexcache

_WORD = r"(?:เป้าประสงค์|วัตถุประสงค์|เป้าหมาย|ประเด็นยุทธศาสตร์|ยุทธศาสตร์|(?i:objectives?|goals?|okrs?))"
_NUMBERED = r"\s*(?:ที่|ข้อ(?:ที่)?|(?i:no\.?|number|#))?\s*"
_N = r"[0-9๐-๙]{1,2}"
_AND = r"\s*(?:[,，、&/]|และ|กับ|หรือ|(?i:and|or))\s*(?:(?:และ|(?i:and))\s*)?"
_TO = r"\s*(?:[-–—]|ถึง|(?i:to|through))\s*"
_AGAIN = rf"(?:{_WORD}{_NUMBERED})?"  # "ที่ 1 และเป้าประสงค์ที่ 2": the word said again

# "เป้าประสงค์ที่ 1 และ 2 ของกรม": the head with its first number, the list, and what follows (whose they are)
_LIST = regexcache.compile(
    rf"(?P<head>{_WORD}{_NUMBERED})(?P<list>{_N}(?:(?:{_AND}|{_TO}){_AGAIN}{_N})+)(?![0-9๐-๙.])(?P<tail>.*)")
_ONE = regexcache.compile(rf"{_WORD}{_NUMBERED}{_N}(?![0-9๐-๙.])(?:\s*(?:{_AND}|{_TO}){_AGAIN}{_N}(?![0-9๐-๙.]))*\s*")
# a piece after a comma or "และ" that is only a number and whose it is ("2 ของกรม", "และ ๒", "เป้าประสงค์ที่ 2")
_GOES_ON = regexcache.compile(rf"\s*(?:(?:และ|หรือ|(?i:and|or))\s*)?{_AGAIN}{_N}(?![0-9๐-๙.])(?:\s*(?:ของ|(?i:of)).*)?")
_NUMBER = regexcache.compile(_N)
_RANGE = regexcache.compile(rf"({_N}){_TO}{_AGAIN}({_N})")
_MAX_RANGE = 12

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _numbers(listed: str) -> list[str] | None:
    """The numbers of "1 และ 2", "๑, ๓", "1-3" as written (a range's numbers in between in the first's digits);
    None when a range runs backwards or too far to be one."""
    found: list[str] = []
    position = 0
    for match in _RANGE.finditer(listed):
        found += _NUMBER.findall(listed[position:match.start()])
        first, last = match.group(1), match.group(2)
        low, high = int(first.translate(_THAI_DIGITS)), int(last.translate(_THAI_DIGITS))
        if high <= low or high - low > _MAX_RANGE:
            return None
        thai = first[0] in "๐๑๒๓๔๕๖๗๘๙"
        found += [str(n).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) if thai else str(n)
                  for n in range(low, high + 1)]
        position = match.end()
    found += _NUMBER.findall(listed[position:])
    return list(dict.fromkeys(found))


def _one_by_one(reference: str) -> list[str]:
    match = _LIST.fullmatch(reference.strip())
    if match is None:
        return [reference]
    numbers = _numbers(match["list"])
    if not numbers or len(numbers) < 2:
        return [reference]
    head, tail = match["head"], match["tail"].rstrip()
    return [f"{head}{number}{tail}" for number in numbers]


def expand_numbered(references) -> tuple[str, ...]:
    """``references`` (an objective's aligns_to) with each reference that numbers several objectives of one plan
    given once per objective, and a list split at its commas joined again first."""
    if not references:
        return ()
    references = tuple(references)
    if not all(isinstance(text, str) for text in references):
        return references
    if not any(_NUMBER.search(text) for text in references):
        return references
    joined: list[str] = []
    for text in references:
        if joined and len(text) <= _LONGEST and len(joined[-1]) <= _LONGEST and _GOES_ON.fullmatch(text) \
                and _ONE.match(joined[-1]) and _ONE.match(joined[-1]).end() == len(joined[-1]):
            joined[-1] = f"{joined[-1]}, {text.strip()}"  # "เป้าประสงค์ที่ 1" + "2 ของกรม"
        else:
            joined.append(text)
    expanded: dict[str, None] = {}  # in order, each once
    for text in joined:
        for one in (_one_by_one(text) if len(text) <= _LONGEST else [text]):
            expanded.setdefault(one)
    return tuple(expanded)


_LONGEST = 200  # a reference longer than this is prose, not a list of numbers (and its runs of spaces would cost)
