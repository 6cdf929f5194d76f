"""A lenient JSON reader for deployment bodies that remembers where each value starts.

``az deployment group create`` splices the template file's text into the request body as it is
(comments, an unquoted ``template`` key), and ARM names template lines in its errors, so the
standard ``json`` module does not fit: this reader accepts ``//`` and ``/* */`` comments, unquoted
keys and trailing commas, and records the (line, column) of every value by its JSON path.
"""

from __future__ import annotations

import json
from typing import Any

Path = tuple[Any, ...]
Positions = dict[Path, tuple[int, int]]


class JsoncError(ValueError):
    def __init__(self, message: str, line: int, column: int):
        super().__init__(f"{message} Line {line}, position {column}.")
        self.line, self.column = line, column


def loads(text: str) -> tuple[Any, Positions]:
    reader = _Reader(text)
    value = reader.value(())
    reader.skip()
    if reader.i < len(text):
        reader.fail("Additional text encountered after finished reading JSON content.")
    return value, reader.positions


def shift(positions: Positions, prefix: Path) -> Positions:
    """The positions under ``prefix``, with paths relative to it."""
    n = len(prefix)
    return {p[n:]: pos for p, pos in positions.items() if p[:n] == prefix}


class _Reader:
    def __init__(self, text: str):
        self.text, self.i = text, 0
        self.positions: Positions = {}

    def where(self) -> tuple[int, int]:
        line = self.text.count("\n", 0, self.i) + 1
        return line, self.i - (self.text.rfind("\n", 0, self.i) + 1) + 1

    def fail(self, message: str) -> None:
        raise JsoncError(message, *self.where())

    def skip(self) -> None:
        text = self.text
        while self.i < len(text):
            if text[self.i].isspace():
                self.i += 1
            elif text.startswith("//", self.i):
                end = text.find("\n", self.i)
                self.i = len(text) if end < 0 else end
            elif text.startswith("/*", self.i):
                end = text.find("*/", self.i + 2)
                if end < 0:
                    self.fail("Unterminated comment.")
                self.i = end + 2
            else:
                return

    def value(self, path: Path) -> Any:
        self.skip()
        if self.i >= len(self.text):
            self.fail("Unexpected end of content.")
        self.positions[path] = self.where()
        ch = self.text[self.i]
        if ch == "{":
            return self._object(path)
        if ch == "[":
            return self._array(path)
        if ch == '"':
            return self._string()
        return self._scalar()

    def _object(self, path: Path) -> dict[str, Any]:
        self.i += 1
        out: dict[str, Any] = {}
        while True:
            self.skip()
            if self._take("}"):
                return out
            key = self._string() if self.text[self.i:self.i + 1] == '"' else self._bare_word()
            self.skip()
            if not self._take(":"):
                self.fail(f"Invalid character after property name '{key}'.")
            out[key] = self.value(path + (key,))
            self.skip()
            if not self._take(",") and self.text[self.i:self.i + 1] != "}":
                self.fail("After parsing a value an unexpected character was encountered.")

    def _array(self, path: Path) -> list[Any]:
        self.i += 1
        out: list[Any] = []
        while True:
            self.skip()
            if self._take("]"):
                return out
            out.append(self.value(path + (len(out),)))
            self.skip()
            if not self._take(",") and self.text[self.i:self.i + 1] != "]":
                self.fail("After parsing a value an unexpected character was encountered.")

    def _take(self, ch: str) -> bool:
        if self.text[self.i:self.i + 1] == ch:
            self.i += 1
            return True
        if self.i >= len(self.text):
            self.fail("Unexpected end of content.")
        return False

    def _string(self) -> str:
        try:
            value, end = json.decoder.scanstring(self.text, self.i + 1, False)
        except ValueError:
            self.fail("Unterminated string.")
        self.i = end
        return value

    def _bare_word(self) -> str:
        start = self.i
        while self.i < len(self.text) and (self.text[self.i].isalnum() or self.text[self.i] in "_$"):
            self.i += 1
        if start == self.i:
            self.fail("Invalid property identifier character.")
        return self.text[start:self.i]

    def _scalar(self) -> Any:
        word = self._bare_word_or_number()
        literals = {"true": True, "false": False, "null": None}
        if word in literals:
            return literals[word]
        try:
            return json.loads(word)
        except ValueError:
            self.i -= len(word)
            self.fail(f"Unexpected character encountered while parsing value: {word[:1] or self.text[self.i]}.")

    def _bare_word_or_number(self) -> str:
        start = self.i
        while self.i < len(self.text) and (self.text[self.i].isalnum() or self.text[self.i] in "+-.eE_"):
            self.i += 1
        return self.text[start:self.i]
