"""Arguments of `az k8s-configuration flux wait` and of the --wait options."""

from azext_k8s_flux.operations.wait import DEFAULT_INTERVAL, DEFAULT_TIMEOUT, MINIMUM_INTERVAL


def _positive_seconds(minimum):
    def parse(value):
        from azure.cli.core.azclierror import InvalidArgumentValueError

        try:
            seconds = float(value)
        except ValueError:
            raise InvalidArgumentValueError(f"'{value}' is not a number of seconds.") from None
        if seconds < minimum:
            raise InvalidArgumentValueError(f"{value} is too small: use at least {minimum:g} seconds.")
        return seconds

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


def load_arguments(loader):
    with loader.argument_context("k8s-configuration flux wait") as c:
        c.argument("name", options_list=["--name", "-n"], help="Name of the Flux configuration.")
        wait_arguments(c)
