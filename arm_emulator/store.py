"""SQLite persistence for everything the emulator knows.

Every write runs in ``Store.tx()``, which commits (WAL, synchronous=FULL) before the handler
answers, so nothing a client saw acknowledged is lost when the process is killed.
Resources are keyed by their lower-cased ARM id; ``id`` keeps the user's latest casing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS resources (
    key TEXT PRIMARY KEY, kind TEXT NOT NULL, parent TEXT NOT NULL, id TEXT NOT NULL,
    body TEXT NOT NULL, seq INTEGER NOT NULL, agent_due REAL
);
CREATE INDEX IF NOT EXISTS resources_parent ON resources(parent, seq);
CREATE INDEX IF NOT EXISTS resources_seq ON resources(seq);
-- Every request settles what is due (agent reports, remediations, deployments): without these, each request
-- read every row of a fleet-sized store.
CREATE INDEX IF NOT EXISTS resources_kind ON resources(kind, key);
CREATE INDEX IF NOT EXISTS resources_agent_due ON resources(agent_due);
CREATE TABLE IF NOT EXISTS operations (
    key TEXT PRIMARY KEY, id TEXT NOT NULL, resource_key TEXT NOT NULL, action TEXT NOT NULL,
    status TEXT NOT NULL, started REAL NOT NULL, due REAL NOT NULL, ended REAL, error TEXT
);
CREATE INDEX IF NOT EXISTS operations_due ON operations(ended, due);
CREATE TABLE IF NOT EXISTS providers (
    subscription TEXT NOT NULL, ns_key TEXT NOT NULL, namespace TEXT NOT NULL, state TEXT NOT NULL,
    PRIMARY KEY (subscription, ns_key)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
# The column orders `_resource` and `_operation` decode.
_RESOURCE_SELECT = "SELECT key, kind, parent, id, body, agent_due FROM resources "
_OPERATION_SELECT = "SELECT key, id, resource_key, action, status, started, due, ended, error FROM operations "


@dataclass
class Resource:
    key: str
    kind: str
    parent: str
    id: str
    body: dict[str, Any]
    agent_due: float | None = None


@dataclass
class Operation:
    key: str
    id: str
    resource_key: str
    action: str  # create | update | delete
    status: str
    started: float
    due: float
    ended: float | None = None
    error: dict[str, Any] | None = None


class Store:
    def __init__(self, path: Path):
        self.path = path
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)
        self._depth = 0

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def tx(self) -> Iterator[Store]:
        """Atomic unit of work; nested calls join the outer transaction."""
        if self._depth == 0:
            self._db.execute("BEGIN IMMEDIATE")
        self._depth += 1
        try:
            yield self
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self._db.execute("ROLLBACK")
            raise
        self._depth -= 1
        if self._depth == 0:
            self._db.execute("COMMIT")

    # -- meta ---------------------------------------------------------------------------------
    def meta_get(self, key: str, default: Any = None) -> Any:
        row = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def meta_set(self, key: str, value: Any) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, json.dumps(value)))

    # -- resources ----------------------------------------------------------------------------
    def get(self, key: str) -> Resource | None:
        rows = self._resources("WHERE key=?", (key.lower(),))
        return rows[0] if rows else None

    def put(self, res: Resource) -> None:
        res.key = res.key.lower()
        res.parent = res.parent.lower()
        body = json.dumps(res.body)
        updated = self._db.execute(
            "UPDATE resources SET kind=?, parent=?, id=?, body=?, agent_due=? WHERE key=?",
            (res.kind, res.parent, res.id, body, res.agent_due, res.key),
        ).rowcount
        if not updated:
            seq = self._db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM resources").fetchone()[0]
            self._db.execute(
                "INSERT INTO resources(key, kind, parent, id, body, seq, agent_due) VALUES (?,?,?,?,?,?,?)",
                (res.key, res.kind, res.parent, res.id, body, seq, res.agent_due),
            )

    def delete_tree(self, key: str) -> None:
        """Delete a resource and everything nested under its id."""
        key = key.lower()
        self._db.execute("DELETE FROM resources WHERE key=? OR key LIKE ? ESCAPE '\\'", (key, _prefix(key)))

    def children(self, parent: str) -> list[Resource]:
        return self._resources("WHERE parent=? ORDER BY seq", (parent.lower(),))

    def under(self, key: str, kind: str) -> list[Resource]:
        # A key range ('/' sorts just before '0') lets SQLite use the key index; LIKE would scan every row.
        key = key.lower().rstrip("/")
        return self._resources("WHERE key > ? AND key < ? AND kind=? ORDER BY seq", (key + "/", key + "0", kind))

    def agent_due(self, now: float) -> list[Resource]:
        return self._resources("WHERE agent_due IS NOT NULL AND agent_due <= ? ORDER BY agent_due", (now,))

    def raw_of_kinds(self, kinds: tuple[str, ...]) -> list[tuple[str, str, str, str]]:
        """(key, kind, id, body as stored JSON text) of every resource of these kinds, oldest first."""
        marks = ",".join("?" * len(kinds))
        return self._db.execute(f"SELECT key, kind, id, body FROM resources WHERE kind IN ({marks}) ORDER BY seq",
                                kinds).fetchall()

    def change_count(self) -> int:
        """Grows with every write through this store; unchanged means nothing changed."""
        return self._db.total_changes

    def _resources(self, where: str, params: tuple) -> list[Resource]:
        """Rows of `resources` matching `where`, in the column order `_resource` decodes."""
        return [_resource(r) for r in self._db.execute(_RESOURCE_SELECT + where, params).fetchall()]

    # -- operations ---------------------------------------------------------------------------
    def put_operation(self, op: Operation) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO operations(key, id, resource_key, action, status, started, due, ended, error) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            (op.key.lower(), op.id, op.resource_key.lower(), op.action, op.status, op.started, op.due, op.ended,
             json.dumps(op.error) if op.error else None),
        )

    def get_operation(self, key: str) -> Operation | None:
        rows = self._operations("WHERE key=?", (key.lower(),))
        return rows[0] if rows else None

    def due_operations(self, now: float) -> list[Operation]:
        return self._operations("WHERE ended IS NULL AND due <= ? ORDER BY due", (now,))

    def running_operations(self, resource_key: str) -> list[Operation]:
        return self._operations("WHERE ended IS NULL AND resource_key=? ORDER BY due", (resource_key.lower(),))

    def _operations(self, where: str, params: tuple) -> list[Operation]:
        """Rows of `operations` matching `where`, in the column order `_operation` decodes."""
        return [_operation(r) for r in self._db.execute(_OPERATION_SELECT + where, params).fetchall()]

    # -- providers ----------------------------------------------------------------------------
    def provider_state(self, subscription: str, namespace: str) -> tuple[str, str] | None:
        row = self._db.execute(
            "SELECT namespace, state FROM providers WHERE subscription=? AND ns_key=?",
            (subscription.lower(), namespace.lower()),
        ).fetchone()
        return (row[0], row[1]) if row else None

    def set_provider(self, subscription: str, namespace: str, state: str) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO providers(subscription, ns_key, namespace, state) VALUES (?,?,?,?)",
            (subscription.lower(), namespace.lower(), namespace, state),
        )

    def providers(self, subscription: str) -> list[tuple[str, str]]:
        rows = self._db.execute(
            "SELECT namespace, state FROM providers WHERE subscription=? ORDER BY ns_key", (subscription.lower(),)
        ).fetchall()
        return [(r[0], r[1]) for r in rows]


def _prefix(key: str) -> str:
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "/%"


def _resource(row: tuple) -> Resource:
    return Resource(row[0], row[1], row[2], row[3], json.loads(row[4]), row[5])


def _operation(row: tuple) -> Operation:
    return Operation(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                     json.loads(row[8]) if row[8] else None)
