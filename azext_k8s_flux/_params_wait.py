"""Arguments of `az k8s-configuration flux wait` and of the --wait options."""

from azext_k8s_flux.operations.wait import DEFAULT_INTERVAL, DEFAULT_TIMEOUT, MINIMUM_INTERVAL


def _positive_seconds(minimum):
    # ArgumentTypeError lets argparse name the option in the message ("argument --wait-timeout: ...").
    def parse(value):
        from argparse import ArgumentTypeError

        from azext_k8s_flux.validators.flux_configuration.durations import finite_seconds

        try:
            return finite_seconds(value, minimum)
        except ValueError as error:
            raise ArgumentTypeError(str(error)) from None

    return parse


def wait_arguments(context):
    """--timeout and --interval, for `flux wait` and for commands that take --wait."""
    context.argument(
        "timeout", type=_positive_seconds(1), help=f"Seconds to wait for compliance. Default: {DEFAULT_TIMEOUT}."
    )
    context.argument(
        "interval",
        type=_positive_seconds(MINIMUM_INTERVAL),
        help=f"Seconds between status reads (at least {MINIMUM_INTERVAL:g}). Default: {DEFAULT_INTERVAL:g}.",
    )


_SEE_FLUX_WAIT = "see 'az k8s-configuration flux wait -h' for the progress shown and the exit codes"
# Each command's --wait says what it waits for there: one configuration, or every one of the cluster.
_CONFIGURATION_WAIT_HELP = (
    "After the change, wait until Flux has applied the configuration in the cluster (reads its compliance state "
    f"through Azure; {_SEE_FLUX_WAIT})."
)
_EXTENSION_WAIT_HELP = (
    "For microsoft.flux: after the change, wait until every Flux configuration of the cluster is compliant "
    f"(reads their compliance state through Azure; {_SEE_FLUX_WAIT})."
)


def load_arguments(loader):
    from azure.cli.core.commands.parameters import get_three_state_flag

    with loader.argument_context("k8s-configuration flux wait") as c:
        c.argument("name", options_list=["--name", "-n"], help="Name of the Flux configuration.")
        wait_arguments(c)

    # `--wait` where it is free; kustomization commands already use --wait and --timeout for the
    # kustomization's own fields (as the upstream command does), so they take the long forms only.
    for command, options, wait_help in (
        ("k8s-configuration flux create", ["--wait", "--wait-for-compliance"], _CONFIGURATION_WAIT_HELP),
        ("k8s-configuration flux update", ["--wait", "--wait-for-compliance"], _CONFIGURATION_WAIT_HELP),
        ("k8s-configuration flux kustomization create", ["--wait-for-compliance"], _CONFIGURATION_WAIT_HELP),
        ("k8s-configuration flux kustomization update", ["--wait-for-compliance"], _CONFIGURATION_WAIT_HELP),
        ("k8s-extension create", ["--wait", "--wait-for-compliance"], _EXTENSION_WAIT_HELP),
        ("k8s-extension update", ["--wait", "--wait-for-compliance"], _EXTENSION_WAIT_HELP),
    ):
        with loader.argument_context(command) as c:
            c.argument("wait_for_compliance", options_list=options, action="store_true", help=wait_help)
            c.argument("wait_timeout", type=_positive_seconds(1),
                       help=f"Seconds to wait with {options[0]}. Default: {DEFAULT_TIMEOUT}.")  # fmt: skip
            c.argument("wait_interval", type=_positive_seconds(MINIMUM_INTERVAL),
                       help=f"Seconds between status reads with {options[0]} (at least {MINIMUM_INTERVAL:g}). "
                       f"Default: {DEFAULT_INTERVAL:g}.")  # fmt: skip

    with loader.argument_context("k8s-configuration flux create") as c:
        c.argument("wait_for_reconciliation", arg_type=get_three_state_flag(),
                   help="Ask Azure to finish the create only once Flux has reconciled the configuration "
                   "(server-side wait of the API).")  # fmt: skip
        c.argument("reconciliation_wait_duration",
                   help="How long Azure waits for reconciliation with --wait-for-reconciliation, as a Go "
                   "duration such as 30m or 1h.")  # fmt: skip
