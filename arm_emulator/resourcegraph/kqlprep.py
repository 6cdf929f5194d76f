"""A thin rewrite of ARG query text into what the KQL engine (duckdb-kql) runs.

Each rule covers something ARG accepts that the engine does not (yet); its comment says why it exists.
Rules act on the query's pipe-separated operators, never inside string literals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .tables import COLUMNS, TABLES

_TYPES = {"int": "toint", "long": "tolong", "real": "toreal", "double": "toreal", "bool": "tobool",
          "datetime": "todatetime"}


# A column or table name: not a property path step (`properties.Name`), except after `$left.` / `$right.`.
_IDENTIFIER = re.compile(r"(?:(?<=\$left\.)|(?<=\$right\.)|(?<![\w.$@]))[A-Za-z_]\w*")
_EMPTY_TEST = re.compile(r"(?<![\w.$])([A-Za-z_][\w.]*)\s*(==|!=)\s*(?:''|\"\")(?![\w'\"])")
_IFF = re.compile(r"\b(?:iff|iif)\s*\(")
_TEXT_CALL = re.compile(r"(?:iff|iif|tostring|strcat)\s*\(")
_TABLE_NAMES = {t.lower(): t for t in TABLES}
_COLUMN_NAMES = {c.lower(): c for c in COLUMNS}


@dataclass
class Prepared:
    text: str
    renames: dict[str, str] = field(default_factory=dict)  # engine column name -> name the query gave

    def column_name(self, engine_name: str) -> str:
        """The name the query gave a column; a join's `X1` of a renamed `X` too."""
        if engine_name in self.renames:
            return self.renames[engine_name]
        for internal, original in self.renames.items():
            suffix = engine_name[len(internal):]
            if engine_name.startswith(internal) and suffix.isdigit():
                return original + suffix
        return engine_name


def prepare(kql: str) -> Prepared:
    # Grafana and portal queries arrive with Windows line ends; the engine's lexer wants '\n'.
    kql = kql.replace("\r\n", "\n").replace("\r", "\n")
    renames: dict[str, str] = {}
    kql = _outside_strings(kql, lambda code: _IDENTIFIER.sub(lambda m: _identifier(m.group(0), renames), code))
    # Kusto strings are never null, so `x == ''` holds for a missing value (the right side of an unmatched
    # leftouter join, as in Microsoft's "clusters without the extension" sample); DuckDB's NULL = '' does not.
    kql = _EMPTY_TEST.sub(lambda m: ("isnotempty(" if m.group(2) == "!=" else "isempty(") + m.group(1) + ")", kql)
    kql = _coerce_iff(kql)
    parts = _split_pipes(kql)
    return Prepared("|".join(_operator(p) if i else p for i, p in enumerate(parts)), renames)


def _coerce_iff(kql: str) -> str:
    """``iff(c, <dynamic>, "text")`` -> ``iff(c, tostring(<dynamic>), "text")``.

    Kusto returns the text for such a mix (Microsoft's Flux dashboard builds its status message this way);
    the engine casts "text" to JSON and fails. Branches beside a string literal are made strings.
    """
    out, i = [], 0
    for match in _IFF.finditer(kql):
        if match.start() < i or _inside_string(kql, match.start()):
            continue
        args, end = _call_arguments(kql, match.end())
        if args is None or len(args) != 3:
            continue
        args = [_coerce_iff(a) for a in args]
        if any(_is_textual(a) for a in args[1:]):
            args[1:] = [a if _is_textual(a) else f"tostring({a.strip()})" for a in args[1:]]
        out.append(kql[i:match.start()] + match.group(0) + ", ".join(a.strip() for a in args) + ")")
        i = end
    out.append(kql[i:])
    return "".join(out)


def _call_arguments(text: str, start: int) -> tuple[list[str] | None, int]:
    """Arguments of the call whose '(' ends just before ``start``, and the index past its ')'."""
    args, depth, i, begin = [], 0, start, start
    while i < len(text):
        ch = text[i]
        if ch in "'\"":
            i = _string_end(text, i)
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            if depth == 0:
                args.append(text[begin:i])
                return args, i + 1
            depth -= 1
        elif ch == "," and depth == 0:
            args.append(text[begin:i])
            begin = i + 1
        i += 1
    return None, len(text)


def _is_textual(arg: str) -> bool:
    """A string literal, or a call that yields a string (a nested iff is made one by _coerce_iff)."""
    return _is_string_literal(arg) or bool(_TEXT_CALL.match(arg.strip()))


def _is_string_literal(arg: str) -> bool:
    arg = arg.strip()
    return len(arg) >= 2 and arg[0] in "'\"" and _string_end(arg, 0) == len(arg)


def _inside_string(text: str, index: int) -> bool:
    i = 0
    while i < index:
        if text[i] in "'\"":
            end = _string_end(text, i)
            if end > index:
                return True
            i = end
            continue
        i += 1
    return False


