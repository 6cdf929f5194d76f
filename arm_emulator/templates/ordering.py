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
    """Dependencies first, template order otherwise; a cycle is ARM's 'Circular dependency detected'."""
    by_id = {n.id.lower(): n for n in nodes}
    done: set[str] = set()
    visiting: list[str] = []
    ordered: list[Node] = []

    def visit(node: Node) -> None:
        key = node.id.lower()
        if key in done:
            return
        if key in visiting:
            raise TemplateError(f"Circular dependency detected on resource: '{node.id}'. Please see "
                                "https://aka.ms/arm-template/#resources for usage details.")
        visiting.append(key)
        for dep in node.depends:
            visit(by_id[dep])
        visiting.pop()
        done.add(key)
        ordered.append(node)

    for node in nodes:
        visit(node)
    return ordered
