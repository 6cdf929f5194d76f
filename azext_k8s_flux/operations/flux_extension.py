"""Reusable pre-checks around the microsoft.flux extension, shared by `az k8s-extension` and
`az k8s-configuration flux` (which installs the extension on first use).

- find_flux_extension(extensions_client, cluster) -> the cluster's microsoft.flux extension or None (one LIST);
- list_flux_v1_configurations(cli_ctx, cluster) -> the cluster's Flux v1 sourceControlConfigurations (one LIST);
- check_no_flux_v1(cli_ctx, cluster) raises flux_v1_refusal(...) when any exist;
- check_no_flux_configurations(cli_ctx, cluster, extension_name) refuses to remove Flux while configurations use it;
- ensure_flux_extension(cli_ctx, cluster, ...) makes sure a ready microsoft.flux is there, installing it when absent
  (what `flux create` and `flux migrate` do before writing Flux v2 configurations).
The install body itself is payloads.extension.build_flux_extension_install(cluster).
"""

from contextlib import contextmanager

from azure.cli.core.azclierror import AzCLIError, ValidationError
from knack.log import get_logger

from azext_k8s_flux.operations._errors import _sentence, arm_errors
from azext_k8s_flux.operations._writes import send_and_follow
from azext_k8s_flux.validators.extension_rules import is_flux

logger = get_logger(__name__)

_IN_PROGRESS = ("creating", "updating", "accepted", "running")


def find_flux_extension(extensions_client, cluster):
    """The microsoft.flux extension installed on the cluster (whatever its name), or None."""
    with arm_errors(f"the extension list of {cluster.describe()}", cluster):
        for extension in extensions_client.list(*cluster.sdk_args()):
            properties = getattr(extension, "properties", None)
            if is_flux(getattr(properties, "extension_type", None)):
                return extension
    return None


def list_flux_v1_configurations(cli_ctx, cluster):
    """The Flux v1 sourceControlConfigurations still on the cluster (SDK models)."""
    from azext_k8s_flux._client_factory import cf_source_control_configurations

    client = cf_source_control_configurations(cli_ctx)
    with arm_errors(f"the Flux v1 configuration list of {cluster.describe()}", cluster):
        return list(client.list(*cluster.sdk_args()))


def flux_v1_refusal(cluster, names):
    """The error that stops a Flux v2 install while Flux v1 configurations exist (names and exact commands)."""
    commands = [f"  az k8s-configuration delete {cluster.cli_args()} -n {name} --yes" for name in names]
    return ValidationError(
        f"Flux v1 configurations still exist on {cluster.describe()}: {', '.join(names)}. "
        "The Flux v2 extension (microsoft.flux) will not install while they exist, and Flux v1 is retired.",
        ["Delete them, then run this command again:", *commands],
    )


def check_no_flux_v1(cli_ctx, cluster):
    names = [config.name for config in list_flux_v1_configurations(cli_ctx, cluster)]
    if names:
        raise flux_v1_refusal(cluster, names)


def check_no_flux_configurations(cli_ctx, cluster, extension_name):
    """Refuse to delete microsoft.flux while Flux configurations on the cluster still depend on it."""
    from azext_k8s_flux._client_factory import cf_flux_configurations

    client = cf_flux_configurations(cli_ctx)
    with arm_errors(f"the Flux configuration list of {cluster.describe()}", cluster):
        names = [config.name for config in client.list(*cluster.sdk_args())]
    if not names:
        return
    commands = [f"  az k8s-configuration flux delete {cluster.cli_args()} -n {name} --yes" for name in names]
    raise ValidationError(
        f"Flux configurations still use extension '{extension_name}' on {cluster.describe()}: {', '.join(names)}.",
        ["Delete them first:", *commands,
         "or pass --force to delete the extension anyway (their Flux objects are then no longer reconciled)."],
    )



def ensure_flux_extension(cli_ctx, cluster, failure_note="", polling_interval=None):
    """Make sure the cluster has a ready microsoft.flux; install it when absent. True when this call installed it.

    The LIST of extensions is the first request of `flux create`: it also proves that the cluster exists.
    Only when microsoft.flux is missing are the Flux v1 configurations read (they block the install).
    An extension that another command is installing is waited for, never installed again; commands on this
    machine take turns (a lock file per cluster), so concurrent first creates send one install between them.
    `failure_note` is appended to an install failure (what the caller did not do because of it).
    """
    from azext_k8s_flux._client_factory import cf_extensions
    from azext_k8s_flux.operations.install_lock import cluster_lock

    client = cf_extensions(cli_ctx)
    with cluster_lock(cli_ctx, cluster):
        extension = find_flux_extension(client, cluster)
        if extension is not None:
            extension = wait_while_installing(client, cluster, extension, polling_interval)
            check_flux_extension_ready(extension, cluster)
            return False
        check_no_flux_v1(cli_ctx, cluster)
        install_flux_extension(client, cluster, failure_note, polling_interval)
        return True


