"""The Azure Policy aliases of the two resource types the generated definitions compare, one table each.

Taken from the provider's published alias list (`az provider show -n Microsoft.KubernetesConfiguration --expand
resourceTypes/aliases`, as dumped by the public azure-policy-aliases collections). Each entry is the property path
under `properties`; the alias is `<type>/<path>`. A field missing here cannot be compared by a policy: the
generator says so instead of inventing an alias (Azure refuses a definition that names an unknown alias).
"""

from azext_k8s_flux.document.arm_template import CONFIGURATIONS as FLUX_TYPE
from azext_k8s_flux.document.arm_template import EXTENSIONS as EXTENSION_TYPE

_FLUX_PATHS = frozenset((
    "scope", "namespace", "sourceKind", "suspend", "provisioningState", "kustomizations",
    "waitForReconciliation", "reconciliationWaitDuration",
    "gitRepository.url", "gitRepository.timeoutInSeconds", "gitRepository.syncIntervalInSeconds",
    "gitRepository.repositoryRef.branch", "gitRepository.repositoryRef.tag", "gitRepository.repositoryRef.semver",
    "gitRepository.repositoryRef.commit", "gitRepository.sshKnownHosts", "gitRepository.httpsUser",
    "gitRepository.httpsCACert", "gitRepository.localAuthRef", "gitRepository.provider",
    "bucket.url", "bucket.bucketName", "bucket.insecure", "bucket.timeoutInSeconds", "bucket.syncIntervalInSeconds",
    "bucket.accessKey", "bucket.localAuthRef",
    "azureBlob.url", "azureBlob.containerName", "azureBlob.timeoutInSeconds", "azureBlob.syncIntervalInSeconds",
    "azureBlob.servicePrincipal.clientId", "azureBlob.servicePrincipal.tenantId",
    "azureBlob.servicePrincipal.clientCertificateSendChain", "azureBlob.managedIdentity.clientId",
    "azureBlob.localAuthRef",
    "ociRepository.url", "ociRepository.timeoutInSeconds", "ociRepository.syncIntervalInSeconds",
    "ociRepository.repositoryRef.tag", "ociRepository.repositoryRef.semver", "ociRepository.repositoryRef.digest",
    "ociRepository.layerSelector.mediaType", "ociRepository.layerSelector.operation",
    "ociRepository.verify.provider", "ociRepository.insecure", "ociRepository.useWorkloadIdentity",
    "ociRepository.serviceAccountName", "ociRepository.localAuthRef",
))  # fmt: skip

_EXTENSION_PATHS = frozenset((
    "extensionType", "autoUpgradeMinorVersion", "releaseTrain", "version", "scope.cluster.releaseNamespace",
    "configurationSettings", "provisioningState",
))  # fmt: skip


def flux_alias(path):
    """The alias of a fluxConfigurations property path (under `properties`), or None when none is published."""
    return f"{FLUX_TYPE}/{path}" if path in _FLUX_PATHS else None


def extension_alias(path):
    return f"{EXTENSION_TYPE}/{path}" if path in _EXTENSION_PATHS else None
