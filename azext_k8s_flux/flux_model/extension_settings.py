"""The description of the configuration settings microsoft.flux understands: each key, the type that parses and
checks its value (and names the values it takes), and what it does. validators/flux_settings.py applies it.

The keys and their meaning come from the public microsoft.flux documentation (the GitOps with Flux v2
tutorial on learn.microsoft.com, "Flux cluster extension" configuration settings) and from the Flux
controllers' own flags (fluxcd.io, "Controller Options"). Unknown keys are not refused (the extension gains
settings over time), only warned about with the closest known key.
"""

import difflib
import re
from dataclasses import dataclass

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
KNOWN_BY_LOWER = {key.lower(): key for key in KNOWN_SETTINGS}


def closest_setting(key):
    """The known key the user most likely meant, or None."""
    if key.lower() in KNOWN_BY_LOWER:
        return KNOWN_BY_LOWER[key.lower()]
    matches = difflib.get_close_matches(key.lower(), list(KNOWN_BY_LOWER), n=1, cutoff=0.75)
    return KNOWN_BY_LOWER[matches[0]] if matches else None
