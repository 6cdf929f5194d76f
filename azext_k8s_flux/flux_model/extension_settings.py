"""The description of the configuration settings microsoft.flux understands, one `FluxSetting` per key: the type
that parses and checks its value (and names the values it takes), what the extension does without it, the first
microsoft.flux version that reads it, the cluster types it applies to, and what it does. validators/flux_settings.py
applies it; the k8s-extension help quotes it (settings_summary).

Keys, defaults and versions follow the public microsoft.flux documentation on learn.microsoft.com (the GitOps with
Flux v2 concepts and tutorial, the Flux extension release notes, the troubleshooting page's resource table) and the
Flux controllers' own flags (fluxcd.io, "Controller Options"). `since` None: no documented introduction, read by
every version in the supported window; `default` None: the extension's chart decides, nothing documented.
Unknown keys are not refused (the extension gains settings over time), only warned about with the closest known key.
"""

import re
from dataclasses import dataclass
from typing import Optional

FLUX_CONTROLLERS = ("source-controller", "kustomize-controller", "helm-controller", "notification-controller")
IMAGE_CONTROLLERS = ("image-automation-controller", "image-reflector-controller")  # installed only when enabled
CONTROLLERS = FLUX_CONTROLLERS + IMAGE_CONTROLLERS
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
    short: str  # the same in a word or two, for help that lists every setting
    allowed: tuple = ()  # the values it takes, when it is a closed set


@dataclass(frozen=True)
class FluxSetting:
    key: str
    type: SettingType
    help: str
    default: Optional[str] = None  # what microsoft.flux does without the key, in canonical form
    since: Optional[str] = None  # first microsoft.flux version that reads the key
    cluster_types: tuple = ()  # the cluster types it has an effect on; () = every type

    def parse(self, value):
        """The canonical form of a value (what is sent), or None when the key does not take it."""
        return self.type.check(value)

    @property
    def allowed(self):
        return self.type.allowed


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


BOOL = SettingType("true or false", _bool, "true|false", ("true", "false"))
LOG_LEVEL = SettingType(" | ".join(LOG_LEVELS), _enum(LOG_LEVELS), "|".join(LOG_LEVELS), LOG_LEVELS)
QUANTITY = SettingType("a Kubernetes quantity such as 500m, 1, 256Mi or 1Gi", _pattern(_QUANTITY), "quantity")
DURATION = SettingType("a duration such as 30s, 5m or 1h", _pattern(_DURATION), "duration")
GUID = SettingType("a GUID such as 00000000-0000-0000-0000-000000000000", _pattern(_GUID), "GUID")
POSITIVE_INT = SettingType("a whole number of at least 1", _int_range(1), "1 or more")
PERCENT = SettingType("a whole number from 1 to 100 (percent)", _int_range(1, 100), "percent")
STRING = SettingType("a non-empty string", _nonempty, "text")

