"""dependsOn: resolve each entry to a resource of the template and order the resources topologically."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .errors import TemplateError


class Node(Protocol):
    id: str
    name: str
    type: str
    depends_on: list[str]  # entries as evaluated: resource ids, names or type/name
    depends: list[str]  # filled here: lower-cased ids of the resources depended on


def _matches(entry: str, node: Node) -> bool:
    """A dependsOn entry is a resource id, a resource name, or 'Namespace/type/name'."""
    e = entry.lower().strip("/")
    rid = node.id.lower()
    if entry.startswith("/"):
        return e == rid.strip("/")
    return e == node.name.lower() or e == f"{node.type}/{node.name}".lower() or rid.endswith("/" + e)


def resolve(nodes: Sequence[Node]) -> None:
    for node in nodes:
        node.depends = []
        for entry in node.depends_on:
            found = [n for n in nodes if n is not node and _matches(entry, n)]
            if not found:
                raise TemplateError(f"The resource '{entry}' is not defined in the template. Please see "
                                    "https://aka.ms/arm-syntax for usage details.")
            node.depends.extend(n.id.lower() for n in found if n.id.lower() not in node.depends)


def topological(nodes: Sequence[Node]) -> list[Node]:
    """Dependencies first, template order otherwise; a cycle is ARM's 'Circular dependency detected'.

    Two resources may share an id when conditions leave one out (one per kind of cluster, say), so
    nodes are tracked by position and a dependency on an id waits for every resource with that id.
    """
    by_id: dict[str, list[int]] = {}
    for i, n in enumerate(nodes):
        by_id.setdefault(n.id.lower(), []).append(i)
    done: set[int] = set()
    visiting: list[int] = []
    ordered: list[Node] = []

    def visit(i: int) -> None:
        if i in done:
            return
        if i in visiting:
            raise TemplateError(f"Circular dependency detected on resource: '{nodes[i].id}'. Please see "
                                "https://aka.ms/arm-template/#resources for usage details.")
        visiting.append(i)
        for dep in nodes[i].depends:
            for j in by_id[dep]:
                visit(j)
        visiting.pop()
        done.add(i)
        ordered.append(nodes[i])

    for i in range(len(nodes)):
        visit(i)
    return ordered
