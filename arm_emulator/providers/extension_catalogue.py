"""The extensionTypes catalogue: which extension types and versions exist, for which kinds of cluster.

The one place for published versions: the extensions backend resolves microsoft.flux from it, and
``httpapi/extension_types.py`` serves it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.addressing import CONFIG_NS

API_VERSIONS = ("2026-05-01", "2026-04-01", "2024-11-01-preview", "2023-05-01-preview")
SUBSCRIPTION_API_VERSIONS = ("2026-05-01",)
TYPE = f"{CONFIG_NS}/extensionTypes"
VERSION_TYPE = f"{TYPE}/versions"
DEFAULT_TRAIN = "stable"
ARC, AKS, HYBRID, APPLIANCE, FLEET = (
    "connectedClusters", "managedClusters", "provisionedClusters", "appliances", "fleets")
REGIONS = (
    "eastus", "eastus2", "westus", "westus2", "westus3", "centralus", "northcentralus", "southcentralus",
    "westcentralus", "canadacentral", "canadaeast", "brazilsouth", "northeurope", "westeurope", "uksouth", "ukwest",
    "francecentral", "germanywestcentral", "swedencentral", "switzerlandnorth", "norwayeast", "italynorth",
    "polandcentral", "australiaeast", "southeastasia", "eastasia", "japaneast", "koreacentral", "centralindia",
    "southafricanorth", "uaenorth", "eastus2euap", "centraluseuap",
)


@dataclass(frozen=True)
class Entry:
    name: str
    publisher: str
    description: str
    cluster_types: tuple[str, ...]
    scope: str  # default scope: "cluster" or "namespace"
    namespace: str | None  # default release namespace of cluster-scoped installs
    versions: tuple[tuple[str, tuple[str, ...]], ...]  # (version, release trains), oldest first
    multiple: bool = False
    identity: bool = False


_BOTH = ("stable", "preview")
# microsoft.flux: every version the release notes ("Flux (GitOps) extension release notes") and this product's
# recorded clusters name, on both trains; 1.23.0 removed the retired beta APIs, 1.24.1 is the newest.
_FLUX = tuple((v, _BOTH) for v in (
    "1.6.3", "1.7.0", "1.7.7", "1.13.2", "1.14.2", "1.15.1", "1.16.3", "1.17.2", "1.19.5", "1.20.4", "1.21.0",
    "1.21.1", "1.22.1", "1.22.2", "1.23.0", "1.24.1"))
CATALOGUE = (
    Entry("microsoft.flux", "Microsoft", "Flux v2 GitOps controllers and the fluxconfig agent",
          (ARC, AKS, HYBRID, FLEET), "cluster", "flux-system", _FLUX),
    Entry("microsoft.openservicemesh", "Microsoft", "Open Service Mesh for Azure Arc-enabled Kubernetes",
          (ARC,), "cluster", "arc-osm-system",
          (("1.0.0", ("stable",)), ("1.1.1", ("stable",)), ("1.2.0", ("stable",)), ("1.3.0", ("preview",)))),
    Entry("microsoft.azureml.kubernetes", "Microsoft", "Azure Machine Learning training and inference",
          (ARC, AKS), "cluster", "azureml", (("1.1.53", _BOTH), ("1.1.56", _BOTH), ("1.1.58", _BOTH)),
          identity=True),
    Entry("microsoft.dapr", "Microsoft", "Dapr runtime for distributed applications", (ARC, AKS), "cluster",
          "dapr-system", (("1.13.6", ("stable",)), ("1.14.4", ("stable",)), ("1.15.4", ("stable",)),
                          ("1.16.0", ("dev",)))),
    Entry("microsoft.azuremonitor.containers", "Microsoft", "Container insights for Azure Monitor",
          (ARC, HYBRID, APPLIANCE), "cluster", "azuremonitor-containers",
          (("3.1.24", _BOTH), ("3.1.26", _BOTH)), identity=True),
    Entry("microsoft.contoso.samples", "Microsoft Contoso Samples", "Sample extension type for tests",
          (ARC, AKS, HYBRID, APPLIANCE), "namespace", None,
          tuple((v, ("stable",)) for v in ("1.1.0", "1.2.0", "1.3.0", "1.4.0", "1.5.0")), multiple=True,
          identity=True),
)
_BY_NAME = {entry.name: entry for entry in CATALOGUE}


def published_versions(name: str, train: str = DEFAULT_TRAIN) -> tuple[str, ...]:
    """Versions of a type on a release train, oldest first (empty for an unknown type or train)."""
    entry = _BY_NAME.get(name.lower())
    return tuple(v for v, trains in entry.versions if train.lower() in trains) if entry else ()




def supports(entry: Entry, cluster_type: str) -> bool:
    # The spec's own examples spell it both ways ("connectedCluster" and "connectedClusters").
    wanted = cluster_type.lower().rstrip("s")
    return any(kind.lower().rstrip("s") == wanted for kind in entry.cluster_types)
