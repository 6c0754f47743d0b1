"""The alignment graph of an org: objectives grouped by team (company → department → team), `aligns_to`
as solid edges, `depends_on` as dashed edges, objectives with findings highlighted.

    graph = alignment_graph(result.org, result.findings)
    print(render_graph(graph, "mermaid"))   # or "dot", "json"

Nodes are objectives; a dependency of a key result is drawn from its objective to the objective of the key
result depended on, labelled with the key result ids. References that resolve to nothing become ``missing``
nodes, so a broken link is visible in the picture. The HTML report can embed the graph from
:func:`alignment_graph` and one of the renderers.

The graph's own words (what a missing node is, a team's level) are written through ``words``
(:class:`okrlint.report.Words`): Thai in a Thai run; the plans' titles, ids and the JSON's keys and kinds as they are.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import attrs

from okrlint.text.clip import clipped
from okrlint.model import Finding, KeyResult, Org
from okrlint.org import OrgIndex, Status, level_rank, org_index
from okrlint.rules.alignment import names_outside_plan
from okrlint.report import printable
from okrlint.report.overview import shown_text
from okrlint.text import regexcache

FORMATS = ("mermaid", "dot", "json")
_LABEL_LIMIT = 60
_REFERENCE_KINDS = ("missing", "unread", "outside")  # nodes for references that lead to no objective of the run
_MISSING_LABEL = {Status.MISSING: "not found", Status.AMBIGUOUS: "ambiguous", Status.UNKNOWN_TEAM: "no such team"}
_UNREAD_LABEL = "in a file that could not be read"  # the team's file is in the run but was not read: not a mistake here
_OUTSIDE_LABEL = "a plan outside the OKR sets"  # "ยุทธศาสตร์ชาติด้าน…": aligned to it, not a mistake here


@attrs.frozen
class GraphNode:
    key: str  # "n0", "n1", ...: safe in every output format
    uid: str
    title: str
    team: str
    level: str
    kind: str = "objective"  # objective | missing | unread (a reference into a file that could not be read)
    file: str = ""
    line: int = 0
    alignment_findings: tuple[str, ...] = ()  # rule names
    other_findings: tuple[str, ...] = ()

    @property
    def highlight(self) -> str | None:
        if self.kind == "missing" or self.alignment_findings:
            return "alignment"
        return "finding" if self.other_findings else None


@attrs.frozen
class GraphEdge:
    source: str  # node key: the child (aligns_to) or the dependent (depends_on)
    target: str  # the parent, or what is depended on
    kind: str  # aligns_to | depends_on
    label: str = ""


@attrs.frozen
class TeamGroup:
    team: str
    level: str
    nodes: tuple[str, ...]


@attrs.frozen
class AlignmentGraph:
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    teams: tuple[TeamGroup, ...]  # company teams first, then departments, then teams

    def node(self, key: str) -> GraphNode:
        return next(n for n in self.nodes if n.key == key)


def alignment_graph(org: Org, findings: Iterable[Finding] = (), index: OrgIndex | None = None,
                    words=None) -> AlignmentGraph:
    """``words``: the labels of missing nodes in a report's language (None: English)."""
    index = index or org_index(org)
    by_objective = _findings_by_objective(index, findings)
    nodes: list[GraphNode] = []
    key_of: dict[int, str] = {}
    for objective in index.objectives:
        okr_set = index.set_of(objective)
        alignment, other = by_objective.get(id(objective), ((), ()))
        key = f"n{len(nodes)}"
        key_of[id(objective)] = key
        nodes.append(GraphNode(
            key=key, uid=objective.uid, title=shown_text(objective.title) or "", team=okr_set.team, level=okr_set.level,
            file=objective.location.file, line=objective.location.line,
            alignment_findings=tuple(sorted(set(alignment))), other_findings=tuple(sorted(set(other))),
        ))

    missing: dict[str, str] = {}
    edges: list[GraphEdge] = []
    seen_edges: set[tuple[str, str, str, str]] = set()
    for ref in index.references:
        source = key_of[id(index.objective_for(ref.source))]
        if ref.target is not None:
            target = key_of[id(index.objective_for(ref.target))]
        elif ref.status is Status.EMPTY:
            continue
        else:
            target = missing.get(ref.text)
            if target is None:
                target = missing[ref.text] = f"n{len(nodes)}"
                unread = ref.status is Status.UNKNOWN_TEAM and _in_unread_file(ref.team or "", org.unread)
                outside = not unread and ref.field == "aligns_to" and names_outside_plan(index, ref)
                shown = _UNREAD_LABEL if unread else _OUTSIDE_LABEL if outside else _MISSING_LABEL[ref.status]
                if words is not None:
                    shown = words(shown)
                nodes.append(GraphNode(key=target, uid=ref.text, title=f"{shown}: {ref.text}", team=ref.team or "",
                                       level="", kind="unread" if unread else "outside" if outside else "missing"))
        label = ""
        if ref.field == "depends_on":
            target_id = (ref.target.id or ref.target.uid) if isinstance(ref.target, KeyResult) else ""
            label = f"{ref.source.id or ref.source.uid} → {target_id}" if target_id else (ref.source.id or ref.source.uid)
        edge_key = (source, target, ref.field, label)
        if edge_key not in seen_edges:
            seen_edges.add(edge_key)
            edges.append(GraphEdge(source, target, ref.field, label))

    groups: dict[str, list[str]] = {}
    levels: dict[str, str] = {}
    for node in nodes:
        if node.kind == "objective":
            groups.setdefault(node.team, []).append(node.key)
            levels.setdefault(node.team, node.level)
    depth = _depth_within_level(nodes, edges)
    teams = sorted(
        (TeamGroup(team, levels[team], tuple(keys)) for team, keys in groups.items()),
        key=lambda group: (level_rank(group.level), depth.get(group.team, 0)),
    )
    return AlignmentGraph(tuple(nodes), tuple(edges), tuple(teams))


