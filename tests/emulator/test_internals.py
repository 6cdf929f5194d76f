"""In-process checks of pieces that are awkward to reach through a subprocess."""

from __future__ import annotations

import asyncio

import pytest
from aiohttp.test_utils import TestClient, TestServer

from arm_emulator.core import armcore
from arm_emulator.core.addressing import parse
from arm_emulator.core.context import Context, Settings
from arm_emulator.core.faults import FaultBook
from arm_emulator.core.mergepatch import merge_patch
from arm_emulator.httpapi.app import build_app
from arm_emulator.httpapi.requestlog import RequestLog
from arm_emulator.seed import apply_seed
from arm_emulator.store import Store


def test_unexpected_error_is_a_500_arm_body_without_traceback(tmp_path, monkeypatch):
    async def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(armcore, "handle", boom)
    ctx = Context(store=Store(tmp_path / "state.db"), settings=Settings(), faults=FaultBook(), log=RequestLog())
    apply_seed(ctx, None)

    async def run() -> tuple[int, dict, str]:
        async with TestClient(TestServer(build_app(ctx))) as client:
            response = await client.get("/subscriptions?api-version=2022-12-01",
                                        headers={"Authorization": "Bearer t"})
            return response.status, await response.json(), await response.text()

    status, body, text = asyncio.run(run())
    assert status == 500
    assert body == {"error": {"code": "InternalServerError", "message": "The server encountered an internal error."}}
    assert "Traceback" not in text and "secret internals" not in text
    assert ctx.log.entries()[-1]["status"] == 500


@pytest.mark.parametrize("target,patch,expected", [
    ({"a": "b"}, {"a": "c"}, {"a": "c"}),
    ({"a": "b"}, {"b": "c"}, {"a": "b", "b": "c"}),
    ({"a": "b"}, {"a": None}, {}),
    ({"a": "b", "b": "c"}, {"a": None}, {"b": "c"}),
    ({"a": ["b"]}, {"a": "c"}, {"a": "c"}),
    ({"a": {"b": "c"}}, {"a": {"b": "d", "c": None}}, {"a": {"b": "d"}}),
    ({"a": [{"b": "c"}]}, {"a": [1]}, {"a": [1]}),
    ({}, {"a": {"bb": {"ccc": None}}}, {"a": {"bb": {}}}),
])
def test_merge_patch_rfc7396_examples(target, patch, expected):
    assert merge_patch(target, patch) == expected


def test_addressing_is_case_insensitive_and_keeps_casing():
    addr = parse("/SUBSCRIPTIONS/s1//resourcegroups/RG/providers/microsoft.kubernetes/ConnectedClusters/C1/"
                 "PROVIDERS/microsoft.kubernetesconfiguration/FLUXCONFIGURATIONS/Cfg/operations/OP1")
    assert addr.level == "operation" and addr.config_type == "fluxConfigurations"
    assert (addr.resource_group, addr.cluster, addr.name, addr.operation_id) == ("RG", "C1", "Cfg", "OP1")
    assert addr.item_path.endswith("/FLUXCONFIGURATIONS/Cfg") and "//" not in addr.path
    assert parse("/subscriptions/s1/providers/Microsoft.Kubernetes/register").level == "provider_action"
    assert parse("/subscriptions/s1/resourceGroups/rg/providers/X/y/c/providers/Microsoft.Web/sites") is None
