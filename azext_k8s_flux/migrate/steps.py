"""The steps of a confirmed migration, each recorded in the saved state as soon as it is done.

Order: delete every v1 configuration, install microsoft.flux (it refuses while v1 configurations exist),
create every v2 configuration. A re-run skips what the state says is done; a v2 configuration is put by
name, so repeating its creation updates it and never makes a second one.
"""

import time

from azure.cli.core.azclierror import AzCLIError

from azext_k8s_flux._secrets import quiet
from azext_k8s_flux.migrate.state import save_state
from azext_k8s_flux.operations._errors import arm_errors
from azext_k8s_flux.operations._writes import send_and_follow
from azext_k8s_flux.operations.flux_extension import ensure_flux_extension


def delete_v1(client, cluster, state, path):
    for entry in state["entries"]:
        name = entry["v1"]["name"]
        if name in state["deleted"]:
            continue
        if state["firstDeletionAt"] is None:
            state["firstDeletionAt"] = time.time()
            save_state(path, state)
        send_and_follow(client.begin_delete, (*cluster.sdk_args(), name), False,
                        f"Flux v1 configuration '{name}' of {cluster.describe()}", cluster,
                        "The Flux v1 configuration may have been deleted. Running the migration again continues it.",
                        lambda result: result)
        state["deleted"].append(name)
        save_state(path, state)


# The install is inside the migration's unmanaged window: poll more often than the SDK's 30 s default.
INSTALL_POLL_SECONDS = 5


def install_extension(cli_ctx, cluster, state, path):
    if state["extensionInstalled"]:
        return
    state["extensionInstalledByMigration"] = ensure_flux_extension(
        cli_ctx, cluster, polling_interval=INSTALL_POLL_SECONDS
    )
    state["extensionInstalled"] = True
    save_state(path, state)


def create_v2(client, cluster, state, path, credentials):
    """Send every v2 PUT first, then wait for them: the cluster is managed again once ARM has accepted
    them, so their long-running operations do not lengthen the unmanaged window. (So not send_and_follow,
    which follows each write before the next is sent.)"""
    from azext_k8s_flux.migrate.mapping import build_v2_configuration
    from azext_k8s_flux.migrate.plan import credentials_for

    pollers, failures = [], []
    for entry in state["entries"]:
        name = entry["spec"]["name"]
        if name in state["created"]:
            continue
        given = credentials_for(entry, credentials)
        body = build_v2_configuration(entry["spec"], given)
        secret = body.properties.configuration_protected_settings  # keeps the body out of --debug's request log
        try:
            with arm_errors(f"Flux v2 configuration '{name}' of {cluster.describe()}", cluster):
                pollers.append((name, client.begin_create_or_update(*cluster.sdk_args(), name, body, **quiet(secret))))
        except AzCLIError as error:
            failures.append(error)  # the others still get created; a re-run retries this one
            continue
        state["lastCreationAt"] = time.time()
        save_state(path, state)
    for name, poller in pollers:
        accepted = (f"The configuration may have been created: see it with az k8s-configuration flux show "
                    f"{cluster.cli_args()} -n {name}. Running the migration again continues it.")  # fmt: skip
        try:
            with arm_errors(f"Flux v2 configuration '{name}' of {cluster.describe()}", cluster, accepted=accepted):
                result = poller.result()
        except AzCLIError as error:
            failures.append(error)
            continue
        state["created"].append(name)
        public_key = getattr(getattr(result, "properties", None), "repository_public_key", None)
        if public_key:
            state.setdefault("publicKeys", {})[name] = public_key
        save_state(path, state)
    if failures:
        raise failures[0]
