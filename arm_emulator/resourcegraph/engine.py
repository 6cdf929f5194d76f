"""KQL over the ARG tables, run by DuckDB through duckdb-kql.

The tables are rebuilt from the store whenever it has changed since the last query (rows of unchanged
resources are reused), so every query sees live state. Scope is applied by views: a query names
``resources``, which is a view over the rows of the subscriptions in scope.
"""

from __future__ import annotations

import datetime
import json
import os
import tempfile
from dataclasses import dataclass
from typing import Any

from ..store import Store
from . import kqlprep, tables
from .errors import from_engine

_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
# DuckDB column types -> ARG's `table` result column types.
_ARG_TYPES = (("INTERVAL", "string"), ("JSON", "object"), ("BOOL", "boolean"), ("INT", "integer"), ("DOUBLE", "number"),
              ("FLOAT", "number"), ("DECIMAL", "number"), ("TIMESTAMP", "datetime"), ("DATE", "datetime"))


@dataclass
class Page:
    columns: list[tuple[str, str]]  # (name, ARG type)
    rows: list[list[Any]]
    total: int


class Engine:
    """``lag`` > 0 keeps answering from the last snapshot until it is that many seconds old, as ARG trails ARM."""

    def __init__(self, lag: float = 0.0) -> None:
        self.lag = lag
        self._built_at = float("-inf")
        self._con: Any = None
        self._version: int | None = None
        self._rows: dict[str, tuple[str, str]] = {}  # key -> (stored body text, ARG row as a JSON line)
        self._subscriptions: tuple[str, ...] | None = None

    def query(self, store: Store, kql: str, subscriptions: list[str], skip: int, top: int,
              now: float = 0.0) -> Page:
        """Rows [skip, skip + top) of the query's result over the given subscriptions, and the total count."""
        if now - self._built_at >= self.lag or self._con is None:
            self._refresh(store)
            self._built_at = now
        self._scope(subscriptions)
        import duckdb
        import duckdb_kql

        try:
            prepared = kqlprep.prepare(kql)
            rel = duckdb_kql.kql(self._con, prepared.text)
            total = rel.aggregate("count(*)").fetchall()[0][0]
            types = [str(t).upper() for t in rel.types]
            shown = rel.project(", ".join(_output_expr(c, t) for c, t in zip(rel.columns, types, strict=True)))
            raw = shown.limit(top, skip).fetchall() if top else []
        except (duckdb_kql.KqlError, duckdb.Error, kqlprep.ParseRewriteError) as exc:  # ARG's InvalidQuery
            raise from_engine(exc) from None
        arg_types = [_arg_type(t) for t in types]
        rows = [[_value(v, t) for v, t in zip(r, arg_types, strict=True)] for r in raw]
        names = [prepared.column_name(c) for c in rel.columns]
        return Page(list(zip(names, arg_types, strict=True)), rows, int(total))

    def warm(self, store: Store) -> None:
        """Build the tables now, so that the first query of a large world is as fast as the next."""
        self._refresh(store)

    # -- live tables ------------------------------------------------------------------------------
    def _refresh(self, store: Store) -> None:
        version = store.change_count()
        if self._con is not None and version == self._version:
            return
        if self._con is None:
            import duckdb_kql

            self._con = duckdb_kql.connect()
            # One thread: a query without `order by` returns its rows in the same order on every page.
            self._con.execute("SET threads = 1")
        fresh: dict[str, tuple[str, str]] = {}
        lines: dict[str, list[str]] = {name: [] for name in tables.TABLES}
        for key, kind, _id, text in store.raw_of_kinds(tables.KINDS):
            cached = self._rows.get(key)
            if cached is None or cached[0] != text:
                from ..store import Resource

                cached = (text, json.dumps(tables.row(Resource(key, kind, "", _id, json.loads(text)))))
            fresh[key] = cached
            lines[tables.table_of(kind)].append(cached[1])
        self._rows = fresh
        for name, table_lines in lines.items():
            self._load(name, table_lines)
        self._version = version
        self._subscriptions = None

    def _load(self, name: str, lines: list[str]) -> None:
        columns = ", ".join(f"'{c}': '{'JSON' if c in tables.DYNAMIC else 'VARCHAR'}'" for c in tables.COLUMNS)
        fd, path = tempfile.mkstemp(suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write("\n".join(lines))
            self._con.execute(f'CREATE OR REPLACE TABLE "_all_{name}" AS SELECT * FROM read_json(?, '
                              f"format='newline_delimited', columns={{{columns}}})", [path])
        finally:
            os.unlink(path)

    def _scope(self, subscriptions: list[str]) -> None:
        wanted = tuple(sorted(s.lower() for s in subscriptions))
        if wanted == self._subscriptions:
            return
        listed = ", ".join("'" + s.replace("'", "''") + "'" for s in wanted) or "NULL"
        for name in tables.TABLES:
            self._con.execute(f'CREATE OR REPLACE VIEW "{name}" AS SELECT * FROM "_all_{name}" '
                              f"WHERE lower(subscriptionId) IN ({listed})")
        self._subscriptions = wanted


def _output_expr(column: str, duck_type: str) -> str:
    quoted = '"' + column.replace('"', '""') + '"'
    if "TIMESTAMP" in duck_type or duck_type == "DATE":
        return f"strftime({quoted}, '{_TIME_FORMAT}') AS {quoted}"
    if duck_type.startswith(("DECIMAL", "HUGEINT")):
        return f"CAST({quoted} AS DOUBLE) AS {quoted}"
    return quoted


def _value(value: Any, arg_type: str) -> Any:
    if arg_type == "object" and isinstance(value, str):
        return json.loads(value)
    return _plain(value)


def _plain(value: Any) -> Any:
    """A result value as JSON can carry it; a timespan as Kusto writes one ([d.]hh:mm:ss[.fffffff])."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, datetime.timedelta):
        sign = "-" if value < datetime.timedelta(0) else ""
        value = abs(value)
        hours, rest = divmod(value.seconds, 3600)
        text = f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"
        text = f"{value.days}.{text}" if value.days else text
        return sign + (f"{text}.{value.microseconds * 10:07d}" if value.microseconds else text)
    if isinstance(value, datetime.datetime):
        return value.strftime(_TIME_FORMAT)
    return str(value)


def _arg_type(duck_type: str) -> str:
    return next((arg for prefix, arg in _ARG_TYPES if prefix in duck_type), "string")
