"""The alignment graph (:mod:`okrlint.report.graph`) as a nested tree, for reports that cannot draw a graph.

Each objective sits under the objectives it aligns to (an objective aligning to two parents appears under
both); a reference that resolves to nothing becomes a ``missing`` root with its children under it; a cycle
is cut where it would repeat. ``depends_on`` edges are listed on the node rather than nested.
"""

from __future__ import annotations

import attrs

from okrlint.model import Org
from okrlint.report.graph import AlignmentGraph, GraphNode, alignment_graph


@attrs.frozen
class TreeNode:
    node: GraphNode
    children: tuple["TreeNode", ...] = ()
    depends_on: tuple[GraphNode, ...] = ()
    repeated: bool = False  # already shown higher up this branch: an alignment cycle


def alignment_tree(org: Org, findings=(), words=None) -> tuple[TreeNode, ...]:
    """Roots of the alignment forest; empty when nothing aligns to anything. ``words``: as for
    :func:`alignment_graph`."""
    graph = alignment_graph(org, findings, words=words)
    return tree_of(graph)


def tree_of(graph: AlignmentGraph) -> tuple[TreeNode, ...]:
    aligns = [e for e in graph.edges if e.kind == "aligns_to"]
    if not aligns:
        return ()
    children: dict[str, list[str]] = {}
    parents: set[str] = set()
    for edge in aligns:
        if edge.source != edge.target:
            children.setdefault(edge.target, []).append(edge.source)
            parents.add(edge.source)
    depends: dict[str, list[GraphNode]] = {}
    for edge in graph.edges:
        if edge.kind == "depends_on" and edge.source != edge.target:
            targets = depends.setdefault(edge.source, [])
            if all(t.key != edge.target for t in targets):  # several KRs may depend on the same objective
                targets.append(graph.node(edge.target))

    def build(key: str, path: frozenset[str]) -> TreeNode:
        node = graph.node(key)
        if key in path:
            return TreeNode(node, repeated=True)
        inner = path | {key}
        kids = tuple(build(child, inner) for child in children.get(key, ()))
        return TreeNode(node, kids, tuple(depends.get(key, ())))

    roots = [build(n.key, frozenset()) for n in graph.nodes
             if n.key not in parents and (n.kind == "objective" or n.key in children)]
    placed = _keys(roots)
    for node in graph.nodes:  # a pure cycle has no root: start it at its first member
        if node.key not in placed and node.kind == "objective":
            root = build(node.key, frozenset())
            roots.append(root)
            placed |= _keys([root])
    return tuple(roots)


def _keys(nodes) -> set[str]:
    found: set[str] = set()
    stack = list(nodes)
    while stack:
        item = stack.pop()
        found.add(item.node.key)
        stack.extend(item.children)
    return found
