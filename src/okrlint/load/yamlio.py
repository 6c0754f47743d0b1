"""YAML reading with positions, using libyaml's C parser where PyYAML has it.

OKR files are composed into nodes (which carry line and column) and read field by field, so every
object keeps the position it has in the original text. Alias expansion and nesting are bounded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from okrlint.text.clip import clipped
from okrlint.load.pyyaml import yaml

from okrlint.text import regexcache
from okrlint.load import LoadError

try:  # libyaml: several times faster than the pure-Python parser
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]

MAX_NODES = 500_000  # values (keys, scalars, lists, mappings) of one file, aliases expanded: bounds "billion laughs"
MAX_DEPTH = 200
_FLOW_OPENERS_TO_CHECK = MAX_DEPTH * 5
_LONG_BLOCK_PREFIX = regexcache.compile(r"[ \t?-]{%d}" % (MAX_DEPTH // 2))  # at the start of a line
_LONG_BLOCK_LINE = regexcache.compile(r"[\n\r\x85\u2028\u2029][ \t?-]{%d}" % (MAX_DEPTH // 2))  # YAML's line breaks
_MAY_HAVE_TAG = regexcache.compile(r"!\S")
# An anchor ('&name') where a node starts; without one a file has no aliases ("R&D", "Q & A" are text)
_MAY_HAVE_ANCHOR = regexcache.compile(r"(?:^|[\s\[{,])&[^\s,\[\]{}]")

_constructor = yaml.constructor.SafeConstructor()

YAML_TAG_PREFIX = "tag:yaml.org,2002:"
_STR_TAG = YAML_TAG_PREFIX + "str"
MERGE_TAG = YAML_TAG_PREFIX + "merge"  # a plain '<<' key
STANDARD_TAGS = frozenset(
    YAML_TAG_PREFIX + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "binary", "seq", "map", "set", "omap", "pairs",
                 "merge", "value")
)


_UNCLOSED = {
    "while scanning a quoted scalar": "the quoted text",
    "while parsing a flow sequence": "the [ list",
    "while parsing a flow mapping": "the { mapping",
    "while scanning a block scalar": "the block text",
}


def compose_documents(text: str) -> list[yaml.Node]:
    """Parse YAML text into node trees; a syntax error raises LoadError with its line."""
    try:
        if (len(text) > MAX_NODES or _may_nest_deeply(text)
                or "&" in text and _MAY_HAVE_ANCHOR.search(text) is not None):
            _check_events(text)  # a text shorter than MAX_NODES without anchors cannot hold that many values
        documents = [node for node in yaml.compose_all(text, Loader=SafeLoader) if node is not None]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "invalid YAML"
        if "maximum nesting depth" in problem:  # libyaml 0.2.6+ (PyYAML 6.0.4+) stops deep nesting itself
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            raise LoadError(f"nesting deeper than {MAX_DEPTH} levels", line, column) from None
        plain = _in_plain_words(problem, exc, text)
        if plain is not None:
            problem, mark = plain
        elif exc.context and "tab" not in problem:
            problem = f"{problem} ({exc.context})"
        if (exc.context_mark is not None and exc.problem_mark is not None and exc.context in _UNCLOSED
                and exc.problem_mark.index >= len(text.rstrip()) and exc.context_mark.index < exc.problem_mark.index):
            # An unclosed quote or bracket runs to the end of the file: point where it opened.
            mark = exc.context_mark
            problem = f"{_UNCLOSED[exc.context]} that starts here is never closed"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if _tab_indented(text, line):
            problem = "a tab character is used for indentation; YAML needs spaces"
        raise LoadError(f"invalid YAML: {problem}", line, column) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow; it has no mark, only an offset
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - before.rfind("\n")
        character = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        raise LoadError(f"invalid YAML: the character {character!r} is not allowed ({exc.reason})", line, column) from None
    except yaml.YAMLError as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise LoadError(f"invalid YAML: {first_line}") from None
    except RecursionError:
        raise LoadError("YAML nesting is too deep") from None
    if _MAY_HAVE_TAG.search(text):  # a tag is '!' followed by a non-space; most OKR files have none
        for document in documents:
            _reject_foreign_tags(document)
    return documents


def _in_plain_words(problem: str, exc, text: str):
    """libyaml's commonest complaints about hand-written files, said in the file's own terms:
    (message, mark) or None. They are nearly always an indentation slip or a missing ':' or '- '."""
    mark, context_mark = exc.problem_mark, exc.context_mark
    if mark is None:
        return None
    lines = text.splitlines()

    def line_at(index: int) -> str:
        return lines[index] if 0 <= index < len(lines) else ""

    def previous_line(index: int) -> int:
        index -= 1
        while index >= 0 and (not line_at(index).strip() or line_at(index).lstrip().startswith("#")):
            index -= 1
        return index

    if problem.startswith("could not find expected ':'") and context_mark is not None:
        shown = line_at(context_mark.line).strip()
        return (f"'{_short(shown)}' is neither 'key: value' nor a list item ('- ...'): add the missing ':' or '- ', "
                "or indent it under the text it continues", context_mark)
    if problem.startswith("did not find expected '-' indicator"):
        shown = line_at(mark.line).strip()
        return (f"'{_short(shown)}' is not lined up with the list items above it: indent it under the item it "
                "belongs to, or start a new item with '- '", mark)
    if problem.startswith("did not find expected key"):
        shown = line_at(mark.line).strip()
        return (f"'{_short(shown)}' does not line up with the keys above it: indent it like the key it belongs "
                "beside", mark)
    if problem.startswith("mapping values are not allowed"):
        here = line_at(mark.line)
        before = previous_line(mark.line)
        value = here.split(":", 1)[1] if ":" in here else ""
        if ": " in value or value.rstrip().endswith(":") and here[: mark.column].count(":") >= 2:
            key = here.split(":", 1)[0].strip().lstrip("- ").strip()
            quoted = f'{key}: "{_short(value.strip())}"' if key and value.strip() else 'title: "Phase 2: pilot"'
            return (f"a ': ' inside a value: put the value in quotes ({quoted})", mark)
        if before >= 0 and ":" not in line_at(before) and not line_at(before).lstrip().startswith("- "):
            start = len(line_at(before)) - len(line_at(before).lstrip())
            return (f"'{_short(line_at(before).strip())}' has no ':' after its key",
                    yaml.Mark("", 0, before, start, None, None))
        return (f"'{_short(here.strip())}' is indented deeper than the line above it, so it reads as part of that "
                "value: line it up with the key it belongs beside", mark)
    return None


def _short(text: str, limit: int = 40) -> str:
    return clipped(text, limit)


def _may_nest_deeply(text: str) -> bool:
    """A cheap over-estimate: can this text nest anywhere near MAX_DEPTH?

    Flow nesting needs a '[' or '{' per level; block nesting needs more indentation or another
    '- ' / '? ' indicator per level (at most two levels per column).
    """
    if text.count("[") + text.count("{") > _FLOW_OPENERS_TO_CHECK:
        return True
    return _LONG_BLOCK_PREFIX.match(text) is not None or _LONG_BLOCK_LINE.search(text) is not None


def _check_events(text: str) -> None:
    """Walk the parser's events (no recursion, no node tree) and stop at the first level past MAX_DEPTH, or once
    the file holds more than MAX_NODES values with its aliases expanded.

    libyaml's composer recurses in C once per level: some tens of thousands of nested lists overflow the C stack
    and kill the process, so depth is checked before composing. Composing also builds every node at once (a
    50 MB file took 2 GB), so the values are counted here too, each alias as the values of what it names.
    """
    depth = count = aliased = 0
    sizes: dict[str, int] = {}  # anchor -> the values it stands for (known once its node has ended)
    open_anchors: list[tuple[str, int, int]] = []  # (anchor, depth, count before it) of lists/mappings not ended
    scalar, alias, document_start = yaml.ScalarEvent, yaml.AliasEvent, yaml.DocumentStartEvent
    starts, ends = (yaml.SequenceStartEvent, yaml.MappingStartEvent), (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    for event in yaml.parse(text, Loader=SafeLoader):
        kind = type(event)
        if kind is scalar:
            count += 1
            if event.anchor is not None:
                sizes[event.anchor] = 1
        elif kind in starts:
            count += 1
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise LoadError(f"nesting deeper than {MAX_DEPTH} levels", mark.line + 1, mark.column + 1)
            if event.anchor is not None:
                open_anchors.append((event.anchor, depth, count - 1))
        elif kind in ends:
            if open_anchors and open_anchors[-1][1] == depth:
                anchor, _, before = open_anchors.pop()
                sizes[anchor] = count - before
            depth -= 1
        elif kind is alias:
            size = sizes.get(event.anchor)
            if size is None:
                if any(anchor == event.anchor for anchor, _, _ in open_anchors):
                    mark = event.start_mark
                    raise LoadError(f"the alias '*{event.anchor}' stands for the list or mapping it is inside, "
                                    "which would never end", mark.line + 1, mark.column + 1)
                continue  # an undefined alias: composing reports it
            count += size
            aliased += size
        elif kind is document_start:
            sizes.clear()  # anchors belong to one document
        if count > MAX_NODES:
            mark = event.start_mark
            raise LoadError(_too_many_values(aliased * 2 > count), mark.line + 1, mark.column + 1)


def _too_many_values(through_aliases: bool) -> str:
    if through_aliases:
        return "document expands to too many values (a YAML alias bomb?)"
    return (f"the file has more than {MAX_NODES:,} values (keys, texts, list items); not read: split it into "
            "smaller files")


def _reject_foreign_tags(root: yaml.Node) -> None:
    """Only YAML's own data types are read. ``!!python/...`` or custom tags are an input error.

    Nothing would run even without this check (values are built by the safe constructor only),
    but a tag asking for code is never what an OKR author meant, so it is reported, not ignored.
    """
    seen: set[int] = set()  # aliases share nodes: each is checked once, so alias bombs cost nothing here
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.tag not in STANDARD_TAGS:
            line, column = position(node)
            shown = "!!" + node.tag[len(YAML_TAG_PREFIX):] if node.tag.startswith(YAML_TAG_PREFIX) else node.tag
            raise LoadError(f"the YAML tag '{shown}' is not allowed: okrlint reads plain data only", line, column)
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                stack.append(key_node)
                stack.append(value_node)


def _tab_indented(text: str, line: int) -> bool:
    lines = text.splitlines()
    for index in (line - 1, line - 2):
        if 0 <= index < len(lines):
            current = lines[index]
            indent = current[: len(current) - len(current.lstrip())]
            if "\t" in indent:
                return True
    return False


def position(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def scalar_value(node: yaml.ScalarNode) -> Any:
    """The Python value of a scalar node, resolved as YAML 1.1 safe loading does."""
    if node.tag == _STR_TAG:  # most scalars: the constructor would return node.value too
        return node.value
    try:
        return _constructor.construct_object(node, deep=True)
    except (yaml.constructor.ConstructorError, ValueError, OverflowError):
        return node.value
    finally:
        # The shared constructor remembers every node it built (normally cleared per document); without
        # this it would keep every file's node tree alive for the whole run.
        _constructor.constructed_objects.pop(node, None)


class Budget:
    """Counts nodes visited while reading one file: a backstop to the count of values made before composing
    (``_check_events``); reading visits a node at most a few times, hence the larger limit."""

    def __init__(self, limit: int = 3 * MAX_NODES):
        self.left = limit

    def spend(self, node: yaml.Node) -> None:
        self.left -= 1
        if self.left < 0:
            line, column = position(node)
            raise LoadError(_too_many_values(True), line, column)


BAD_MERGE = "a merge key ('<<') takes a mapping (<<: *base) or a list of mappings (<<: [*a, *b])"


def merged_pairs(node: yaml.MappingNode, bad_merge=None, depth: int = 0,
                 sources: set[int] | None = None) -> list[tuple[yaml.Node, yaml.Node]]:
    """The (key, value) nodes of a mapping with its merge keys (``<<: *base``) replaced by the pairs of the
    mappings they name, as YAML's safe loaders read them: a key the mapping gives itself wins over a merged one,
    and of a list of mappings (``<<: [*a, *b]``) the earlier wins. Merged pairs stand where the ``<<`` key
    stands, and keep the lines of the mapping they come from. ``bad_merge(node)`` is called for a merge value
    that is not a mapping (else a LoadError at it); the ids of the mappings merged are added to ``sources``."""
    if not any(key.tag == MERGE_TAG for key, _ in node.value):
        return node.value
    if depth > MAX_DEPTH:
        line, column = position(node)
        raise LoadError(f"nesting deeper than {MAX_DEPTH} levels", line, column)
    taken = {key.value for key, _ in node.value if key.tag != MERGE_TAG and isinstance(key, yaml.ScalarNode)}
    pairs = []
    for key, value in node.value:
        if key.tag != MERGE_TAG:
            pairs.append((key, value))
            continue
        named = value.value if isinstance(value, yaml.SequenceNode) else [value]
        for source in named:
            if not isinstance(source, yaml.MappingNode):
                if bad_merge is None:
                    line, column = position(source)
                    raise LoadError(BAD_MERGE, line, column)
                bad_merge(source)
                continue
            if sources is not None:
                sources.add(id(source))
            for merged_key, merged_value in merged_pairs(source, bad_merge, depth + 1, sources):
                name = merged_key.value if isinstance(merged_key, yaml.ScalarNode) else id(merged_key)
                if name not in taken:
                    taken.add(name)
                    pairs.append((merged_key, merged_value))
    return pairs


def plain_value(node: yaml.Node, budget: Budget | None = None, depth: int = 0) -> Any:
    """Convert a node tree to plain Python values, within a node budget and a depth limit."""
    budget = budget or Budget()
    budget.spend(node)
    if depth > MAX_DEPTH:
        line, column = position(node)
        raise LoadError(f"nesting deeper than {MAX_DEPTH} levels", line, column)
    if isinstance(node, yaml.ScalarNode):
        return scalar_value(node)
    if isinstance(node, yaml.SequenceNode):
        return [plain_value(child, budget, depth + 1) for child in node.value]
    result = {}
    for key_node, value_node in merged_pairs(node, depth=depth):
        key = plain_value(key_node, budget, depth + 1)
        try:
            result[key] = plain_value(value_node, budget, depth + 1)
        except TypeError:  # unhashable key
            result[str(key)] = plain_value(value_node, budget, depth + 1)
    return result


def load_plain_yaml(path: Path) -> Any:
    """Read a small YAML file (vocabulary, rule pack) into plain values; LoadError on any problem."""
    from okrlint.load.decode import decode_text

    try:
        data = Path(path).read_bytes()
        documents = compose_documents(decode_text(data))
        return plain_value(documents[0]) if documents else None
    except OSError as exc:
        raise LoadError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except LoadError as exc:  # the file is named here: callers report the message as it is
        raise LoadError(f"{path}:{exc.line}:{exc.column}: {exc.message}", exc.line, exc.column) from None

