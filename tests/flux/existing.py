"""A configuration as the service returns it (GET): service-filled defaults, nulls, statuses."""

import copy

HTTPS = "https://github.com/Azure/gitops-flux2-kustomize-helm-mt"


def _kustomization(name, path, depends_on=None, prune=True):
    return {"name": name, "path": path, "dependsOn": depends_on, "timeoutInSeconds": 600,
            "syncIntervalInSeconds": 600, "retryIntervalInSeconds": None, "prune": prune, "force": False,
            "wait": True}  # fmt: skip


def _status(kind, name, namespace="cluster-config", compliance="Compliant", message="Applied revision: main/abc"):
    return {"kind": kind, "name": name, "namespace": namespace, "complianceState": compliance,
            "statusConditions": [{"type": "Ready", "status": "True" if compliance == "Compliant" else "False",
                                  "reason": "Succeeded", "message": message}]}  # fmt: skip


GIT_CONFIGURATION = {
    "id": "/subscriptions/s/resourceGroups/rg1/providers/Microsoft.Kubernetes/connectedClusters/cluster1/providers/"
    "Microsoft.KubernetesConfiguration/fluxConfigurations/cfg",
    "name": "cfg",
    "type": "Microsoft.KubernetesConfiguration/fluxConfigurations",
    "properties": {
        "scope": "cluster",
        "namespace": "cluster-config",
        "sourceKind": "GitRepository",
        "suspend": False,
        "gitRepository": {
            "url": HTTPS, "timeoutInSeconds": 600, "syncIntervalInSeconds": 600, "httpsUser": "git",
            "repositoryRef": {"branch": "main", "tag": None, "semver": None, "commit": None},
            "sshKnownHosts": None, "httpsCACert": None, "localAuthRef": None,
        },  # fmt: skip
        "kustomizations": {
            "infra": _kustomization("infra", "./infrastructure"),
            "apps": _kustomization("apps", "./apps/staging", ["infra"]),
        },
        "statuses": [
            _status("GitRepository", "cfg"),
            _status("Kustomization", "cfg-infra"),
            _status("Kustomization", "cfg-apps", compliance="Non-Compliant", message="dependency not ready"),
            _status("OCIRepository", "podinfo", namespace="apps"),
            _status("AzureBlob", "cfg", namespace="blob-ns"),
        ],
        "complianceState": "Non-Compliant",
        "provisioningState": "Succeeded",
        "errorMessage": "",
    },
}


def git_configuration(**changes):
    configuration = copy.deepcopy(GIT_CONFIGURATION)
    configuration["properties"].update(changes)
    return configuration
