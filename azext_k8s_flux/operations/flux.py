"""`az k8s-configuration flux create|update|delete|show|list`.

Requests: create = LIST extensions (also proves the cluster exists) + PUT, plus LIST Flux v1 configurations and
PUT of microsoft.flux only when the extension is missing; update = GET + PATCH; delete = GET + DELETE;
show = GET. A show or delete whose GET finds nothing asks once more, for a Flux v1 configuration of that name.
Re-running create with the same arguments PUTs the same body: ARM treats it as a no-op update.
create and update take the source options (flux_model.source_fields) as **kwargs: knack builds arguments from a
handler's signature and leaves a parameter named `kwargs` out, so the description registers them instead.
"""

from azure.cli.core.azclierror import RequiredArgumentMissingError, ResourceNotFoundError
from knack.log import get_logger

from azext_k8s_flux._cluster import cluster_ref
from azext_k8s_flux.operations._errors import arm_errors, cluster_not_found, is_not_found

logger = get_logger(__name__)


def _what(name, cluster):
    return f"Flux configuration '{name}' on {cluster.describe()}"


def state_hint(name, cluster):
    """How to see a configuration's state, for errors raised after Azure accepted a change to it."""
    return f"See its state with: az k8s-configuration flux show {cluster.cli_args()} -n {name}"


def send(method, name, cluster, body, no_wait, secret=False, on_accepted=None, **kwargs):
    """A write to a configuration (`body` None: a delete), followed; its result as the flux commands print it."""
    from azext_k8s_flux.operations._writes import send_and_follow
    from azext_k8s_flux.operations.flux_view import public_configuration

    args = (*cluster.sdk_args(), name) + (() if body is None else (body,))
    return send_and_follow(method, args, no_wait, _what(name, cluster), cluster, state_hint(name, cluster),
                           public_configuration, secret=secret, on_accepted=on_accepted, **kwargs)  # fmt: skip


class ConfigurationNotFoundError(ResourceNotFoundError):
    """The cluster exists and has no Flux configuration of that name."""


def get_configuration(client, cluster, name):
    """The configuration (SDK model: azure-cli prints it with `properties` flattened, as the upstream
    command does); a clean not-found error naming it, or naming the missing cluster."""
    from azure.core.exceptions import HttpResponseError

    from azext_k8s_flux._validators import require_value

    require_value(name, "-n/--name", "Flux configuration")
    with arm_errors(_what(name, cluster), cluster):
        try:
            return client.get(*cluster.sdk_args(), name)
        except HttpResponseError as error:
            if is_not_found(error) and cluster_not_found(error, cluster) is None:
                raise ConfigurationNotFoundError(f"{_what(name, cluster)} was not found.") from None
            raise


def _get_or_flux_v1_hint(cmd, client, cluster, name, verb):
    """get_configuration for `flux show|delete`, whose missing name may be a Flux v1 configuration."""
    try:
        return get_configuration(client, cluster, name)
    except ConfigurationNotFoundError as missing:
        from azext_k8s_flux.operations.source_control import flux_v1_instead

        raise flux_v1_instead(cmd.cli_ctx, cluster, name, verb, missing) from None


def get_configuration_json(client, cluster, name):
    from azext_k8s_flux import _sdk

    return _sdk.as_dict(get_configuration(client, cluster, name))


def flux_create(cmd, client, resource_group_name, cluster_name, cluster_type, name=None, cluster_resource_provider=None,
                scope=None, namespace=None, kind=None, kustomization=None, suspend=None, wait_for_reconciliation=None,
                reconciliation_wait_duration=None, wait_for_compliance=False, wait_timeout=None, wait_interval=None,
                no_wait=False, file=None, what_if=False, **kwargs):  # fmt: skip
    """Create a Flux configuration; installs microsoft.flux first when the cluster does not have it."""
    from azext_k8s_flux.operations import flux_inputs
    from azext_k8s_flux.operations.wait import check_wait_options
    from azext_k8s_flux.payloads.flux_configuration import build_flux_configuration
    from azext_k8s_flux.validators.flux_configuration.configuration import (
        kustomizations_for_create,
        validate_configuration,
        validate_server_wait,
    )
    from azext_k8s_flux.validators.flux_configuration.sources import validate_source

    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    check_wait_options(wait_for_compliance, no_wait)
    follow = _follow(no_wait, wait_for_compliance, wait_timeout, wait_interval)
    if file is not None or what_if:
        from azext_k8s_flux.document.apply import create_from_document

        line = _command_line(locals(), flux_inputs.source_options(kwargs))
        return create_from_document(cmd, client, cluster, file, what_if, line, follow)
    _require_name(cmd, name)
    validate_configuration(name, scope or "cluster", namespace or "default")
    source = validate_source(kind or "git", flux_inputs.source_options(kwargs))
    specs, defaulted = kustomizations_for_create(name, kustomization)
    server_wait = validate_server_wait(wait_for_reconciliation, reconciliation_wait_duration)
    body = build_flux_configuration(scope or "cluster", namespace or "default", source, specs, suspend, server_wait)
    return put_configuration(cmd, client, cluster, name, body, source.secret, specs[0] if defaulted else None, follow,
                             install=True)  # fmt: skip


