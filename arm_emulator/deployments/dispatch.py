"""Sends one deployed resource to the backend that serves the same resource over HTTP.

A template resource gets exactly what a direct PUT gets: the same api-version table, parent and
registration checks, validation, long-running operation and service rules.
"""

from __future__ import annotations

from typing import Any

from ..core import armcore
from ..core.addressing import CLUSTER_KINDS, CONFIG_NS, parse
from ..core.context import Context
from ..core.errors import ArmError
from ..providers import clusters, extensions, fluxconfigs, scc
from ..store import Operation

BACKENDS = {"extensions": extensions, "fluxConfigurations": fluxconfigs, "sourceControlConfigurations": scc}


def put(ctx: Context, resource_id: str, type_name: str, api_version: str, body: dict[str, Any]) -> Operation | None:
    """PUT ``body`` at ``resource_id``; the backend's operation, or None when the write is synchronous."""
    addr = parse(resource_id)
    if addr is not None and addr.level == "cluster" and addr.cluster_type.lower() not in CLUSTER_KINDS \
            and addr.namespace.lower() not in {ns.lower() for ns, _ in CLUSTER_KINDS.values()}:
        raise unsupported(type_name, api_version)
    if addr is not None and addr.level == "cluster":
        namespace, _ = clusters.cluster_kind(addr, api_version)
        clusters.put(ctx, addr, body, namespace)
        return None
    if addr is None or addr.level != "config":
        raise unsupported(type_name, api_version)
    backend = BACKENDS[addr.config_type]
    if api_version not in backend.TABLE.versions:
        raise no_provider(type_name, api_version, backend.TABLE.versions)
    clusters.require_cluster(ctx, addr)
    armcore.require_registered(ctx, addr.subscription, CONFIG_NS)
    outcome = backend.put(ctx, addr, backend.TABLE.accepted(body, api_version), ("PUT", resource_id))
    return outcome.operation


def render(ctx: Context, resource_id: str, api_version: str) -> dict[str, Any] | None:
    """The resource as a GET at ``api_version`` shows it, for reference(); None when it does not exist."""
    addr = parse(resource_id)
    if addr is None or addr.level not in ("cluster", "config"):
        return None
    if addr.level == "cluster":
        found = ctx.store.get(addr.cluster_path)
        return clusters.cluster_body(found) if found else None
    found = ctx.store.get(addr.item_path)
    backend = BACKENDS[addr.config_type]
    version = api_version if api_version in backend.TABLE.versions else backend.TABLE.versions[-1]
    return backend.render(found, version) if found else None


def unsupported(type_name: str, api_version: str) -> ArmError:
    """A type the emulator does not model: ARM's answer for a namespace or type it cannot route."""
    namespace, _, rest = type_name.partition("/")
    known = {ns.lower(): ns for ns in armcore.PROVIDER_TYPES}
    if namespace.lower() in known:
        return ArmError(404, "InvalidResourceType", f"The resource type '{rest}' could not be found in the namespace "
                                                    f"'{known[namespace.lower()]}' for api version '{api_version}'.")
    return ArmError(400, "NoRegisteredProviderFound",
                    f"No registered resource provider found for location 'eastus' and API version '{api_version}' "
                    f"for type '{rest}'. The resource provider '{namespace}' is not modelled by the emulator.")


def no_provider(type_name: str, api_version: str, versions: tuple[str, ...]) -> ArmError:
    return ArmError(400, "NoRegisteredProviderFound",
                    f"No registered resource provider found for location 'eastus' and API version '{api_version}' "
                    f"for type '{type_name.partition('/')[2]}'. The supported api-versions are "
                    f"'{', '.join(versions)}'. The supported locations are 'eastus, westeurope'.")
