"""The checks that keep bad microsoft.flux settings off the cluster, driven by the description of the settings
(flux_model/extension_settings.py). Unknown keys are not refused (the extension gains settings over time), only
warned about with the closest known key.
"""

from azure.cli.core.azclierror import InvalidArgumentValueError
from knack.log import get_logger

from azext_k8s_flux.flux_model.extension_settings import KNOWN_BY_LOWER, KNOWN_SETTINGS, closest_setting

logger = get_logger(__name__)


def check_flux_settings(settings, option, protected=False):
    """Return the settings with canonical values; raise for a known key with a value it does not accept.

    For protected settings the value is never repeated in messages.
    """
    if settings is None:
        return None
    checked = {}
    for key, value in settings.items():
        checked[key] = value if value is None else _check_one(key, value, option, protected)
    return checked


def _check_one(key, value, option, protected):
    known = KNOWN_SETTINGS.get(key)
    if known is None and key.lower() in KNOWN_BY_LOWER:
        # Helm values are case-sensitive: this key would be sent and silently do nothing.
        raise InvalidArgumentValueError(
            f"Unknown microsoft.flux setting '{key}' in {option}: setting names are case-sensitive, "
            f"use {KNOWN_BY_LOWER[key.lower()]}."
        )
    if known is None:
        _warn_unknown(key, option)
        if not protected:
            warn_if_secret_looking(key, option)
        return value
    canonical = known.parse(value)
    if canonical is None:
        shown = "the given value" if protected else f"'{value}'"
        raise InvalidArgumentValueError(
            f"Invalid value {shown} for microsoft.flux setting '{key}' in {option}: use {known.type.name}."
        )
    return canonical


def _warn_unknown(key, option):
    suggestion = closest_setting(key)
    hint = f" Did you mean '{suggestion}'?" if suggestion else " It is passed to the extension unchecked."
    logger.warning("'%s' in %s is not a microsoft.flux setting this command knows.%s", key, option, hint)


def warn_if_secret_looking(key, option):
    from azext_k8s_flux.validators.secret_names import looks_like_a_secret

    if looks_like_a_secret(key):
        logger.warning(
            "'%s' in %s looks like a secret: plain settings are stored and returned in clear text. "
            "Pass it with --config-protected-settings or --config-protected-file instead.",
            key,
            option,
        )


_CLUSTER_KINDS = {"managedClusters": "AKS clusters", "connectedClusters": "Azure Arc-enabled clusters",
                  "provisionedClusters": "AKS hybrid clusters"}  # fmt: skip


def warn_about_combinations(settings, cluster_type, creating):
    """Settings that are valid alone but do not fit the cluster (the description's `cluster_types`) or each other
    (the rules below): warnings, not errors."""
    settings = settings or {}
    for key, value in settings.items():
        known = KNOWN_SETTINGS.get(key)
        outside = known and known.cluster_types and cluster_type not in known.cluster_types
        if outside and value not in (None, known.default):
            kinds = " or ".join(f"{_CLUSTER_KINDS.get(t, t)} ({t})" for t in known.cluster_types)
            logger.warning("%s=%s applies to %s only; on %s it has no effect.", key, value, kinds, cluster_type)
    # Cross-setting rule: workload identity signs in as a managed identity, which the settings must name.
    workload_identity = settings.get("workloadIdentity.enable") == "true"
    if creating and workload_identity and "workloadIdentity.azureClientId" not in settings:
        logger.warning(
            "workloadIdentity.enable=true needs workloadIdentity.azureClientId=<client id of the managed identity> "
            "(and workloadIdentity.azureTenantId); without it the controllers have no identity to use."
        )
