"""ARM error envelope: every 4xx/5xx answer carries ``{"error": {"code", "message", ...}}``."""

from __future__ import annotations

from typing import Any


class ArmError(Exception):
    """Raised anywhere in a handler; the error middleware turns it into an ARM error response."""

    def __init__(self, status: int, code: str, message: str, *, target: str | None = None,
                 details: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None):
        super().__init__(f"({code}) {message}")
        self.status = status
        self.code = code
        self.message = message
        self.target = target
        self.details = details
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return {"error": error_detail(self.code, self.message, target=self.target, details=self.details)}


def error_detail(code: str, message: str, *, target: str | None = None,
                 details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    detail: dict[str, Any] = {"code": code, "message": message}
    if target is not None:
        detail["target"] = target
    if details is not None:
        detail["details"] = details
    return detail


def bad_request(code: str, message: str, **kwargs: Any) -> ArmError:
    return ArmError(400, code, message, **kwargs)


def validation_failed(message: str) -> ArmError:
    return ArmError(400, "ValidationFailed", message)


def not_found(message: str, code: str = "ResourceNotFound") -> ArmError:
    return ArmError(404, code, message)


def method_not_allowed(method: str, path: str) -> ArmError:
    return ArmError(405, "MethodNotAllowed", f"The requested method '{method}' is not allowed for '{path}'.")
