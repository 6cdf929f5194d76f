"""Typed values of a document: each check names the key and its line, and says what the key takes."""

import re

from azure.cli.core.azclierror import InvalidArgumentValueError

_ISO_DURATION = re.compile(r"^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$", re.IGNORECASE)


def _wrong(document, path, wanted, value):
    got = type(value).__name__ if not hasattr(value, "items") else "a mapping"
    got = "a list" if isinstance(value, list) else got
    return InvalidArgumentValueError(f"{document.where(path)} must be {wanted}, not {got}.")


def text(document, path, value):
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise _wrong(document, path, "text", value)
    return str(value)


def flag(document, path, value):
    if not isinstance(value, bool):
        raise _wrong(document, path, "true or false", value)
    return value


def seconds(document, path, value):
    """A number of seconds (the API's *InSeconds fields) as the Go duration the options take; a Go duration
    such as 10m is accepted as well."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, int):
        raise _wrong(document, path, "a whole number of seconds (or a Go duration such as 10m)", value)
    return f"{value}s"


def mapping(document, path, value):
    if not hasattr(value, "items"):
        raise _wrong(document, path, "a mapping of keys", value)
    return value


def text_list(document, path, value):
    if isinstance(value, str):
        return value
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _wrong(document, path, "a list of text items", value)
    return list(value)


def iso_duration(document, path, value):
    """reconciliationWaitDuration as the API writes it (PT10M, PT1H30M) -> the Go duration the option takes."""
    found = _ISO_DURATION.match(text(document, path, value).strip())
    if not found or not any(found.groups()):
        raise InvalidArgumentValueError(f"{document.where(path)} must be an ISO 8601 duration such as PT10M or "
                                        f"PT1H30M, not '{value}'.")  # fmt: skip
    hours, minutes, secs = (int(part or 0) for part in found.groups())
    return (f"{hours}h" if hours else "") + (f"{minutes}m" if minutes else "") + (f"{secs}s" if secs else "")
