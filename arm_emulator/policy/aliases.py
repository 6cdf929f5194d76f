"""The policy aliases the emulator knows: alias name -> resource type and path in the resource's ARM JSON.

Source: the alias lists Azure publishes for Microsoft.KubernetesConfiguration fluxConfigurations and
extensions (`az provider show --namespace Microsoft.KubernetesConfiguration --expand resourceTypes/aliases`,
as captured by the public azure-policy-aliases listing, August 2025), every one at its default path
`properties.<name>`. Older lists lacked bucket, azureBlob and ociRepository; Azure's built-in Flux
definitions (Azure/azure-policy, built-in-policies/policyDefinitions/Kubernetes/) already used the bucket
ones. The core fields (name, type, location, ...) are the ones every resource type has; the built-in
definitions' `if` tests only `type` on managedClusters and connectedClusters.

A `[*]` alias yields every element of the array. `gitRepository.httpsCAFile` is published with the path
`properties.gitRepository.httpsCAFile`, a property the API never returns (its field is `httpsCACert`).
"""

from __future__ import annotations

from dataclasses import dataclass

FLUX = "Microsoft.KubernetesConfiguration/fluxConfigurations"
EXTENSIONS = "Microsoft.KubernetesConfiguration/extensions"


@dataclass(frozen=True)
class Alias:
    name: str
    type: str  # resource type; "" for a core field every type has
    path: str  # dotted path in the ARM JSON; "[*]" after a segment walks every element

    @property
    def is_array(self) -> bool:
        return "[*]" in self.path


# Core fields: (field name, path).
CORE = {
    "name": "name", "type": "type", "location": "location", "kind": "kind", "tags": "tags", "id": "id",
    "fullName": "fullName", "identity.type": "identity.type",
}

_FLUX_PROPERTIES = (
    "scope", "namespace", "sourceKind", "suspend", "gitRepository", "gitRepository.url",
    "gitRepository.timeoutInSeconds", "gitRepository.syncIntervalInSeconds", "gitRepository.repositoryRef",
    "gitRepository.repositoryRef.branch", "gitRepository.repositoryRef.tag", "gitRepository.repositoryRef.semver",
    "gitRepository.repositoryRef.commit", "gitRepository.sshKnownHosts", "gitRepository.httpsUser",
    "gitRepository.httpsCAFile", "gitRepository.localAuthRef", "kustomizations", "configurationProtectedSettings",
    "statuses", "statuses[*]", "statuses[*].name", "statuses[*].namespace", "statuses[*].kind",
    "statuses[*].complianceState", "statuses[*].appliedBy", "statuses[*].appliedBy.name",
    "statuses[*].appliedBy.namespace", "statuses[*].statusConditions", "statuses[*].statusConditions[*]",
    "statuses[*].statusConditions[*].lastTransitionTime", "statuses[*].statusConditions[*].message",
    "statuses[*].statusConditions[*].reason", "statuses[*].statusConditions[*].status",
    "statuses[*].statusConditions[*].type", "statuses[*].helmReleaseProperties",
    "statuses[*].helmReleaseProperties.lastRevisionApplied", "statuses[*].helmReleaseProperties.helmChartRef",
    "statuses[*].helmReleaseProperties.helmChartRef.name",
    "statuses[*].helmReleaseProperties.helmChartRef.namespace", "statuses[*].helmReleaseProperties.failureCount",
    "statuses[*].helmReleaseProperties.installFailureCount",
    "statuses[*].helmReleaseProperties.upgradeFailureCount", "repositoryPublicKey", "lastSourceSyncedCommitId",
    "lastSourceSyncedAt", "complianceState", "provisioningState", "errorMessage", "gitRepository.httpsCACert",
    "bucket", "bucket.url", "bucket.bucketName", "bucket.insecure", "bucket.timeoutInSeconds",
    "bucket.syncIntervalInSeconds", "bucket.accessKey", "bucket.localAuthRef", "lastSourceUpdatedCommitId",
    "lastSourceUpdatedAt", "sourceSyncedCommitId", "sourceUpdatedAt", "statusUpdatedAt", "azureBlob",
    "azureBlob.url", "azureBlob.containerName", "azureBlob.timeoutInSeconds", "azureBlob.syncIntervalInSeconds",
    "azureBlob.servicePrincipal", "azureBlob.servicePrincipal.clientId", "azureBlob.servicePrincipal.tenantId",
    "azureBlob.servicePrincipal.clientSecret", "azureBlob.servicePrincipal.clientCertificate",
    "azureBlob.servicePrincipal.clientCertificatePassword", "azureBlob.servicePrincipal.clientCertificateSendChain",
    "azureBlob.accountKey", "azureBlob.sasToken", "azureBlob.managedIdentity", "azureBlob.managedIdentity.clientId",
    "azureBlob.localAuthRef", "waitForReconciliation", "reconciliationWaitDuration", "ociRepository",
    "ociRepository.url", "ociRepository.timeoutInSeconds", "ociRepository.syncIntervalInSeconds",
    "ociRepository.repositoryRef", "ociRepository.repositoryRef.tag", "ociRepository.repositoryRef.semver",
    "ociRepository.repositoryRef.digest", "ociRepository.layerSelector", "ociRepository.layerSelector.mediaType",
    "ociRepository.layerSelector.operation", "ociRepository.verify", "ociRepository.verify.provider",
    "ociRepository.verify.verificationConfig", "ociRepository.verify.matchOidcIdentity",
    "ociRepository.verify.matchOidcIdentity[*]", "ociRepository.verify.matchOidcIdentity[*].issuer",
    "ociRepository.verify.matchOidcIdentity[*].subject", "ociRepository.insecure",
    "ociRepository.useWorkloadIdentity", "ociRepository.serviceAccountName", "ociRepository.tlsConfig",
    "ociRepository.tlsConfig.clientCertificate", "ociRepository.tlsConfig.privateKey",
    "ociRepository.tlsConfig.caCertificate", "ociRepository.localAuthRef", "gitRepository.provider",
)

