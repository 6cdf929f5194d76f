"""Go-style durations (as Flux writes them: 1h2m3s, 10m, 45s) converted to the API's whole seconds, and the
one rule for every number of seconds a command takes (--timeout, --wait-timeout, --wait-interval)."""

import math
import re

from azure.cli.core.azclierror import InvalidArgumentValueError

_UNITS_IN_SECONDS = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600}
_DURATION = re.compile(r"^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$")
_MAX_SECONDS = (2**63 - 1) // 10**9  # Flux reads durations into Go's time.Duration: int64 nanoseconds
_PART = re.compile(r"(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)")
_MAX_DURATION_LENGTH = 64  # far beyond any real duration; keeps every later step small
# A command waits at most this long (a week): time.sleep() and deadlines need finite, bounded numbers.
MAX_WAIT_SECONDS = 7 * 24 * 3600


def go_duration_seconds(text):
    """Seconds (a float) in `text`, a Go duration such as 1h2m3s or 500ms; None when it is not one."""
    if len(text) > _MAX_DURATION_LENGTH or not _DURATION.match(text):
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


def finite_seconds(value, minimum, maximum=MAX_WAIT_SECONDS):
    """The number of seconds in `value` (text such as 600 or 2.5), or a ValueError saying what is wrong.

    nan, inf and negative zero parse as floats but no clock can wait for them: they are refused here, before
    the command sends anything.
    """
    text = str(value).strip()
    shown = text if len(text) <= _MAX_DURATION_LENGTH else text[:20] + "..."
    try:
        seconds = float(text) if len(text) <= _MAX_DURATION_LENGTH else math.nan
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or (seconds == 0 and math.copysign(1, seconds) < 0):
        raise ValueError(f"'{shown}' is not a number of seconds. Use a plain number such as 600.")
    if seconds < minimum:
        raise ValueError(f"{shown} is too small: use at least {minimum:g} second{'s' * (minimum != 1)}.")
    if seconds > maximum:
        raise ValueError(f"{shown} is too large: use at most {maximum:g} seconds ({maximum // 86400:g} days).")
    return seconds
