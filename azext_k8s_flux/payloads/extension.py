"""Extension payloads: validated arguments -> SDK models (PUT and merge-PATCH). Pure: no I/O."""

from azext_k8s_flux import _sdk
from azext_k8s_flux.validators.extension_rules import FLUX_EXTENSION_TYPE, FLUX_RELEASE_NAMESPACE

FLUX_EXTENSION_NAME = "flux"


def _scope(models, scope, release_namespace, target_namespace):
    if scope == "cluster":
        return models.Scope(cluster=models.ScopeCluster(release_namespace=release_namespace))
    if scope == "namespace":
        return models.Scope(namespace=models.ScopeNamespace(target_namespace=target_namespace))
    return None


def _identity(models, cluster):
    # Non-AKS clusters get a system-assigned identity for the extension, as the upstream CLI creates them;
    # AKS extensions use the identity the cluster assigns.
    if cluster.cluster_type == "managedClusters":
        return None
    return models.Identity(type="SystemAssigned")


def build_extension(
    cluster,
    extension_type,
    scope=None,
    release_namespace=None,
    target_namespace=None,
    release_train=None,
    version=None,
    auto_upgrade_minor_version=None,
    auto_upgrade_mode=None,
    plan=None,
    configuration_settings=None,
    configuration_protected_settings=None,
):
    """The Extension PUT body. Unset arguments are left out, so the service's defaults apply. `plan` is
    the Marketplace plan as {name, product, publisher}."""
    models = _sdk.extension_models()
    properties = models.ExtensionProperties(extension_type=extension_type)
    optional = {
        "auto_upgrade_minor_version": auto_upgrade_minor_version,
        "auto_upgrade_mode": auto_upgrade_mode,
        "release_train": release_train,
        "version": version,
        "scope": _scope(models, scope, release_namespace, target_namespace),
        "configuration_settings": configuration_settings,
        "configuration_protected_settings": configuration_protected_settings,
    }
    for attribute, value in optional.items():
        if value is not None:
            setattr(properties, attribute, value)
    extension = models.Extension(properties=properties)
    if plan is not None:
        extension.plan = models.Plan(**plan)
    identity = _identity(models, cluster)
    if identity is not None:
        extension.identity = identity
    return extension


def build_flux_extension_install(cluster):
    """The microsoft.flux install that `az k8s-configuration flux create` makes on first use."""
    return build_extension(
        cluster,
        FLUX_EXTENSION_TYPE,
        scope="cluster",
        release_namespace=FLUX_RELEASE_NAMESPACE,
        auto_upgrade_minor_version=True,
    )


def build_extension_patch(
    auto_upgrade_minor_version=None,
    auto_upgrade_mode=None,
    release_train=None,
    version=None,
    clear_version=False,
    configuration_settings=None,
    configuration_protected_settings=None,
):
    """The PatchExtension body holding only what changes. In the settings maps a None value is sent as
    JSON null, which the service's merge-patch reads as "remove this setting"; clear_version sends
    `version: null` (unpin) when auto-upgrade is switched back on."""
    models = _sdk.extension_models()
    properties = models.PatchExtensionProperties()
    optional = {
        "auto_upgrade_minor_version": auto_upgrade_minor_version,
        "auto_upgrade_mode": auto_upgrade_mode,
        "release_train": release_train,
        "version": _sdk.explicit_null() if clear_version else version,
        "configuration_settings": configuration_settings or None,
        "configuration_protected_settings": configuration_protected_settings or None,
    }
    for attribute, value in optional.items():
        if value is not None:
            setattr(properties, attribute, value)
    return models.PatchExtension(properties=properties)