def _identifier(word: str, renames: dict[str, str]) -> str:
    lower = word.lower()
    if lower in _TABLE_NAMES:  # ARG's table names ignore case (`Resources`); the engine's lookup does not
        return _TABLE_NAMES[lower]
    for internal, original in renames.items():  # a join's `X1` for a renamed `X`
        if word.startswith(original) and word[len(original):].isdigit():
            return internal + word[len(original):]
    column = _COLUMN_NAMES.get(lower)
    if column is not None and column != word:
        # KQL keeps `ResourceGroup` and `resourceGroup` apart, DuckDB folds them together and the engine
        # refuses (its rule R7); Grafana's queries do exactly this, so the new column gets an internal name.
        internal = f"{word}__{len(renames) + 1}"
        for known, original in renames.items():
            if original == word:
                internal = known
        renames[internal] = word
        return internal
    return word


def _outside_strings(kql: str, rewrite) -> str:
    """``rewrite`` applied to the code between string literals and comments."""
    out, start, i = [], 0, 0
    while i < len(kql):
        if kql[i] in "'\"" or kql.startswith("//", i):
            out.append(rewrite(kql[start:i]))
            end = _string_end(kql, i) if kql[i] in "'\"" else (kql.find("\n", i) % (len(kql) + 1))
            out.append(kql[i:end])
            start = i = end
            continue
        i += 1
    out.append(rewrite(kql[start:]))
    return "".join(out)


def _operator(text: str) -> str:
    stripped = text.lstrip()
    word = re.match(r"[A-Za-z-]+", stripped)
    name = word.group(0).lower() if word else ""
    if name == "mvexpand":  # ARG's old spelling of mv-expand, still used by published queries
        return " mv-expand" + stripped[len(name):]
    if name == "parse":  # the engine has no `parse`; the same extraction as `extend ... = extract(...)`
        return " " + _parse_to_extend(stripped[len(name):]) + "\n"
    return text


def _parse_to_extend(rest: str) -> str:
    """``parse [kind=simple] EXPR with * 'lit' col 'lit' col2:int *`` -> ``extend col = extract(...)``.

    As ARG's own samples need (they match '/providers/Microsoft.KubernetesConfiguration/Extensions' and
    'ManagedClusters/' against ids spelled '.../extensions/...' and 'managedClusters'), literals match
    without regard to case. A string that does not match leaves every column empty, as in Kusto.
    """
    rest = re.sub(r"^\s*kind\s*=\s*simple\b", "", rest)
    source, pattern = _split_with(rest)
    tokens = _pattern_tokens(pattern)
    regex, columns = "", []
    for index, token in enumerate(tokens):
        last = index == len(tokens) - 1
        if token == "*":
            regex += ".*" if last else ".*?"
        elif token.startswith("'"):
            regex += re.escape(token[1:-1])
        else:
            columns.append(token)
            regex += "(.*)" if last else "(.*?)"
    regex = "(?is)^" + regex + "$"
    literal = "@'" + regex.replace("'", "''") + "'"
    assignments = []
    for group, column in enumerate(columns, start=1):
        name, _, kind = column.partition(":")
        value = f"extract({literal}, {group}, tostring({source.strip()}))"
        cast = _TYPES.get(kind.strip().lower())
        assignments.append(f"{name.strip()} = {cast}({value})" if cast else f"{name.strip()} = {value}")
    return "extend " + ", ".join(assignments)


def _split_with(rest: str) -> tuple[str, str]:
    depth, i = 0, 0
    while i < len(rest):
        ch = rest[i]
        if ch in "'\"":
            i = _string_end(rest, i)
            continue
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and re.match(r"\swith\s", rest[i:i + 6], re.IGNORECASE):
            return rest[:i], rest[i + 5:]
        i += 1
    raise_unparsed(rest)
    return "", ""


def _pattern_tokens(pattern: str) -> list[str]:
    tokens, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch.isspace():
            i += 1
        elif ch == "*":
            tokens.append("*")
            i += 1
        elif ch in "'\"" or (ch == "@" and pattern[i + 1:i + 2] in ("'", '"')):
            start = i + 1 if ch == "@" else i
            end = _string_end(pattern, start)
            if end - start < 2 or pattern[end - 1] != pattern[start]:
                raise_unparsed(pattern)  # an unterminated string
            tokens.append("'" + pattern[start + 1:end - 1] + "'")
            i = end
        else:
            match = re.match(r"[A-Za-z_][\w]*(\s*:\s*\w+)?", pattern[i:])
            if not match:
                raise_unparsed(pattern)
            tokens.append(match.group(0))
            i += len(match.group(0))
    return tokens


def _string_end(text: str, start: int) -> int:
    """Index just past the string literal opening at ``start`` (quotes doubled or backslash-escaped)."""
    quote, i = text[start], start + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            return i + 1
        i += 1
    return len(text)


def _split_pipes(kql: str) -> list[str]:
    """The query cut at each '|' outside string literals and comments."""
    parts, start, i = [], 0, 0
    while i < len(kql):
        ch = kql[i]
        if ch in "'\"":
            i = _string_end(kql, i)
            continue
        if kql.startswith("//", i):
            end = kql.find("\n", i)
            i = len(kql) if end < 0 else end
            continue
        if ch == "|":
            parts.append(kql[start:i])
            start = i + 1
        i += 1
    parts.append(kql[start:])
    return parts


class ParseRewriteError(ValueError):
    """A `parse` operator this layer cannot read."""


def raise_unparsed(text: str) -> None:
    raise ParseRewriteError(f"cannot read the parse operator near {text.strip()[:60]!r}")
