"""Microsoft.KubernetesConfiguration/sourceControlConfigurations (Flux v1, retired).

Synchronous: PUT answers 201/200 with provisioningState Succeeded and DELETE 200/204 (a 202 would
break SDK 3.1.0). Creating new ones has been refused by the real service since 2024-01-01; the
emulator does the same unless started with ``--allow-flux-v1-create`` (seed files bypass the rule).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .addressing import Address
from .common import envelope, get_response, list_response, new_resource, protected_keys, system_data
from .context import Context
from .errors import ArmError, method_not_allowed
from .httpio import empty_response, json_response, properties_of, read_json
from .store import Resource

API_VERSIONS = ("2023-05-01",)
HAS_OPERATIONS = False
TYPE = "Microsoft.KubernetesConfiguration/sourceControlConfigurations"
KIND = "sourceControlConfiguration"
RETIRED_MESSAGE = ("Flux v1 is retired: new sourceControlConfigurations can no longer be created (since "
                   "2024-01-01). Use Flux v2 instead: az k8s-configuration flux create.")
_INPUT_FIELDS = ("repositoryUrl", "operatorNamespace", "operatorInstanceName", "operatorType", "operatorParams",
                 "operatorScope", "sshKnownHostsContents", "enableHelmOperator", "helmOperatorProperties")


def build(addr: Address, body: dict[str, Any], existing: Resource | None, now: float) -> Resource:
    given = properties_of(body)
    props: dict[str, Any] = {k: given.get(k) for k in _INPUT_FIELDS}
    if not props["repositoryUrl"]:
        raise ArmError(400, "ValidationFailed", "The property 'repositoryUrl' is required.")
    props["operatorNamespace"] = props["operatorNamespace"] or "default"
    props["operatorInstanceName"] = props["operatorInstanceName"] or addr.name
    props["operatorType"] = "Flux"
    props["operatorScope"] = props["operatorScope"] or "cluster"
    props["operatorParams"] = (props["operatorParams"] or "").strip()
    props["enableHelmOperator"] = bool(props["enableHelmOperator"])
    protected_keys(given.get("configurationProtectedSettings"))  # shape check; values are never kept
    props.update({
        "configurationProtectedSettings": {},
        "repositoryPublicKey": "",
        "provisioningState": "Succeeded",
        "complianceStatus": {"complianceState": "Pending", "lastConfigApplied": "0001-01-01T00:00:00+00:00",
                             "message": '{"OperatorMessage":null,"ClusterState":null}',
                             "messageLevel": "Information"},
    })
    return new_resource(addr, KIND, {"properties": props, "systemData": system_data(existing, now)})


def render(res: Resource) -> dict[str, Any]:
    return envelope(res, TYPE, dict(res.body["properties"]))


async def handle(ctx: Context, request: web.Request, addr: Address, api_version: str) -> web.Response:
    store = ctx.store
    if addr.level == "configs":
        return list_response(ctx, request, addr, render)
    existing = store.get(addr.item_path)
    if request.method == "GET":
        return get_response(existing, render, f"SourceControlConfiguration with name '{addr.name}' not found.")
    if request.method == "PUT":
        body = await read_json(request)
        if existing is None and not ctx.settings.allow_flux_v1_create:
            raise ArmError(400, "FluxV1Retired", RETIRED_MESSAGE)
        res = build(addr, body, existing, ctx.now())
        with store.tx():
            store.put(res)
        return json_response(render(res), status=200 if existing else 201)
    if request.method == "DELETE":
        if existing is None:
            return empty_response(204)
        with store.tx():
            store.delete_tree(existing.key)
        return empty_response(200)
    raise method_not_allowed(request.method, addr.path)
