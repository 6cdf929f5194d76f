"""`az k8s-configuration flux migrate`: move a cluster's Flux v1 configurations to Flux v2."""

import sys

from azure.cli.core.azclierror import AzCLIError, InvalidArgumentValueError, ValidationError

from azext_k8s_flux._cluster import cluster_ref
from azext_k8s_flux.migrate.credentials import credential_keys, read_credentials
from azext_k8s_flux.migrate.renames import (
    check_rename_sources,
    check_renamed_entries,
    check_saved_names,
    parse_renames,
)
from azext_k8s_flux.migrate.report import render_outcome, render_plan
from azext_k8s_flux.migrate.state import (
    clear_state,
    cluster_id,
    load_state,
    new_state,
    save_state,
    state_path,
)
from azext_k8s_flux.operations._errors import arm_errors
from azext_k8s_flux.operations._prompts import confirm


def _refuse_blockers(plan):
    if plan["blockers"]:
        count = len({item["configuration"] for item in plan["blockers"]})
        raise ValidationError(
            f"The migration cannot start: {count} Flux v1 configuration(s) cannot be moved as they are. "
            "Nothing was changed.",
            ["Fix these, then run this command again:",
             *(f"  - {item['configuration']}: {item['problem']}" for item in plan["blockers"])],
        )


def _save_plan(state, resource_id, entries, credentials, path):
    state = state or new_state(resource_id, entries, {})
    state["entries"] = entries
    state["credentialKeys"] = {**state.get("credentialKeys", {}), **credential_keys(credentials)}
    save_state(path, state)
    return state


def flux_migrate(cmd, client, resource_group_name, cluster_name, cluster_type, cluster_resource_provider=None,
                 dry_run=False, yes=False, plan_file=None, ssh_private_key_file=None, https_user=None,
                 https_key_file=None, rename=None):
    """Plan, confirm and run the move of every Flux v1 configuration of a cluster to Flux v2."""
    from azure.cli.core.commands.client_factory import get_subscription_id

    from azext_k8s_flux._client_factory import cf_flux_configurations

    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    renames = parse_renames(rename)
    credentials = read_credentials(ssh_private_key_file, https_user, https_key_file)
    resource_id = cluster_id(get_subscription_id(cmd.cli_ctx), cluster)
    path = state_path(cmd.cli_ctx.config.config_dir, resource_id, plan_file)
    state = load_state(path, resource_id)
    v1_configs = _list(client, cluster.describe(), cluster)
    if not v1_configs and state is None:
        return {"cluster": resource_id, "status": "NothingToMigrate",
                "message": f"Nothing to migrate: {cluster.describe()} has no Flux v1 configurations."}
    entries, credentials = _entries(state, v1_configs, renames, credentials, path)
    flux = cf_flux_configurations(cmd.cli_ctx)
    plan = _plan(state, entries, _list(flux, cluster.describe(), cluster), credentials, resource_id)
    # The plan and the outcome are reports written as they are, not knack log records: a "WARNING:" prefix would
    # misname them, and --only-show-errors must not hide what is about to be deleted or the deploy key to add.
    if dry_run:
        if _on_terminal():
            sys.stderr.write(render_plan(plan))
        return plan
    sys.stderr.write(render_plan(plan))
    _refuse_blockers(plan)
    confirm(f"Migrate {len(entries)} Flux v1 configuration(s) of {cluster.describe()} to Flux v2? The v1 "
            "configurations are deleted first: until the v2 configurations exist the cluster pulls no changes "
            "and cannot repair drift (running applications keep running).", yes, cmd.cli_ctx)
    _build_all(entries, credentials)
    state = _save_plan(state, resource_id, entries, credentials, path)  # on disk before anything is deleted
    _run_steps(cmd, client, flux, cluster, state, path, credentials)
    result = _outcome(plan, state)
    clear_state(path)
    sys.stderr.write(render_outcome(result, cluster.cli_args()))
    return result


