"""Azure CLI extension for GitOps with Flux v2 on AKS and Azure Arc-enabled Kubernetes."""

from azure.cli.core import AzCommandsLoader

from azext_k8s_flux._help import helps  # noqa: F401  (registers the YAML help entries)

COMMAND_GROUPS = ("k8s-extension", "k8s-configuration")


def _no_abbreviations(_cli_ctx, parser=None, **_):
    # argparse would take a prefix as the longer option it starts (--config-settings a=b read as
    # --config-settings-file): our commands accept only options spelled in full.
    for command, command_parser in getattr(parser, "subparser_map", {}).items():
        if command.split()[0] in COMMAND_GROUPS:
            _abbreviate_global_options_only(command_parser)


def _abbreviate_global_options_only(command_parser):
    """Prefixes still reach azure-cli's own options (`--out table`, `--sub ID` work as with every az command);
    its options' destinations start with '_', ours never do. argparse offers no public hook for this."""
    find = command_parser._get_option_tuples
    if getattr(find, "global_only", False):
        return

    def global_matches(option_string):
        return [match for match in find(option_string) if match[0].dest.startswith("_")]

    global_matches.global_only = True
    command_parser._get_option_tuples = global_matches


class K8sFluxCommandsLoader(AzCommandsLoader):
    def __init__(self, cli_ctx=None):
        from knack.events import EVENT_INVOKER_CMD_TBL_LOADED

        super().__init__(cli_ctx=cli_ctx)
        if cli_ctx is not None:
            cli_ctx.register_event(EVENT_INVOKER_CMD_TBL_LOADED, _no_abbreviations)

    def load_command_table(self, args):
        from azext_k8s_flux.commands import load_command_table

        load_command_table(self, args)
        return self.command_table

    def load_arguments(self, command):
        from azext_k8s_flux._params import load_arguments
        from azext_k8s_flux._process_exit import skip_final_collection

        # azure-cli loads our arguments when one of our commands is about to run.
        skip_final_collection()
        _check_command_line_of(self.cli_ctx)
        load_arguments(self, command)


def _check_command_line_of(cli_ctx):
    """Check the command line of our commands before argparse or any handler sees (and repeats) a value."""
    from knack.events import EVENT_INVOKER_PRE_PARSE_ARGS

    from azext_k8s_flux._validators import check_command_line

    if not getattr(cli_ctx, "_k8s_flux_argument_check", False):
        cli_ctx._k8s_flux_argument_check = True
        cli_ctx.register_event(EVENT_INVOKER_PRE_PARSE_ARGS, lambda _cli, **kwargs: check_command_line(
            kwargs.get("args") or []))


COMMAND_LOADER_CLS = K8sFluxCommandsLoader