def _follow(no_wait, wait_for_compliance, wait_timeout, wait_interval):
    """How a write is followed: --no-wait, or --wait (for compliance) with its timeout and interval."""
    return {"no_wait": no_wait, "wait_for_compliance": wait_for_compliance, "wait_timeout": wait_timeout,
            "wait_interval": wait_interval}  # fmt: skip


def _require_name(cmd, name):
    """-n is optional for the parser only because a document may name the configuration: without one it is the usage
    error (exit code 2) the parser gives for a missing required argument, as the official command does."""
    if name is None:
        cmd.cli_ctx.invocation.parser.validation_error(
            "the following arguments are required: -n/--name (or --file with a name)")


def _command_line(arguments, options):
    """The options given besides --file, for the document they override."""
    from azext_k8s_flux.document.overrides import CommandLine

    return CommandLine(name=arguments.get("name"), scope=arguments.get("scope"), namespace=arguments.get("namespace"),
                       kind=arguments.get("kind"), options=options,
                       kustomizations=arguments.get("kustomization"), suspend=arguments.get("suspend"),
                       wait_for_reconciliation=arguments.get("wait_for_reconciliation"),
                       reconciliation_wait_duration=arguments.get("reconciliation_wait_duration"))  # fmt: skip


def put_configuration(cmd, client, cluster, name, body, secret, defaulted, follow, install=False):
    """PUT a configuration (after installing microsoft.flux when the cluster lacks it, with `install`); `defaulted`:
    the kustomization created when none was given, said once the request is accepted (not in front of an error)."""
    from azext_k8s_flux.operations.flux_extension import ensure_flux_extension, reporting_install
    from azext_k8s_flux.operations.wait import then_wait

    installed = install and ensure_flux_extension(cmd.cli_ctx, cluster,
                                                  failure_note="No Flux configuration was created.")  # fmt: skip
    note = (lambda: logger.warning("No --kustomization given: created kustomization '%s' with path '%s'.",
                                   defaulted["name"], defaulted["path"])) if defaulted else None  # fmt: skip
    with reporting_install(installed, cluster):
        result = send(client.begin_create_or_update, name, cluster, body, follow["no_wait"], secret, on_accepted=note)
        return then_wait(cmd, client, cluster, name, result, follow["wait_for_compliance"], follow["wait_timeout"],
                         follow["wait_interval"])  # fmt: skip


def flux_update(cmd, client, resource_group_name, cluster_name, cluster_type, name=None, cluster_resource_provider=None,
                kind=None, kustomization=None, suspend=None, replace_kustomizations=False, wait_for_compliance=False,
                wait_timeout=None, wait_interval=None, yes=False, no_wait=False, file=None, what_if=False,
                **kwargs):  # fmt: skip
    """Change a Flux configuration: only what changed is sent, stored secrets are kept; -k changes the named
    kustomizations only, unless --replace-kustomizations makes it the complete set."""

    from azext_k8s_flux import _sdk
    from azext_k8s_flux.operations import flux_inputs
    from azext_k8s_flux.operations._prompts import confirm
    from azext_k8s_flux.operations.wait import check_wait_options, then_wait
    from azext_k8s_flux.payloads.flux_changes import plan_update
    from azext_k8s_flux.payloads.flux_configuration import build_flux_configuration_patch

    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    check_wait_options(wait_for_compliance, no_wait)
    options = flux_inputs.source_options(kwargs)
    if file is None:
        _require_name(cmd, name)
        _check_update_asks_something(options, kind, kustomization, suspend, replace_kustomizations)
    if file is not None or what_if:
        from azext_k8s_flux.document.apply import update_from_document

        follow = _follow(no_wait, wait_for_compliance, wait_timeout, wait_interval)
        return update_from_document(cmd, client, cluster, file, what_if, _command_line(locals(), options), yes,
                                    replace_kustomizations, follow)  # fmt: skip
    current = get_configuration(client, cluster, name)
    current_json = _sdk.as_dict(current)
    plan = plan_update(name, current_json, kind, options, kustomization, suspend, replace=replace_kustomizations)
    if plan.empty:
        logger.warning("%s already has these settings: nothing to change.", _what(name, cluster))
        return then_wait(cmd, client, cluster, name, current, wait_for_compliance, wait_timeout, wait_interval)
    question = update_question(name, plan, (current_json.get("properties") or {}).get("kustomizations"),
                               "left out of -k with --replace-kustomizations")
    if question:
        confirm(question, yes, cmd.cli_ctx)
    patch = build_flux_configuration_patch(plan.source, plan.kustomizations, plan.suspend, plan.clear_kinds,
                                           plan.protected)  # fmt: skip
    result = send(client.begin_update, name, cluster, patch, no_wait, plan.secret)
    return then_wait(cmd, client, cluster, name, result, wait_for_compliance, wait_timeout, wait_interval)