def _on_terminal():
    return sys.stderr.isatty()


def _run_steps(cmd, client, flux, cluster, state, path, credentials):
    from azext_k8s_flux.migrate import steps

    try:
        steps.delete_v1(client, cluster, state, path)
        steps.install_extension(cmd.cli_ctx, cluster, state, path)
        steps.create_v2(flux, cluster, state, path, credentials)
    except AzCLIError as error:
        error.set_recommendation(f"The migration state is saved in {path}: run the same command again to "
                                 "continue where it stopped (nothing is created twice).")
        raise


def _list(client, what, cluster):
    with arm_errors(what, cluster):
        return [item.serialize(keep_readonly=True) if hasattr(item, "serialize") else item.as_dict()
                for item in client.list(*cluster.sdk_args())]


def _entries(state, v1_configs, renames, credentials, path):
    """(entries, credentials keyed on v1 names). The saved migration's entries come first (its plan and v2
    names stand), then any v1 configuration it did not know. --rename and the credential names are checked
    against them here, before the v2 list is read and before anything is written."""
    from azext_k8s_flux.migrate.plan import entry_for, keyed_by_v1

    saved = list((state or {}).get("entries") or [])
    known = {entry["v1"]["name"].lower() for entry in saved}
    fresh = [v1 for v1 in v1_configs if (v1.get("name") or "").lower() not in known]
    check_rename_sources(renames, {entry["v1"]["name"] for entry in saved} | {v1.get("name") for v1 in fresh})
    check_saved_names(renames, saved, path)
    entries = saved + [entry_for(v1, renames.get(v1.get("name"))) for v1 in fresh]
    check_renamed_entries(renames, entries)
    credentials, unknown = keyed_by_v1(credentials, entries)
    if unknown:
        renamed = " (also for a configuration given another v2 name with --rename)" if renames else ""
        raise InvalidArgumentValueError(
            f"Credentials were given for {', '.join(unknown)}, which is not a Flux v1 configuration of this "
            f"cluster. Known: {', '.join(entry['v1']['name'] for entry in entries)}. The credential options take "
            f"the name of the Flux v1 configuration{renamed}."
        )
    return entries, credentials


def _plan(state, entries, existing_v2, credentials, resource_id):
    from azext_k8s_flux.migrate.plan import build_plan

    state = state or {}
    return build_plan(resource_id, entries, existing_v2, credentials, deleted=state.get("deleted", ()),
                      created=state.get("created", ()), resumed=bool(state), required=state.get("credentialKeys"))


def _build_all(entries, credentials):
    """Build every v2 request body, secrets included, before the first deletion: a body that cannot be
    built stops the migration while the cluster is still managed by Flux v1."""
    from azext_k8s_flux.migrate.mapping import build_v2_configuration
    from azext_k8s_flux.migrate.plan import credentials_for

    for entry in entries:
        build_v2_configuration(entry["spec"], credentials_for(entry, credentials))


def _outcome(plan, state):
    window = 0.0
    if state["firstDeletionAt"] is not None and state["lastCreationAt"] is not None:
        window = round(max(0.0, state["lastCreationAt"] - state["firstDeletionAt"]), 1)
    keys = state.get("publicKeys", {})
    generated = [item["name"] for item in plan["createV2"] if item["credentials"]["kind"] == "ssh-generated-key"]
    return {
        "cluster": state["cluster"],
        "status": "Completed",
        "resumed": plan["resumed"],
        "deletedV1": list(state["deleted"]),
        "fluxExtensionInstalled": bool(state.get("extensionInstalledByMigration")),
        "createdV2": [entry["spec"]["name"] for entry in state["entries"] if entry["spec"]["name"] in state["created"]],
        "unmanagedWindowSeconds": window,
        "repositoryPublicKeys": {name: keys[name] for name in generated if name in keys},
        "publicKeysPending": [name for name in generated if name not in keys],
        "unmapped": plan["unmapped"],
    }