def _depth_within_level(nodes, edges) -> dict[str, int]:
    """How many teams of its own level stand above a team along its alignments: a state enterprise's ฝ่าย aligning to
    its สายงาน, both department level, comes after it (the levels are three; the cascade within one is the
    alignments'). Cycles count each team once."""
    by_key = {node.key: node for node in nodes}
    parents: dict[str, set[str]] = {}
    for edge in edges:
        child, parent = by_key.get(edge.source), by_key.get(edge.target)
        if (edge.kind == "aligns_to" and child is not None and parent is not None and parent.kind == "objective"
                and child.team != parent.team and child.level == parent.level):
            parents.setdefault(child.team, set()).add(parent.team)
    depth: dict[str, int] = {}

    def of(team: str, visiting: frozenset) -> int:
        if team in depth:
            return depth[team]
        above = [of(parent, visiting | {team}) + 1 for parent in parents.get(team, ()) if parent not in visiting]
        depth[team] = max(above, default=0)
        return depth[team]

    for team in parents:
        of(team, frozenset())
    return depth


def _in_unread_file(team: str, unread: tuple[str, ...]) -> bool:
    """Whether a team that has no set may be in a file of the run that could not be read (as check decides: it
    reports no unknown team then)."""
    if not unread or not team:
        return False
    from okrlint.rules.alignment import _may_be_in_unread

    return _may_be_in_unread(team, unread)


def _findings_by_objective(index: OrgIndex, findings: Iterable[Finding]) -> dict[int, tuple[list, list]]:
    result: dict[int, tuple[list, list]] = {}
    for finding in findings:
        for item in index.by_uid.get(finding.object_id, ()):
            if item.location.file != finding.location.file:
                continue
            objective = index.objective_for(item)
            alignment, other = result.setdefault(id(objective), ([], []))
            (alignment if finding.category == "alignment" else other).append(finding.name)
    return result


# --- renderers -----------------------------------------------------------------------------------------

def render_graph(graph: AlignmentGraph, fmt: str, words=None) -> str:
    """``words``: the teams' levels in the labels of a mermaid or dot graph in a report's language (None: English;
    the JSON keeps the level as the data has it)."""
    if fmt == "mermaid":
        return to_mermaid(graph, words)
    if fmt == "dot":
        return to_dot(graph, words)
    if fmt == "json":
        return to_json(graph)
    raise ValueError(f"unknown graph format '{fmt}' (use {', '.join(FORMATS)})")


def _short(text: str) -> str:
    text = " ".join(text.split())
    return clipped(text, _LABEL_LIMIT)


def _node_label(node: GraphNode) -> str:
    if node.kind in _REFERENCE_KINDS:
        return node.title
    return f"{node.uid}: {_short(node.title)}" if node.title else node.uid


def _mermaid_text(text: str) -> str:
    text = printable(text)  # control and bidi characters (a reversed file or team name) as escapes
    return text.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def _level_label(group: TeamGroup, words) -> str:
    return words(group.level) if words is not None and group.level else group.level


def to_mermaid(graph: AlignmentGraph, words=None) -> str:
    lines = ["flowchart TD"]
    by_key = {node.key: node for node in graph.nodes}
    for number, group in enumerate(graph.teams):
        lines.append(f'  subgraph t{number}["{_mermaid_text(group.team)} ({_level_label(group, words)})"]')
        lines += [f'    {key}["{_mermaid_text(_node_label(by_key[key]))}"]' for key in group.nodes]
        lines.append("  end")
    lines += [f'  {n.key}["{_mermaid_text(_node_label(n))}"]' for n in graph.nodes if n.kind in _REFERENCE_KINDS]
    for edge in graph.edges:
        if edge.kind == "aligns_to":
            lines.append(f"  {edge.target} --> {edge.source}")  # parent above child
        else:
            label = f'|"{_mermaid_text(edge.label)}"|' if edge.label else ""
            lines.append(f"  {edge.source} -.->{label} {edge.target}")
    lines.append("  classDef alignment fill:#fde2e2,stroke:#c0392b,stroke-width:2px,color:#000")
    lines.append("  classDef finding fill:#fff4d6,stroke:#d68910,color:#000")
    if any(n.kind == "unread" for n in graph.nodes):
        lines.append("  classDef unread fill:#eeeeee,stroke:#7f8c8d,stroke-dasharray:4 3,color:#000")
    legend = _legend(graph, words)
    if legend:
        lines.append(f'  subgraph legend["{_mermaid_text(_say(words, "Legend"))}"]')
        lines += [f'    legend_{cls}["{_mermaid_text(text)}"]' for cls, text in legend]
        lines.append("  end")
    for cls in ("alignment", "finding", "unread"):
        keys = [n.key for n in graph.nodes if (n.kind == "unread" if cls == "unread" else n.highlight == cls)]
        keys += [f"legend_{c}" for c, _ in legend if c == cls]
        if keys:
            lines.append(f"  class {','.join(keys)} {cls}")
    return "\n".join(lines) + "\n"


