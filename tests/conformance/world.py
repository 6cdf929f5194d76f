"""The state an example starts from, arranged through ARM directly (never through the commands under test).

An example names what it needs in `given`:
- "flux": the microsoft.flux extension `flux`;
- "git" / "git:<name>": microsoft.flux and a Git Flux configuration (default name cluster-config) with the two
  kustomizations of the Flux v2 tutorial, infra and apps (apps depends on infra, both prune);
- "ado:<name>": the same with a repository in Azure Repos (https://dev.azure.com/...);
- "bucket": microsoft.flux and a Flux configuration cluster-config reading an S3-compatible bucket over https;
- "azblob": microsoft.flux and a Flux configuration cluster-config reading an Azure Blob container;
- "v1": a Flux v1 sourceControlConfiguration cluster-config;
- "ext:<name>:<type>[:<version>]": any other extension (a pinned version switches auto-upgrade off).
"""

import base64

DEMO_REPO = "https://github.com/Azure/gitops-flux2-kustomize-helm-mt"
FLUX_CONFIG = "cluster-config"
AZURE_REPOS_URL = "https://dev.azure.com/contoso/fleet/_git/gitops"

TUTORIAL_KUSTOMIZATIONS = {
    "infra": {"path": "./infrastructure", "prune": True},
    "apps": {"path": "./apps/staging", "prune": True, "dependsOn": ["infra"]},
}

V1_CONFIG = {"properties": {
    "repositoryUrl": "git@github.com:contoso/gitops", "operatorNamespace": "cluster-config",
    "operatorInstanceName": "cluster-config", "operatorType": "Flux", "operatorScope": "cluster",
    "operatorParams": "--git-readonly --git-branch=main --git-path=releases"}}  # fmt: skip


def _flux_config(source_kind, source_key, source, protected=None):
    properties = {"scope": "cluster", "namespace": "cluster-config", "sourceKind": source_kind, source_key: source,
                  "kustomizations": TUTORIAL_KUSTOMIZATIONS}  # fmt: skip
    if protected:
        properties["configurationProtectedSettings"] = {
            key: base64.b64encode(value.encode()).decode() for key, value in protected.items()}  # fmt: skip
    return {"properties": properties}


def _put(cluster, resource_type, name, body):
    status, response = cluster.put(resource_type, name, body)
    assert status in (200, 201), (resource_type, name, response)
    status, response = cluster.get(resource_type, name)  # the emulator finishes the operation on this read
    assert status == 200, response


def _extension(cluster, name, extension_type, version=None):
    properties = {"extensionType": extension_type, "autoUpgradeMinorVersion": version is None}
    if version:
        properties["version"] = version
    _put(cluster, "extensions", name, {"properties": properties})


def arrange(cluster, given, secrets):
    """Put every item of `given` in place on `cluster`; `secrets` supplies the dummy credentials."""
    for item in given:
        kind, _, rest = item.partition(":")
        if kind in ("flux", "git", "ado", "bucket", "azblob") and cluster.get("extensions", "flux")[0] == 404:
            _extension(cluster, "flux", "microsoft.flux")
        if kind in ("git", "ado"):
            url = DEMO_REPO if kind == "git" else AZURE_REPOS_URL
            _put(
                cluster,
                "fluxConfigurations",
                rest or FLUX_CONFIG,
                _flux_config("GitRepository", "gitRepository", {"url": url, "repositoryRef": {"branch": "main"}}),
            )
        elif kind == "bucket":
            _put(cluster, "fluxConfigurations", FLUX_CONFIG, _flux_config(
                "Bucket", "bucket", {"url": "https://minio.contoso.com", "bucketName": "fleet-manifests",
                                     "accessKey": "fleet-reader"},
                protected={"bucketSecretKey": secrets["arranged_bucket_secret"]}))  # fmt: skip
        elif kind == "azblob":
            _put(
                cluster,
                "fluxConfigurations",
                FLUX_CONFIG,
                _flux_config(
                    "AzureBlob",
                    "azureBlob",
                    {
                        "url": "https://demostorage.blob.core.windows.net",
                        "containerName": "fleet",
                        "managedIdentity": {"clientId": "11111111-2222-3333-4444-555555555555"},
                    },
                ),
            )
        elif kind == "v1":
            status, response = cluster.put("sourceControlConfigurations", FLUX_CONFIG, V1_CONFIG)
            assert status in (200, 201), response
        elif kind == "ext":
            name, extension_type, *version = rest.split(":")
            _extension(cluster, name, extension_type, *version)
        elif kind != "flux":
            raise ValueError(f"unknown arrangement {item!r}")
