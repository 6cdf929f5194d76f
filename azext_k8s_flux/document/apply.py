"""`flux create|update --file` and `--what-if`: a document (with the command line over it) checked by the same
validators as the options, compared with the configuration on the cluster, and only what differs written.

Requests: create --file = GET, then LIST extensions + PUT when the configuration is new, PUT when it differs,
nothing when it is the same (a PATCH of the referenced secrets alone when there are some: the service never returns
secrets, so they cannot be compared). update --file = GET + PATCH of what differs (or nothing). --what-if: the GET.
"""

import re
from contextlib import contextmanager

from azure.cli.core.azclierror import AzCLIError
from knack.log import get_logger

logger = get_logger(__name__)

SECRETS_AGAIN = ("the secrets the document references were sent again, the service does not return secrets "
                 "(they cannot be compared)")  # fmt: skip


@contextmanager
def naming_document_keys(inputs):
    """Errors of the shared validators name options (--branch); for values from the document, name its key and
    line too."""
    try:
        yield
    except AzCLIError as error:
        document = inputs.document
        if document is not None:
            places = [document.where(path) for flag, path in inputs.origins.items()
                      if re.search(re.escape(flag) + r"(?![\w-])", error.error_msg)]  # fmt: skip
            error.error_msg += f" From the document: {', '.join(places)}." if places else f" (document {document.file})"
        raise


def document_inputs(file, command_line):
    """The document (if any) with the command line over it, named."""
    from azext_k8s_flux.document.inputs import read_inputs
    from azext_k8s_flux.document.overrides import with_overrides

    inputs = with_overrides(read_inputs(file) if file else None, command_line)
    if not inputs.name:
        from azure.cli.core.azclierror import RequiredArgumentMissingError

        raise RequiredArgumentMissingError("Give the configuration's name with -n/--name, or as `name` in the "
                                           "document.")  # fmt: skip
    return inputs


def _then(cmd, client, cluster, name, result, follow):
    """The command's result: the configuration, or with --wait the configuration once Flux has applied it."""
    from azext_k8s_flux.operations.wait import then_wait

    return then_wait(cmd, client, cluster, name, result, follow["wait_for_compliance"], follow["wait_timeout"],
                     follow["wait_interval"])  # fmt: skip


def _find(client, cluster, name):
    """The configuration (SDK model), or None when there is none of that name."""
    from azext_k8s_flux.operations.flux import ConfigurationNotFoundError, get_configuration

    try:
        return get_configuration(client, cluster, name)
    except ConfigurationNotFoundError:
        return None


def create_from_document(cmd, client, cluster, file, what_if, command_line, follow):
    """`flux create --file` (or `flux create --what-if`): create-or-replace, writing only when something differs."""
    from azext_k8s_flux import _sdk
    from azext_k8s_flux.document.desired import desired_configuration
    from azext_k8s_flux.document.diff import changes
    from azext_k8s_flux.document.what_if import visible_changes, what_if_result
    from azext_k8s_flux.operations.flux import put_configuration

    inputs = document_inputs(file, command_line)
    with naming_document_keys(inputs):
        desired = desired_configuration(inputs)
    current = _find(client, cluster, inputs.name)
    before = _sdk.as_dict(current)["properties"] if current is not None else None
    rows = changes(before, _sdk.as_dict(desired.body)["properties"], replace=True)
    same = current is not None and not visible_changes(rows)
    if what_if:
        write = "PUT" if not same else "PATCH" if desired.source.secret else "none"
        return what_if_result(inputs.name, cluster, write, rows)
    if current is None:
        return put_configuration(cmd, client, cluster, inputs.name, desired.body, desired.source.secret,
                                 desired.defaulted, follow, install=True)  # fmt: skip
    if same:
        return _unchanged(cmd, client, cluster, inputs.name, current, desired.source, follow)
    return put_configuration(cmd, client, cluster, inputs.name, desired.body, desired.source.secret, None, follow)


def _unchanged(cmd, client, cluster, name, current, source, follow):
    """Nothing differs: no write at all, or a PATCH of the referenced secrets alone."""
    from azext_k8s_flux.operations.flux import send
    from azext_k8s_flux.payloads.flux_changes import _write_only
    from azext_k8s_flux.payloads.flux_configuration import build_flux_configuration_patch
    from azext_k8s_flux.validators.flux_configuration.sources import ValidatedSource

    what = f"Flux configuration '{name}' on {cluster.describe()}"
    if not source.secret:
        logger.warning("%s already has these settings: nothing to change.", what)
        return _then(cmd, client, cluster, name, current, follow)
    logger.warning("%s already has these settings; %s.", what, SECRETS_AGAIN)
    secrets = ValidatedSource(source.kind, {k: v for k, v in source.source.items() if k in _write_only()},
                              dict(source.protected), True)  # fmt: skip
    patch = build_flux_configuration_patch(secrets, protected=secrets.protected)
    result = send(client.begin_update, name, cluster, patch, follow["no_wait"], True)
    return _then(cmd, client, cluster, name, result, follow)


def update_from_document(cmd, client, cluster, file, what_if, command_line, yes, replace, follow):
    """`flux update --file` (or `flux update --what-if`): a PATCH of what differs; with --file the document's
    kustomizations are the complete set (one it leaves out is removed, after a confirmation or with --yes)."""
    from azext_k8s_flux import _sdk
    from azext_k8s_flux.document.desired import check_before_update, check_unchangeable
    from azext_k8s_flux.document.diff import changes, merge_patch
    from azext_k8s_flux.document.what_if import only_secrets, what_if_result
    from azext_k8s_flux.operations._prompts import confirm
    from azext_k8s_flux.operations.flux import get_configuration, send, update_question
    from azext_k8s_flux.payloads.flux_changes import plan_update
    from azext_k8s_flux.payloads.flux_configuration import build_flux_configuration_patch

    inputs = document_inputs(file, command_line)
    with naming_document_keys(inputs):
        check_before_update(inputs)
    current = get_configuration(client, cluster, inputs.name)
    current_json = _sdk.as_dict(current)
    properties = current_json.get("properties") or {}
    with naming_document_keys(inputs):
        check_unchangeable(inputs, properties)
        plan = plan_update(inputs.name, current_json, inputs.kind, inputs.options, inputs.kustomizations,
                           inputs.suspend, replace=replace or file is not None)  # fmt: skip
    patch = build_flux_configuration_patch(plan.source, plan.kustomizations, plan.suspend, plan.clear_kinds,
                                           plan.protected)  # fmt: skip
    rows = changes(properties, merge_patch(properties, _sdk.as_dict(patch)["properties"]), replace=False)
    if what_if:
        return what_if_result(inputs.name, cluster, "none" if plan.empty else "PATCH", rows)
    what = f"Flux configuration '{inputs.name}' on {cluster.describe()}"
    if plan.empty:
        logger.warning("%s already has these settings: nothing to change.", what)
        return _then(cmd, client, cluster, inputs.name, current, follow)
    if only_secrets(rows):
        logger.warning("%s already has these settings; %s.", what, SECRETS_AGAIN)
    question = update_question(inputs.name, plan, properties.get("kustomizations"),
                               "not among the kustomizations given")
    if question:
        confirm(question, yes, cmd.cli_ctx)
    result = send(client.begin_update, inputs.name, cluster, patch, follow["no_wait"], plan.secret)
    return _then(cmd, client, cluster, inputs.name, result, follow)