# What the colours of a graph say, for those it uses.
_LEGEND = (("alignment", "an alignment finding (orphan, uncovered, dangling or ambiguous reference, duplicate)"),
           ("finding", "other findings on the objective or its key results"),
           ("unread", "a file that could not be read"))


def _say(words, english: str) -> str:
    return words(english) if words is not None else english


def _legend(graph: AlignmentGraph, words) -> list[tuple[str, str]]:
    used = {n.highlight for n in graph.nodes if n.highlight} | {"unread" for n in graph.nodes if n.kind == "unread"}
    return [(cls, _say(words, text)) for cls, text in _LEGEND if cls in used]


def _dot_text(text: str) -> str:
    text = printable(text)  # control and bidi characters (a reversed file or team name) as escapes
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


_DOT_STYLE = {
    "alignment": 'style="rounded,filled", fillcolor="#fde2e2", color="#c0392b", penwidth=2',
    "finding": 'style="rounded,filled", fillcolor="#fff4d6", color="#d68910"',
}


def to_dot(graph: AlignmentGraph, words=None) -> str:
    lines = ["digraph alignment {", "  rankdir=BT;", '  node [shape=box, style=rounded, fontname="sans-serif"];']
    by_key = {node.key: node for node in graph.nodes}

    def node_line(node: GraphNode, indent: str) -> str:
        attributes = [f"label={_dot_text(_node_label(node))}"]
        if node.highlight:
            attributes.append(_DOT_STYLE[node.highlight])
        elif node.kind == "unread":
            attributes.append('style="dashed", color="#7f8c8d", fontcolor="#555555"')
        if node.kind in _REFERENCE_KINDS:
            attributes.append("shape=note")
        return f"{indent}{node.key} [{', '.join(attributes)}];"

    for number, group in enumerate(graph.teams):
        lines.append(f"  subgraph cluster_{number} {{")
        lines.append(f"    label={_dot_text(f'{group.team} ({_level_label(group, words)})')};")
        lines += [node_line(by_key[key], "    ") for key in group.nodes]
        lines.append("  }")
    lines += [node_line(n, "  ") for n in graph.nodes if n.kind in _REFERENCE_KINDS]
    legend = _legend(graph, words)
    if legend:
        lines.append("  subgraph cluster_legend {")
        lines.append(f"    label={_dot_text(_say(words, 'Legend'))};")
        for cls, text in legend:
            style = _DOT_STYLE.get(cls, 'style="dashed", color="#7f8c8d", fontcolor="#555555"')
            lines.append(f"    legend_{cls} [label={_dot_text(text)}, {style}];")
        lines.append("  }")
    for edge in graph.edges:
        if edge.kind == "aligns_to":
            lines.append(f"  {edge.source} -> {edge.target};")  # child -> parent, drawn bottom-up
        else:
            label = f", label={_dot_text(edge.label)}" if edge.label else ""
            lines.append(f"  {edge.source} -> {edge.target} [style=dashed, constraint=false{label}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_json(graph: AlignmentGraph) -> str:
    data = {
        "nodes": [
            {"key": n.key, "id": n.uid, "title": n.title, "team": n.team, "level": n.level, "kind": n.kind,
             "file": n.file, "line": n.line, "highlight": n.highlight,
             "alignment_findings": list(n.alignment_findings), "other_findings": list(n.other_findings)}
            for n in graph.nodes
        ],
        "edges": [{"from": e.source, "to": e.target, "kind": e.kind, "label": e.label} for e in graph.edges],
        "teams": [{"team": t.team, "level": t.level, "nodes": list(t.nodes)} for t in graph.teams],
    }
    return json_visible(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


# What JSON keeps raw with ensure_ascii=False but a reader should not get raw: C1 controls, line and paragraph
# separators, bidi embeddings, overrides and isolates (a file name shown reversed). They only occur in strings.
_JSON_INVISIBLE = regexcache.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_visible(dumped: str) -> str:
    """JSON text with the characters above as \\u escapes: the same data, safe to show."""
    return _JSON_INVISIBLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", dumped)
