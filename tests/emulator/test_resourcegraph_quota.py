"""ARG's quota window ("Guidance for throttled requests"): N queries per window, headers count down, the window
resets, and a query over quota is told when to retry."""

from __future__ import annotations

import pytest

from arm_emulator.core.errors import ArmError
from arm_emulator.resourcegraph.quota import Quota, parse_spec


def test_the_quota_counts_down_refuses_then_resets():
    quota = Quota(limit=3, window=5.0)
    assert [quota.take(100.0 + t)["x-ms-user-quota-remaining"] for t in (0.0, 1.0, 2.0)] == ["2", "1", "0"]
    with pytest.raises(ArmError) as refused:
        quota.take(103.2)
    assert refused.value.status == 429
    assert refused.value.headers == {"x-ms-user-quota-remaining": "0", "x-ms-user-quota-resets-after": "00:00:01",
                                     "Retry-After": "2"}
    assert quota.take(105.0) == {"x-ms-user-quota-remaining": "2", "x-ms-user-quota-resets-after": "00:00:05"}


@pytest.mark.parametrize(("spec", "expected"), [("15/5", (15, 5.0)), ("100", (100, 5.0)), ("2/0.5", (2, 0.5))])
def test_quota_specs(spec, expected):
    assert parse_spec(spec) == expected


@pytest.mark.parametrize("spec", ["0/5", "3/0", "many", "1/x"])
def test_bad_quota_specs_are_refused(spec):
    with pytest.raises(ValueError):
        parse_spec(spec)
