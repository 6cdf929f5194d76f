"""ARG's error answers: 400 BadRequest whose ``details`` say what was wrong with the query or request.

Resource Graph words a bad query as ``{"error": {"code": "BadRequest", "message": "Please provide below info
when asking for support: timestamp = ..., correlationId = ...", "details": [{"code": "InvalidQuery",
"message": "Query is invalid. ..."}, {"code": "ParserFailure", "line", "characterPositionInLine", "token"}]}}``.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

from ..core.errors import ArmError

INVALID_QUERY = ("Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix "
                 "the error before retrying.")


class QueryError(ArmError):
    """A request ARG refuses with 400 BadRequest; ``details`` name the reason."""

    def __init__(self, details: list[dict[str, Any]], status: int = 400, code: str = "BadRequest"):
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S.0000000Z", time.gmtime())
        super().__init__(status, code, "Please provide below info when asking for support: "
                                       f"timestamp = {stamp}, correlationId = {uuid.uuid4()}.", details=details)


def invalid_query(detail: dict[str, Any]) -> QueryError:
    return QueryError([{"code": "InvalidQuery", "message": INVALID_QUERY}, detail])


def bad_request(code: str, message: str) -> QueryError:
    return QueryError([{"code": code, "message": message}])


def from_engine(exc: Exception) -> QueryError:
    """The engine's refusal as ARG's InvalidQuery answer (never a stack trace)."""
    from duckdb_kql import KqlSchemaError, KqlSyntaxError, KqlUnsupportedError

    if isinstance(exc, KqlSyntaxError):
        span = exc.diagnostics[0].span if exc.diagnostics else None
        return invalid_query({"code": "ParserFailure", "message": "ParserFailure",
                              "line": span.line if span else -1,
                              "characterPositionInLine": span.column if span else -1,
                              "token": str(exc.diagnostics[0].message if exc.diagnostics else exc)})
    if isinstance(exc, KqlUnsupportedError):
        return invalid_query({"code": "UnsupportedQuery", "message": f"The query uses {exc.construct!r}, which "
                                                                     "this Resource Graph does not support."})
    if isinstance(exc, KqlSchemaError):
        return invalid_query({"code": "FailedToResolveEntity", "message": f"'{exc.name}' could not be resolved."})
    first = str(exc).split("\n", 1)[0]
    return invalid_query({"code": "QueryExecutionFailed", "message": first})
