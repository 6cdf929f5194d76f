"""The keys a document takes, all derived from the description (flux_model): the top level, each kind's source
block (the API paths of the source fields), configurationProtectedSettings (the protected fields) and the fields of
a kustomization. Keys compare without case: `flux show` prints httpsCaCert where the API names it httpsCACert."""

import difflib

from azext_k8s_flux import flux_model as model
from azext_k8s_flux.flux_model import kustomization_fields
from azext_k8s_flux.flux_model.kinds import KINDS

SETTINGS = ("name", "scope", "namespace", "sourceKind", "suspend", "waitForReconciliation",
            "reconciliationWaitDuration", "kustomizations", "configurationProtectedSettings")  # fmt: skip
# What `flux show -o json` prints besides the writable part: ignored, with one note.
READ_ONLY = ("id", "type", "systemData", "provisioningState", "complianceState", "statuses", "sourceSyncedCommitId",
             "sourceUpdatedAt", "statusUpdatedAt", "errorMessage", "repositoryPublicKey", "resourceGroup")  # fmt: skip
KUSTOMIZATION_READ_ONLY = ("name",)  # the map key is the name; `flux show` repeats it inside


def source_blocks():
    """{source block key: kind API name}."""
    return {kind.property: kind.api for kind in KINDS.values()}


def top_level():
    return (*SETTINGS, *source_blocks(), *READ_ONLY)


def source_paths(kind):
    """{dotted path in the kind's source block: source field} of the fields stored there."""
    return {f.api: f for f in model.fields() if kind in f.kinds and f.api}


def protected_keys(kind):
    """{configurationProtectedSettings key: source field} of the kind."""
    return {f.protected: f for f in model.fields() if kind in f.kinds and f.protected}


def kustomization_paths():
    """{dotted API path: kustomization field} of the fields a kustomization stores."""
    return {f.api: f for f in kustomization_fields.FIELDS if f.api}


def children(paths, prefix):
    """The keys directly under `prefix` ('' for the block itself) among dotted `paths`."""
    start = prefix + "." if prefix else ""
    return sorted({p[len(start):].split(".")[0] for p in paths if p.startswith(start)})


def match(key, allowed):
    """The allowed spelling of `key` (compared without case), or None."""
    lowered = str(key).lower()
    return next((a for a in allowed if a.lower() == lowered), None)


def did_you_mean(key, allowed):
    close = difflib.get_close_matches(str(key), list(allowed), n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""
