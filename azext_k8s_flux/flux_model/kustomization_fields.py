"""The fields of a kustomization, declared once: the `-k key=value` keys (and the spellings accepted for them),
the options of `flux kustomization create|update`, the API field each becomes, its parser and the value the service
keeps when a request leaves it out. validators/flux_configuration/kustomizations.py parses with it; the arguments
are registered from it.
"""

from dataclasses import dataclass
from typing import Optional

_UNSET = object()


@dataclass(frozen=True)
class KustomizationField:
    key: str  # the -k key and the handler keyword of the kustomization commands
    help: Optional[str]  # help of the kustomization commands' option (None: no option of its own)
    api: Optional[str]  # dotted API path; None when a rule composes it (disable_health_check is the opposite of wait)
    parser: str  # how the value is read: text, list, duration, bool, substitute, substitute_from
    spellings: tuple = ()  # other -k keys accepted (compared without '-', '_' and case)
    options: tuple = ()  # other options of the kustomization commands
    aliases: tuple = ()  # spellings of the official k8s-configuration extension
    default: object = _UNSET  # what the service keeps when a request leaves the field out (arm-contract 3.3)
    api_version: str = "2022-03-01"  # first stable fluxConfigurations API version with the field
    flux_v1: Optional[str] = None  # where `flux migrate` takes it from in a Flux v1 configuration

    @property
    def flag(self):
        return "--" + self.key.replace("_", "-")

    @property
    def has_default(self):
        return self.default is not _UNSET


K = KustomizationField
FIELDS = (
    K("name", None, "name", "text"),
    K("path", "Path in the source to reconcile, e.g. ./apps/staging.", "path", "text", default="",
      flux_v1="operatorParams --git-path"),
    K("depends_on", "Kustomizations that must be ready first: 'a,b' or 'a b'.", "dependsOn", "list",
      spellings=("depends", "dependencies"), options=("--depends_on",), aliases=("--dependencies", "--depends"),
      default=None),
    K("timeout", "Timeout of the kustomization, as a Go duration such as 10m.", "timeoutInSeconds", "duration",
      default=600, flux_v1="operatorParams --sync-timeout"),
    K("sync_interval", "Reconciliation interval, as a Go duration such as 10m or 1h2m3s.", "syncIntervalInSeconds",
      "duration", spellings=("interval",), options=("--interval",), default=600,
      flux_v1="operatorParams --sync-interval"),
    K("retry_interval", "Retry interval after a failure, as a Go duration such as 1m.", "retryIntervalInSeconds",
      "duration", default=None),
    K("prune", "Remove from the cluster the objects that disappear from the source.", "prune", "bool",
      default=False, flux_v1="operatorParams --sync-garbage-collection"),
    K("force", "Recreate objects whose immutable fields changed.", "force", "bool", default=False),
    K("wait", "Wait for the applied objects to be ready (health checks).", "wait", "bool", default=True,
      api_version="2022-07-01"),
    K("disable_health_check", "Do not wait for the applied objects to be ready (the opposite of --wait).", None,
      "bool"),
    K("post_build_substitute", "Variables to substitute after the build: VAR1=value1,VAR2=value2.",
      "postBuild.substitute", "substitute", spellings=("substitute",), default=None, api_version="2022-07-01"),
    K("post_build_substitute_from", "ConfigMaps/Secrets holding variables: ConfigMap:NAME,Secret:NAME:optional.",
      "postBuild.substituteFrom", "substitute_from", spellings=("substitutefrom",), default=None,
      api_version="2022-07-01"),
)  # fmt: skip


def keys():
    return tuple(f.key for f in FIELDS)


def field_for_key(key):
    return next(f for f in FIELDS if f.key == key)


def spellings():
    """{-k key as compared (no '-', '_', case): canonical key}."""
    table = {f.key.replace("_", ""): f.key for f in FIELDS}
    table.update({spelling: f.key for f in FIELDS for spelling in f.spellings})
    return table


def service_defaults():
    """{top-level API field: what the service keeps when a request leaves it out}."""
    return {f.api.split(".")[0]: f.default for f in FIELDS if f.api and f.has_default}
