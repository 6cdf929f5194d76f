"""Go-style durations (as Flux writes them: 1h2m3s, 10m, 45s) converted to the API's whole seconds."""

import re

from azure.cli.core.azclierror import InvalidArgumentValueError

_UNITS_IN_SECONDS = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600}
_DURATION = re.compile(r"^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$")
_MAX_SECONDS = (2**63 - 1) // 10**9  # Flux reads durations into Go's time.Duration: int64 nanoseconds
_PART = re.compile(r"(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)")


def go_duration_seconds(text):
    """Seconds (a float) in `text`, a Go duration such as 1h2m3s or 500ms; None when it is not one."""
    if not _DURATION.match(text):
        return None
    return sum(float(number) * _UNITS_IN_SECONDS[unit] for number, unit in _PART.findall(text))


def parse_duration(value, what):
    """Seconds in `value`, a Go duration such as 1h2m3s; `what` names the option in errors."""
    seconds = go_duration_seconds(str(value).strip())
    if seconds is None:
        raise InvalidArgumentValueError(
            f"Invalid {what} '{value}': use a Go duration such as 1h2m3s, 10m or 45s "
            "(units h, m, s; no spaces)."
        )
    if seconds > _MAX_SECONDS:
        raise InvalidArgumentValueError(
            f"Invalid {what} '{value}': it is longer than Flux can hold (a Go duration stops at about 292 years, "
            "2562047h). Use a realistic duration such as 1h or 24h."
        )
    if seconds < 1 or abs(seconds - round(seconds)) > 1e-9:
        raise InvalidArgumentValueError(
            f"Invalid {what} '{value}': it must be a whole number of seconds, at least 1s (for example 90s or 1m30s)."
        )
    return int(round(seconds))
