"""Arguments of the fleet commands: `flux status`, `flux wait-rollout` and `k8s-extension status`."""

_FRESHNESS = " Resource Graph can lag Azure Resource Manager by minutes."


def _scope_arguments(c):
    c.argument("subscriptions", options_list=["--subscriptions"], nargs="+", arg_group="Scope",
               help="Subscription IDs to look in (any number; sent 1,000 per query). Default: the current one.")
    c.argument("management_groups", options_list=["--management-groups"], nargs="+", arg_group="Scope",
               help="Management group names to look in, instead of subscriptions.")
    c.argument("resource_group_name", options_list=["--resource-group", "-g"], nargs="+", arg_group="Scope",
               help="Only clusters in these resource groups.")


def _percentage(value):
    from argparse import ArgumentTypeError

    try:
        number = float(value)
    except ValueError:
        raise ArgumentTypeError(f"'{value}' is not a number.") from None
    if not 0 < number <= 100:
        raise ArgumentTypeError(f"{value} is not a percentage between 0 (excluded) and 100.")
    return number


def load_arguments(loader):
    from azure.cli.core.commands.parameters import get_enum_type

    from azext_k8s_flux._params_wait import _positive_seconds, wait_arguments

    compliance_states = ("Compliant", "Non-Compliant", "Pending", "Suspended", "Unknown")
    with loader.argument_context("k8s-configuration flux status") as c:
        _scope_arguments(c)
        c.argument("name", options_list=["--name", "-n"], nargs="+",
                   help="Only Flux configurations with these names.")
        c.argument("url", options_list=["--url", "-u"],
                   help="Only configurations that follow this Git repository URL (as given to flux create).")
        c.argument("compliance_state", options_list=["--compliance-state", "--compliance"], nargs="+",
                   arg_type=get_enum_type(compliance_states), help="Only configurations in these compliance states.")
        c.argument("synced_to", help="Only configurations synced to this commit (<branch>/<sha> as Flux reports "
                   "it, or a SHA, possibly abbreviated).")
        c.argument("not_synced_to", help="Only configurations not synced to this commit.")
        c.argument("missing", action="store_true",
                   help="List the clusters in scope that have no Flux configuration named -n/--name instead.")
        c.argument("fail_on_noncompliant", action="store_true",
                   help="Exit 4 when any configuration listed is not Compliant (0 otherwise), as flux wait does.")
        c.argument("verify_with_arm", action="store_true", help="Re-read every configuration that is not Compliant "
                   "through Azure Resource Manager (one request each)." + _FRESHNESS)

    with loader.argument_context("k8s-configuration flux wait-rollout") as c:
        _scope_arguments(c)
        c.argument("commit", options_list=["--commit"], help="The commit to wait for: <branch>/<sha> as Flux "
                   "reports it (main/4f1bdad0...), or a SHA, possibly abbreviated.")
        c.argument("name", options_list=["--name", "-n"], nargs="+", help="Only Flux configurations with these names.")
        c.argument("url", options_list=["--url", "-u"],
                   help="Only configurations that follow this Git repository URL: those a push there reaches.")
        c.argument("percentage", type=_percentage,
                   help="Done when this share of the configurations is compliant at the commit. Default: 100.")
        wait_arguments(c)
        c.argument("interval", type=_positive_seconds(1),
                   help="Seconds between Resource Graph queries (at least 1; longer when ARG asks). Default: 30.")
        c.argument("verify_with_arm", action="store_true", help="Before reporting a failure, re-read the failed "
                   "configurations through Azure Resource Manager." + _FRESHNESS)

    with loader.argument_context("k8s-extension status") as c:
        _scope_arguments(c)
        c.argument("extension_type", options_list=["--extension-type"],
                   help="Extension type to audit. Default: microsoft.flux (whose supported window is checked).")
        c.argument("outside_window", action="store_true",
                   help="microsoft.flux: only the clusters whose version is outside the supported window.")
