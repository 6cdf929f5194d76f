"""Extension arguments as a whole: which rules apply to which extension type, in one place."""

from azure.cli.core.azclierror import MutuallyExclusiveArgumentError, RequiredArgumentMissingError

from azext_k8s_flux.validators import extension_rules as rules
from azext_k8s_flux.validators.flux_settings import (
    check_flux_settings,
    warn_about_combinations,
    warn_if_secret_looking,
)

SETTINGS_OPTION = "--configuration-settings"
PROTECTED_OPTION = "--config-protected-settings"


def check_settings(settings, protected, flux, cluster_type=None, creating=False):
    """Canonical settings for microsoft.flux (typed schema); other types pass through with a secret warning."""
    if flux:
        settings = check_flux_settings(settings, SETTINGS_OPTION)
        warn_about_combinations(settings, cluster_type, creating)
        return settings, check_flux_settings(protected, PROTECTED_OPTION, protected=True)
    for key in settings or {}:
        warn_if_secret_looking(key, SETTINGS_OPTION)
    return settings, protected


def create_arguments(
    cluster_type,
    extension_type,
    scope,
    release_namespace,
    target_namespace,
    release_train,
    version,
    auto_upgrade_minor_version,
    settings,
    protected,
    auto_upgrade_mode=None,
    plan=(None, None, None),
):
    """Validated keyword arguments of payloads.extension.build_extension for `k8s-extension create`;
    `plan` is (--plan-name, --plan-product, --plan-publisher)."""
    rules.check_extension_type(extension_type)
    flux = rules.is_flux(extension_type)
    auto_upgrade = rules.resolve_auto_upgrade(version, auto_upgrade_minor_version, auto_upgrade_mode)
    if flux:
        rules.check_flux_scope(scope, release_namespace, target_namespace)
        scope, release_namespace = "cluster", rules.FLUX_RELEASE_NAMESPACE
        extension_type = rules.FLUX_EXTENSION_TYPE
        release_train = rules.canonical_release_train(release_train)
        version = rules.check_flux_version(version)
        if auto_upgrade_mode is None:
            auto_upgrade = True if auto_upgrade is None else auto_upgrade
    else:
        scope = rules.resolve_generic_scope(scope, release_namespace, target_namespace)
    settings, protected = check_settings(settings, protected, flux, cluster_type, creating=True)
    return {
        "extension_type": extension_type,
        "scope": scope,
        "release_namespace": release_namespace,
        "target_namespace": target_namespace,
        "release_train": release_train,
        "version": version,
        "auto_upgrade_minor_version": auto_upgrade,
        "auto_upgrade_mode": auto_upgrade_mode,
        "plan": rules.resolve_plan(*plan),
        "configuration_settings": settings,
        "configuration_protected_settings": protected,
    }


def check_update_inputs(settings, protected, remove_settings, remove_protected_settings, *options):
    """Something must be asked for, and a key cannot be set and removed by the same command."""
    asked = [settings, protected, remove_settings, remove_protected_settings, *options]
    if all(value is None for value in asked):
        raise RequiredArgumentMissingError(
            "Nothing to update: give --configuration-settings, --config-protected-settings (or their file forms), "
            "--remove-settings, --remove-protected-settings, --release-train, --version, --auto-upgrade-mode or "
            "--auto-upgrade-minor-version."
        )
    for given, removed, option, remove_option in (
        (settings, remove_settings, SETTINGS_OPTION, "--remove-settings"),
        (protected, remove_protected_settings, PROTECTED_OPTION, "--remove-protected-settings"),
    ):
        both = sorted(set(given or {}) & set(removed or []))
        if both:
            raise MutuallyExclusiveArgumentError(
                f"{', '.join(both)}: a setting cannot be given in {option} and removed with {remove_option} "
                "by the same command; keep one of the two."
            )