S = FluxSetting
SETTINGS = (
    S("multiTenancy.enforce", BOOL, "Multi-tenancy lockdown: Flux applies a configuration's objects as its namespace's "
      "service account and refuses cross-namespace references; false opts out.", default="true", since="1.0.0"),
    S("useKubeletIdentity", BOOL, "Authenticate the Flux controllers with the AKS kubelet identity.", default="false",
      since="1.6.1", cluster_types=("managedClusters",)),
    S("workloadIdentity.enable", BOOL, "Use workload identity for the Flux controllers (with azureClientId).",
      default="false"),
    S("workloadIdentity.azureClientId", GUID, "Client ID of the managed identity workload identity signs in as."),
    S("workloadIdentity.azureTenantId", GUID, "Tenant ID of that managed identity."),
    S("helm-controller.detectDrift", BOOL, "Detect and correct drift of Helm releases from their charts.",
      default="false", since="1.7.5"),
    S("helm-controller.outOfMemoryWatch.enabled", BOOL, "Stop Helm work when the controller nears its memory limit.",
      default="false", since="1.7.5"),
    S("helm-controller.outOfMemoryWatch.memoryThreshold", PERCENT, "Memory use (percent of the limit) that counts as "
      "near out of memory.", default="95", since="1.7.5"),
    S("helm-controller.outOfMemoryWatch.interval", DURATION, "How often the memory use is checked.", default="500ms",
      since="1.7.5"),
    S("kustomize-controller.concurrent", POSITIVE_INT, "Number of kustomizations reconciled at once."),
    S("kustomize-controller.requeue-dependency", DURATION, "Wait before re-checking a dependency that is not ready."),
    S("setKubeServiceHostFqdn", BOOL, "Point the controllers at the API server's domain name (clusters behind a layer "
      "7 firewall).", default="false", since="1.11.1"),
    S("toleration-keys", STRING, "Tolerations for the Flux pods, e.g. CriticalAddonsOnly=true:NoSchedule."),
    *(S(f"{c}.enabled", BOOL, f"Install {c}.", default="false" if c in IMAGE_CONTROLLERS else "true")
      for c in CONTROLLERS),
    *(S(f"{c}.ssh-host-key-args", STRING, f"SSH host key algorithm arguments of {c}.", since="1.9.1")
      for c in CONTROLLERS),
    *(S(f"{c}.resources.{kind}.{resource}", QUANTITY, f"{resource} {kind} of {c}.")
      for c in CONTROLLERS for kind in ("limits", "requests") for resource in ("cpu", "memory")),
    *(S(f"{c}.log-level", LOG_LEVEL, f"Log level of {c}.", default="info", since="1.9.1") for c in LOGGING_COMPONENTS),
)  # fmt: skip

KNOWN_SETTINGS = {setting.key: setting for setting in SETTINGS}
KNOWN_BY_LOWER = {key.lower(): key for key in KNOWN_SETTINGS}


def closest_setting(key):
    """The known key the user most likely meant, or None."""
    import difflib

    if key.lower() in KNOWN_BY_LOWER:
        return KNOWN_BY_LOWER[key.lower()]
    matches = difflib.get_close_matches(key.lower(), list(KNOWN_BY_LOWER), n=1, cutoff=0.75)
    return KNOWN_BY_LOWER[matches[0]] if matches else None


def _notes(setting, default):
    notes = [setting.type.short] + ([f"default {default}"] if default is not None else [])
    if setting.cluster_types:
        notes.append(f"{' and '.join(setting.cluster_types)} only")
    if setting.since:
        notes.append(f"since {setting.since}")
    return ", ".join(notes)


def _component(setting):
    return setting.key.split(".", 1)[0]


def _families():
    """{suffix: settings}: the settings several components share (<c>.enabled, <c>.log-level, ...)."""
    families = {}
    for setting in SETTINGS:
        if _component(setting) in LOGGING_COMPONENTS:
            families.setdefault(setting.key.split(".", 1)[1], []).append(setting)
    return {suffix: members for suffix, members in families.items() if len(members) > 1}


def _family_line(suffix, members):
    """<c>.<suffix> (...) once for every component that has it; a default that differs names its components."""
    first = members[0]
    differ = [_component(m) for m in members if m.default != first.default]
    default = first.default
    if differ:
        default = f"{default} ({', '.join(differ)}: {KNOWN_SETTINGS[f'{differ[0]}.{suffix}'].default})"
    extra = [_component(m) for m in members if _component(m) not in CONTROLLERS]
    return f"<c>.{suffix} ({_notes(first, default)}{'; also ' + ', '.join(extra) if extra else ''})"


def settings_summary():
    """The settings for help: each key once (values, default, cluster types, first microsoft.flux version); what
    every controller <c> takes, once as <c>.<setting>."""
    families = _families()
    shared = {s.key for members in families.values() for s in members}
    single = [f"{s.key} ({_notes(s, s.default)})" for s in SETTINGS if s.key not in shared]
    per_controller = [_family_line(suffix, members) for suffix, members in families.items()]
    return f"{'; '.join(single)}. For each controller <c> ({', '.join(CONTROLLERS)}): {'; '.join(per_controller)}."
