"""Where a migration remembers its plan and progress, so an interrupted run can be continued.

The state is written before the first v1 configuration is deleted and after every step. It never holds
a secret: only the v2 specs, which credentials were given (names of keys, not values) and what is done.
By default it lives in the Azure CLI configuration folder, one file per cluster; --plan-file chooses
another file.
"""

import contextlib
import hashlib
import json
import os

from azure.cli.core.azclierror import FileOperationError, InvalidArgumentValueError

STATE_VERSION = 1
STATE_FOLDER = "k8s-flux-migrations"


def cluster_id(subscription_id, cluster):
    return (
        f"/subscriptions/{subscription_id}/resourceGroups/{cluster.resource_group}/providers/"
        f"{cluster.resource_provider}/{cluster.cluster_type}/{cluster.name}"
    )


def state_path(config_dir, cluster_resource_id, plan_file=None):
    if plan_file:
        return os.path.abspath(os.path.expanduser(plan_file))
    digest = hashlib.sha256(cluster_resource_id.lower().encode("utf-8")).hexdigest()[:32]
    return os.path.join(config_dir, STATE_FOLDER, f"{digest}.json")


def load_state(path, cluster_resource_id):
    """The saved migration of this cluster, or None when there is none."""
    try:
        with open(path, encoding="utf-8") as handle:
            state = json.load(handle)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        raise FileOperationError(
            f"Cannot read the saved migration '{path}': {error}. Fix or remove the file and run again."
        ) from None
    if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
        raise FileOperationError(f"'{path}' is not a migration state file of this extension.")
    if (state.get("cluster") or "").lower() != cluster_resource_id.lower():
        raise InvalidArgumentValueError(
            f"The plan file '{path}' belongs to cluster {state.get('cluster')}, not {cluster_resource_id}. "
            "Give the plan file of this cluster, or another path."
        )
    return state


def new_state(cluster_resource_id, entries, credential_keys):
    return {
        "version": STATE_VERSION,
        "cluster": cluster_resource_id,
        "entries": entries,
        "credentialKeys": credential_keys,
        "deleted": [],
        "extensionInstalled": False,
        "created": [],
        "firstDeletionAt": None,
        "lastCreationAt": None,
    }


def save_state(path, state):
    """Write atomically (a crash leaves the old or the new file, never half of one), readable by the user only."""
    folder = os.path.dirname(path) or "."
    try:
        os.makedirs(folder, exist_ok=True)
        temporary = f"{path}.tmp"
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(state, handle, indent=2, sort_keys=True)
        os.replace(temporary, path)
    except OSError as error:
        raise FileOperationError(f"Cannot save the migration state to '{path}': {error.strerror}.") from None


def clear_state(path):
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)
