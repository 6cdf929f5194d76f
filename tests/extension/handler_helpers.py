"""Shared pieces of the handler tests: a microsoft.flux resource as the service returns it, and short calls."""

from azext_k8s_flux.operations import extension as ops

CLUSTER = {"resource_group_name": "rg1", "cluster_name": "cluster1"}


def flux_body(**properties):
    body = {
        "name": "flux",
        "properties": {
            "extensionType": "microsoft.flux",
            "autoUpgradeMinorVersion": True,
            "releaseTrain": "Stable",
            "scope": {"cluster": {"releaseNamespace": "flux-system"}},
            "configurationSettings": {"multiTenancy.enforce": "false", "helm-controller.detectDrift": "true"},
            "provisioningState": "Succeeded",
        },
    }
    body["properties"].update(properties)
    return body


def request_of(call):
    method, args, options = call
    options = dict(options)
    return {"method": method, "args": list(args), "body": options.pop("body", None), "options": options}


def create(fakes, cluster_type="connectedClusters", name="flux", extension_type="microsoft.flux", **kwargs):
    return ops.extension_create(
        fakes.cmd, fakes.extensions, cluster_type=cluster_type, name=name, extension_type=extension_type,
        **CLUSTER, **kwargs
    )


def update(fakes, cluster_type="connectedClusters", name="flux", **kwargs):
    return ops.extension_update(fakes.cmd, fakes.extensions, cluster_type=cluster_type, name=name, **CLUSTER, **kwargs)


def delete(fakes, cluster_type="connectedClusters", name="flux", **kwargs):
    return ops.extension_delete(fakes.cmd, fakes.extensions, cluster_type=cluster_type, name=name, **CLUSTER, **kwargs)