def _state(extension):
    from azext_k8s_flux import _sdk

    return str((_sdk.as_dict(extension).get("properties") or {}).get("provisioningState") or "Succeeded")


# How long a command waits for an install that another command started (an install takes a few minutes).
INSTALL_WAIT_SECONDS = 20 * 60
_DEFAULT_POLL_SECONDS = 10.0


def wait_while_installing(client, cluster, extension, polling_interval=None):
    """The extension once it is no longer Creating/Updating, or as it is when INSTALL_WAIT_SECONDS have passed.

    One GET per poll, at the caller's interval or the service's Retry-After, whichever is longer.
    """
    import time

    deadline = time.monotonic() + INSTALL_WAIT_SECONDS
    name = extension.name
    if _state(extension).lower() in _IN_PROGRESS:
        logger.warning("The Flux extension '%s' on %s is being installed by another command: waiting for it.",
                       name, cluster.describe())  # fmt: skip
    while _state(extension).lower() in _IN_PROGRESS:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        extension, retry_after = _get_extension(client, cluster, name)
        delay = max(polling_interval or _DEFAULT_POLL_SECONDS, retry_after)
        if _state(extension).lower() in _IN_PROGRESS:
            time.sleep(min(remaining, delay))
    return extension


def _get_extension(client, cluster, name):
    from azext_k8s_flux.operations._reads import get_with_retry_after

    what = f"the Flux extension '{name}' on {cluster.describe()}"
    extension, retry_after = get_with_retry_after(
        client, cluster, name, what, f"{what} was removed while this command waited for its installation.")
    return extension, min(retry_after, 600.0)


def check_flux_extension_ready(extension, cluster):
    """An extension still being installed, or failed, cannot take Flux configurations yet: say which and why."""
    from azext_k8s_flux import _sdk

    properties = _sdk.as_dict(extension).get("properties") or {}
    state = str(properties.get("provisioningState") or "Succeeded")
    name = extension.name
    if state.lower() == "succeeded":
        return
    if state.lower() in _IN_PROGRESS:
        raise ValidationError(
            f"The Flux extension '{name}' on {cluster.describe()} is still {state}. Wait until it has finished "
            f"(az k8s-extension show {cluster.cli_args()} -n {name}) and run this command again."
        )
    error = properties.get("errorInfo") or {}
    messages = [error.get("message")] + [status.get("message") for status in properties.get("statuses") or []]
    reason = "; ".join(m for m in messages if m) or "no error message was given"
    raise ValidationError(
        f"The Flux extension '{name}' on {cluster.describe()} is in state {state}: {reason}",
        f"Fix or remove it (az k8s-extension delete {cluster.cli_args()} -n {name} --yes) and run this command again.",
    )


def install_flux_extension(client, cluster, failure_note="", polling_interval=None):
    from azext_k8s_flux.payloads.extension import FLUX_EXTENSION_NAME, build_flux_extension_install

    logger.warning(
        "The Flux extension (microsoft.flux) is not installed on %s: installing it as '%s' first. "
        "This can take a few minutes.",
        cluster.describe(),
        FLUX_EXTENSION_NAME,
    )
    # A Retry-After from the service still wins over polling_interval.
    options = {"polling_interval": polling_interval} if polling_interval else {}
    what = f"the installation of the Flux extension on {cluster.describe()}"
    try:
        # Once accepted, the extension exists (or is being installed), whatever happens to the follow.
        return send_and_follow(client.begin_create,
                               (*cluster.sdk_args(), FLUX_EXTENSION_NAME, build_flux_extension_install(cluster)),
                               False, what, cluster, installed_note(cluster, FLUX_EXTENSION_NAME),
                               lambda result: result, **options)
    except AzCLIError as error:
        if failure_note:
            raise with_note(error, failure_note) from None
        raise


def with_note(error, note):
    """The same azure-cli error (type, so exit code, and advice) with `note` (what this command did) added to its
    message."""
    extended = type(error)(f"{_sentence(error.error_msg)} {note}")
    extended.recommendations = list(getattr(error, "recommendations", None) or [])
    return extended


def installed_note(cluster, name):
    """What exists after an install Azure accepted, and how to see it and finish the job."""
    return (f"The Flux extension '{name}' may be installed, or still installing: see it with az k8s-extension show "
            f"{cluster.cli_args()} -n {name}. Running this command again waits for it and continues.")  # fmt: skip


@contextmanager
def reporting_install(installed, cluster):
    """Errors after this command installed microsoft.flux say so: the extension stays, and running the command
    again (it then finds the extension) finishes the job."""
    from azext_k8s_flux.payloads.extension import FLUX_EXTENSION_NAME

    try:
        yield
    except AzCLIError as error:
        if not installed:
            raise
        raise with_note(error, f"This command installed the Flux extension '{FLUX_EXTENSION_NAME}' on "
                               f"{cluster.describe()}; it stays installed. Run the same command again to "
                               "finish.") from None  # fmt: skip
