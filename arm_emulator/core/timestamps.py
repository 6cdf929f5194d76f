"""Timestamps in the form ARM writes them."""

from __future__ import annotations

import datetime


def timestamp(epoch: float) -> str:
    """ARM-style timestamp with 7 fractional digits, as recorded real traffic shows."""
    moment = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond:06d}0+00:00"

