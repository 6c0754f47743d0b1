"""A nested view of objectives by ``aligns_to``, for the human reports.

References are resolved as SPEC §1 says: ``team/objective-id``, or a bare id when it is unique in the
org. Objectives that align to nothing that resolves are roots; a cycle is cut where it would repeat.
"""

from __future__ import annotations

import attrs

from okrlint.model import Objective, Org


@attrs.frozen
class TreeNode:
    team: str
    objective: Objective
    children: tuple["TreeNode", ...] = ()
    repeated: bool = False  # already shown higher up this branch (an alignment cycle)


def resolve_reference(reference: str, by_team: dict[tuple[str, str], Objective],
                      by_id: dict[str, list[tuple[str, Objective]]]) -> tuple[str, Objective] | None:
    reference = reference.strip()
    if "/" in reference:
        team, _, ident = reference.partition("/")
        found = by_team.get((team, ident))
        return (team, found) if found else None
    candidates = by_id.get(reference, [])
    return candidates[0] if len(candidates) == 1 else None


def alignment_tree(org: Org) -> tuple[TreeNode, ...]:
    """Roots of the alignment forest; empty when no objective aligns to anything."""
    entries = list(org.objectives())
    if not any(objective.aligns_to for _, objective in entries):
        return ()
    by_team: dict[tuple[str, str], Objective] = {}
    by_id: dict[str, list[tuple[str, Objective]]] = {}
    for okr_set, objective in entries:
        for ident in {objective.uid, objective.id} - {None}:
            by_team[(okr_set.team, ident)] = objective
            by_id.setdefault(ident, []).append((okr_set.team, objective))

    children: dict[int, list[tuple[str, Objective]]] = {}
    has_parent: set[int] = set()
    for okr_set, objective in entries:
        for reference in objective.aligns_to:
            parent = resolve_reference(reference, by_team, by_id)
            if parent is not None and parent[1] is not objective:
                children.setdefault(id(parent[1]), []).append((okr_set.team, objective))
                has_parent.add(id(objective))

    def build(team: str, objective: Objective, path: frozenset[int]) -> TreeNode:
        if id(objective) in path:
            return TreeNode(team, objective, repeated=True)
        inner = path | {id(objective)}
        kids = tuple(build(t, o, inner) for t, o in children.get(id(objective), []))
        return TreeNode(team, objective, kids)

    roots = [build(team, objective, frozenset()) for (team, objective) in
             ((s.team, o) for s, o in entries) if id(objective) not in has_parent]
    placed = _ids(roots)
    for okr_set, objective in entries:  # pure cycles have no root: start them at their first member
        if id(objective) not in placed:
            node = build(okr_set.team, objective, frozenset())
            roots.append(node)
            placed |= _ids([node])
    return tuple(roots)


def _ids(nodes) -> set[int]:
    found: set[int] = set()
    stack = list(nodes)
    while stack:
        node = stack.pop()
        found.add(id(node.objective))
        stack.extend(node.children)
    return found
