"""The configuration settings microsoft.flux understands, and the checks that keep bad values off the cluster.

The keys and their meaning come from the public microsoft.flux documentation (the GitOps with Flux v2
tutorial on learn.microsoft.com, "Flux cluster extension" configuration settings) and from the Flux
controllers' own flags (fluxcd.io, "Controller Options"). Unknown keys are not refused (the extension gains
settings over time), only warned about with the closest known key.
"""

import difflib
import re
from dataclasses import dataclass

from azure.cli.core.azclierror import InvalidArgumentValueError
from knack.log import get_logger

logger = get_logger(__name__)

CONTROLLERS = (
    "source-controller",
    "kustomize-controller",
    "helm-controller",
    "notification-controller",
    "image-automation-controller",
    "image-reflector-controller",
)
# Components whose log level the extension lets users set: the Flux controllers and the extension's own agents.
LOGGING_COMPONENTS = CONTROLLERS + ("fluxconfig-agent", "fluxconfig-controller")
LOG_LEVELS = ("debug", "info", "error")

_QUANTITY = re.compile(r"^[0-9]+(\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$")
_DURATION = re.compile(r"^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")


@dataclass(frozen=True)
class SettingType:
    name: str  # how the allowed values are described to the user
    check: object  # callable(str) -> canonical str, or None when the value is not allowed


def _bool(value):
    from azext_k8s_flux._validators import boolean_word

    parsed = boolean_word(value, strict=True)
    return None if parsed is None else str(parsed).lower()


def _int_range(low, high=None):
    def check(value):
        text = value.strip()
        if not re.fullmatch(r"[0-9]{1,18}", text):  # bounded: int() refuses 4,300 digits
            return None
        number = int(text)
        if number < low or (high is not None and number > high):
            return None
        return str(number)

    return check


def _enum(allowed):
    def check(value):
        lowered = value.strip().lower()
        return lowered if lowered in allowed else None

    return check


def _pattern(regex):
    def check(value):
        text = value.strip()
        return text if regex.fullmatch(text) else None

    return check


def _nonempty(value):
    return value if value.strip() else None


BOOL = SettingType("true or false", _bool)
LOG_LEVEL = SettingType(" | ".join(LOG_LEVELS), _enum(LOG_LEVELS))
QUANTITY = SettingType("a Kubernetes quantity such as 500m, 1, 256Mi or 1Gi", _pattern(_QUANTITY))
DURATION = SettingType("a duration such as 30s, 5m or 1h", _pattern(_DURATION))
GUID = SettingType("a GUID such as 00000000-0000-0000-0000-000000000000", _pattern(_GUID))
POSITIVE_INT = SettingType("a whole number of at least 1", _int_range(1))
PERCENT = SettingType("a whole number from 1 to 100 (percent)", _int_range(1, 100))
STRING = SettingType("a non-empty string", _nonempty)


def _known_settings():
    table = {
        "multiTenancy.enforce": (BOOL, "Multi-tenancy lockdown (on by default); false opts out."),
        "useKubeletIdentity": (BOOL, "AKS only: authenticate with the kubelet identity."),
        "workloadIdentity.enable": (BOOL, "Use workload identity for the Flux controllers."),
        "workloadIdentity.azureClientId": (GUID, "Client id of the identity used by workload identity."),
        "workloadIdentity.azureTenantId": (GUID, "Tenant id of the identity used by workload identity."),
        "helm-controller.detectDrift": (BOOL, "Detect and correct drift of Helm releases."),
        "helm-controller.outOfMemoryWatch.enabled": (BOOL, "Stop Helm work when near the memory limit."),
        "helm-controller.outOfMemoryWatch.memoryThreshold": (PERCENT, "Memory use (percent) that counts as near OOM."),
        "helm-controller.outOfMemoryWatch.interval": (DURATION, "How often memory use is checked."),
        "kustomize-controller.concurrent": (POSITIVE_INT, "Number of kustomizations reconciled at once."),
        "kustomize-controller.requeue-dependency": (DURATION, "Wait before re-checking a failed dependency."),
        "setKubeServiceHostFqdn": (BOOL, "Point the controllers at the API server's FQDN (private clusters)."),
        "toleration-keys": (STRING, "Tolerations for the Flux pods, e.g. CriticalAddonsOnly=true:NoSchedule."),
    }
    for controller in CONTROLLERS:
        table[f"{controller}.enabled"] = (BOOL, f"Install {controller}.")
        table[f"{controller}.ssh-host-key-args"] = (STRING, f"SSH host key algorithms arguments of {controller}.")
        for kind in ("limits", "requests"):
            for resource in ("cpu", "memory"):
                table[f"{controller}.resources.{kind}.{resource}"] = (QUANTITY, f"{resource} {kind} of {controller}.")
    for component in LOGGING_COMPONENTS:
        table[f"{component}.log-level"] = (LOG_LEVEL, f"Log level of {component}.")
    return table


KNOWN_SETTINGS = _known_settings()
_BY_LOWER = {key.lower(): key for key in KNOWN_SETTINGS}


def closest_setting(key):
    """The known key the user most likely meant, or None."""
    if key.lower() in _BY_LOWER:
        return _BY_LOWER[key.lower()]
    matches = difflib.get_close_matches(key.lower(), list(_BY_LOWER), n=1, cutoff=0.75)
    return _BY_LOWER[matches[0]] if matches else None


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
    if known is None and key.lower() in _BY_LOWER:
        # Helm values are case-sensitive: this key would be sent and silently do nothing.
        raise InvalidArgumentValueError(
            f"Unknown microsoft.flux setting '{key}' in {option}: setting names are case-sensitive, "
            f"use {_BY_LOWER[key.lower()]}."
        )
    if known is None:
        _warn_unknown(key, option)
        if not protected:
            warn_if_secret_looking(key, option)
        return value
    setting_type, _ = known
    canonical = setting_type.check(value)
    if canonical is None:
        shown = "the given value" if protected else f"'{value}'"
        raise InvalidArgumentValueError(
            f"Invalid value {shown} for microsoft.flux setting '{key}' in {option}: use {setting_type.name}."
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


def warn_about_combinations(settings, cluster_type, creating):
    """Settings that are valid alone but do not fit the cluster or each other (warnings, not errors)."""
    settings = settings or {}
    if settings.get("useKubeletIdentity") == "true" and cluster_type != "managedClusters":
        logger.warning(
            "useKubeletIdentity=true applies to AKS clusters (managedClusters) only; on %s it has no effect.",
            cluster_type,
        )
    workload_identity = settings.get("workloadIdentity.enable") == "true"
    if creating and workload_identity and "workloadIdentity.azureClientId" not in settings:
        logger.warning(
            "workloadIdentity.enable=true needs workloadIdentity.azureClientId=<client id of the managed identity> "
            "(and workloadIdentity.azureTenantId); without it the controllers have no identity to use."
        )