_EXTENSION_PROPERTIES = (
    "extensionType", "autoUpgradeMinorVersion", "releaseTrain", "version", "scope", "scope.cluster",
    "scope.cluster.releaseNamespace", "scope.namespace", "scope.namespace.targetNamespace", "configurationSettings",
    "configurationProtectedSettings", "installState", "statuses", "statuses[*]", "statuses[*].code",
    "statuses[*].displayStatus", "statuses[*].level", "statuses[*].message", "statuses[*].time", "creationTime",
    "lastModifiedTime", "lastStatusTime", "errorInfo", "errorInfo.code", "errorInfo.message", "identity",
    "identity.principalId", "identity.tenantId", "identity.type", "provisioningState", "errorInfo.target",
    "errorInfo.details", "errorInfo.details[*]", "errorInfo.details[*].code", "errorInfo.details[*].message",
    "errorInfo.details[*].target", "errorInfo.details[*].details", "errorInfo.details[*].details[*]",
    "errorInfo.details[*].additionalInfo", "errorInfo.details[*].additionalInfo[*]",
    "errorInfo.details[*].additionalInfo[*].type", "errorInfo.additionalInfo", "errorInfo.additionalInfo[*]",
    "errorInfo.additionalInfo[*].type", "customLocationSettings", "packageUri", "aksAssignedIdentity",
    "aksAssignedIdentity.principalId", "aksAssignedIdentity.tenantId", "aksAssignedIdentity.type",
    "installedVersion", "currentVersion", "isSystemExtension",
)


def _table() -> dict[str, Alias]:
    table: dict[str, Alias] = {}
    for type_name, suffixes in ((FLUX, _FLUX_PROPERTIES), (EXTENSIONS, _EXTENSION_PROPERTIES)):
        for suffix in suffixes:
            name = f"{type_name}/{suffix}"
            table[name.lower()] = Alias(name, type_name, f"properties.{suffix}")
    for name, path in CORE.items():
        table[name.lower()] = Alias(name, "", path)
    return table


ALIASES: dict[str, Alias] = _table()
# Resource types the table has aliases for (for error messages naming what is supported).
TYPES = (FLUX, EXTENSIONS)


def lookup(name: str) -> Alias | None:
    """The alias (or core field) ``name`` names, case-insensitively; tags['x'] / tags.x / tags[x] included."""
    found = ALIASES.get(name.lower())
    if found is not None:
        return found
    tag = tag_name(name)
    return Alias(name, "", "") if tag is not None else None


def tag_name(name: str) -> str | None:
    """The tag a ``tags['x']``, ``tags[x]`` or ``tags.x`` field names; None for any other field."""
    lowered = name.lower()
    if lowered.startswith("tags[") and name.endswith("]"):
        inner = name[5:-1]
        if len(inner) >= 2 and inner[0] == inner[-1] == "'":
            inner = inner[1:-1].replace("''", "'")
        return inner
    if lowered.startswith("tags.") and len(name) > 5:
        return name[5:]
    return None


def aliases_of(type_name: str) -> list[str]:
    return [a.name for a in ALIASES.values() if a.type.lower() == type_name.lower()]
