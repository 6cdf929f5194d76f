"""Parser of template language expressions: ``[concat('a', parameters('b')).x[0]]``.

An expression is a literal ('string' or integer) or a function call, each followed by any number of
``.property`` and ``[index]`` accessors. The tree is tuples: ("lit", value), ("call", name, args),
("prop", target, name), ("index", target, index-expression).
"""

from __future__ import annotations

from typing import Any

from .errors import TemplateError

Node = tuple[Any, ...]
_SINGLE = {"(": "LeftParenthesis", ")": "RightParenthesis", ",": "Comma", ".": "Dot",
           "[": "LeftSquareBracket", "]": "RightSquareBracket"}


def is_expression(value: Any) -> bool:
    """ARM's rule: a string in [brackets] is an expression; a leading '[[' escapes a literal '['."""
    return isinstance(value, str) and value.startswith("[") and value.endswith("]") and not value.startswith("[[")


def unescape(value: str) -> str:
    return value[1:] if value.startswith("[[") else value


def parse(expression: str) -> Node:
    """Parse the text of ``[...]`` (with its brackets)."""
    parser = _Parser(expression, _tokens(expression[1:-1], expression))
    node = parser.expression()
    parser.expect("EndOfData")
    return node


def _tokens(text: str, whole: str) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in _SINGLE:
            out.append((_SINGLE[ch], ch))
            i += 1
        elif ch == "'":
            value, i = _string(text, i + 1, whole)
            out.append(("String", value))
        elif ch.isdigit() or (ch == "-" and text[i + 1:i + 2].isdigit()):
            start = i
            i += 1
            while i < len(text) and text[i].isdigit():
                i += 1
            out.append(("Integer", int(text[start:i])))
        elif ch.isalpha() or ch == "_":
            start = i
            while i < len(text) and (text[i].isalnum() or text[i] in "_"):
                i += 1
            out.append(("Identifier", text[start:i]))
        else:
            raise TemplateError(f"The language expression '{whole}' is not valid: the string character '{ch}' at "
                                f"position '{i}' is not expected.")
    out.append(("EndOfData", None))
    return out


def _string(text: str, i: int, whole: str) -> tuple[str, int]:
    chars: list[str] = []
    while i < len(text):
        if text[i] == "'":
            if text[i + 1:i + 2] == "'":  # '' is a quote inside a string
                chars.append("'")
                i += 2
                continue
            return "".join(chars), i + 1
        chars.append(text[i])
        i += 1
    raise TemplateError(f"The language expression '{whole}' is not valid: the string literal is not terminated.")


class _Parser:
    def __init__(self, whole: str, tokens: list[tuple[str, Any]]):
        self.whole, self.tokens, self.i = whole, tokens, 0

    def peek(self) -> str:
        return self.tokens[self.i][0]

    def expect(self, kind: str) -> Any:
        actual, value = self.tokens[self.i]
        if actual != kind:
            raise TemplateError(f"Unable to parse language expression '{self.whole[1:-1]}': expected token "
                                f"'{kind}' and actual '{actual}'.")
        self.i += 1
        return value

    def expression(self) -> Node:
        kind = self.peek()
        if kind in ("String", "Integer"):
            node: Node = ("lit", self.expect(kind))
        else:
            name = self.expect("Identifier")
            self.expect("LeftParenthesis")
            args: list[Node] = []
            if self.peek() != "RightParenthesis":
                args.append(self.expression())
                while self.peek() == "Comma":
                    self.expect("Comma")
                    args.append(self.expression())
            self.expect("RightParenthesis")
            node = ("call", name, args)
        while self.peek() in ("Dot", "LeftSquareBracket"):
            if self.expect(self.peek()) == ".":
                node = ("prop", node, self.expect("Identifier"))
            else:
                index = self.expression()
                self.expect("RightSquareBracket")
                node = ("index", node, index)
        return node


def function_names(node: Node) -> list[str]:
    """Every function an expression calls, in order, for checking them before anything is evaluated."""
    kind = node[0]
    if kind == "lit":
        return []
    if kind == "call":
        return [node[1]] + [n for arg in node[2] for n in function_names(arg)]
    names = function_names(node[1])
    return names + function_names(node[2]) if kind == "index" else names


def strings_in(value: Any) -> list[str]:
    """Every string of a JSON value, property names included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in strings_in(v)]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *strings_in(v))]
    return []