def _check_update_asks_something(options, kind, kustomization, suspend, replace_kustomizations):
    if replace_kustomizations and not kustomization:
        raise RequiredArgumentMissingError(
            "--replace-kustomizations needs the complete set of kustomizations, given with -k.",
            "Give every kustomization the configuration should keep, for example "
            "--replace-kustomizations -k name=infra path=./infrastructure -k name=apps path=./apps; to remove one "
            "kustomization use 'az k8s-configuration flux kustomization delete'.",
        )
    if not (any(v is not None for v in options.values()) or kind or kustomization or suspend is not None):
        raise RequiredArgumentMissingError("Nothing to update: give the options to change, for example --branch, "
                                           "--url, --https-key-file, -k or --suspend.")  # fmt: skip


def update_question(name, plan, existing, left_out):
    """What an update would remove (the source of another kind; kustomizations of `existing`, the current map,
    that the update leaves out, `left_out` saying how), as a question."""
    parts = []
    if plan.switching_kind:
        parts.append(f"Switch the source of '{name}' from {plan.current_kind} to {plan.source.kind}? The "
                     f"{plan.current_kind} settings and stored credentials will be removed.")  # fmt: skip
    removed = sorted(k for k, v in plan.kustomizations.items() if v is None)
    if removed:
        pruned = [k for k in removed if ((existing or {}).get(k) or {}).get("prune")]
        parts.append(f"Remove kustomization{'s' if len(removed) > 1 else ''} {', '.join(removed)} of '{name}' "
                     f"({left_out})?")  # fmt: skip
        if pruned:
            parts.append(f"With prune ({', '.join(pruned)}): the workloads {'they' if len(pruned) > 1 else 'it'} "
                         "deployed will be removed from the cluster.")  # fmt: skip
    return " ".join(parts)


def flux_delete(cmd, client, resource_group_name, cluster_name, cluster_type, name,
                cluster_resource_provider=None, force=False, yes=False, no_wait=False):  # fmt: skip
    """Delete a Flux configuration (asks first; with prune, its workloads are removed from the cluster)."""

    from azext_k8s_flux import _sdk
    from azext_k8s_flux.operations._prompts import confirm

    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    existing = _sdk.as_dict(_get_or_flux_v1_hint(cmd, client, cluster, name, "delete"))
    kustomizations = (existing.get("properties") or {}).get("kustomizations") or {}
    pruned = sorted(k for k, v in kustomizations.items() if (v or {}).get("prune"))
    message = f"Delete {_what(name, cluster)}?"
    if pruned:
        message += (f" Kustomizations with prune ({', '.join(pruned)}): the workloads they deployed will be "
                    "removed from the cluster.")  # fmt: skip
    confirm(message, yes, cmd.cli_ctx)
    send(client.begin_delete, name, cluster, None, no_wait, force_delete=True if force else None)


def flux_show(cmd, client, resource_group_name, cluster_name, cluster_type, name, cluster_resource_provider=None):
    """Show a Flux configuration."""
    from azext_k8s_flux.operations.flux_view import public_configuration

    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    # Rendered here, as azure-cli would render the model: given a model (an iterable that is not a dict),
    # azure-cli imports msrest and aaz only to learn that it is not a paged result.
    return public_configuration(_get_or_flux_v1_hint(cmd, client, cluster, name, "show"))


def flux_list(cmd, client, resource_group_name, cluster_name, cluster_type, cluster_resource_provider=None):
    """List the Flux configurations of a cluster."""
    from azext_k8s_flux.operations.flux_view import public_configuration

    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    with arm_errors(f"the Flux configurations of {cluster.describe()}", cluster):
        return public_configuration(list(client.list(*cluster.sdk_args())))
