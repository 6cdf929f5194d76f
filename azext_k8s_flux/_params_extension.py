"""Arguments of the extension commands (names and aliases of the official `az k8s-extension`)."""

from azext_k8s_flux.validators.settings_input import KeyValueAction

AUTO_UPGRADE_MODES = ("none", "patch", "compatible")  # extensions API 2025-03-01 autoUpgradeMode


def load_arguments(loader):
    from azure.cli.core.commands.parameters import get_enum_type, get_three_state_flag

    with loader.argument_context("k8s-extension") as c:
        c.argument("name", options_list=["--name", "-n"], help="Name of the extension instance.")
        c.argument(
            "extension_type",
            options_list=["--extension-type"],
            help="Extension type, e.g. microsoft.flux (case-insensitive; the Flux rules apply to it).",
        )
        c.argument(
            "scope",
            get_enum_type(["cluster", "namespace"]),
            help="Scope of the installation. microsoft.flux is always cluster-scoped.",
        )
        c.argument(
            "release_namespace",
            help="Namespace of a cluster-scoped extension. microsoft.flux always uses flux-system.",
        )
        c.argument("target_namespace", help="Namespace of a namespace-scoped extension.")
        c.argument(
            "release_train",
            arg_group="Version",
            help="Release train to follow with auto-upgrade on. microsoft.flux: Stable or Preview (any casing).",
        )
        c.argument(
            "version",
            arg_group="Version",
            help="Pin this version (needs --auto-upgrade-minor-version false, which is implied when omitted).",
        )
        c.argument(
            "auto_upgrade_minor_version",
            arg_type=get_three_state_flag(),
            options_list=["--auto-upgrade-minor-version", "--auto-upgrade"],
            arg_group="Version",
            help="Upgrade minor versions automatically. Not together with --version true, nor with "
            "--auto-upgrade-mode, which supersedes it.",
        )
        c.argument(
            "auto_upgrade_mode",
            get_enum_type(AUTO_UPGRADE_MODES),
            arg_group="Version",
            help="How the extension follows new versions: none (stays on its version), patch (new patches of "
            "its minor version) or compatible (the service's default). Not together with "
            "--auto-upgrade-minor-version.",
        )
        c.argument(
            "configuration_settings",
            options_list=["--configuration-settings", "--config", c.deprecate(
                target="--config-settings", redirect="--configuration-settings", hide=True)],
            arg_group="Configuration",
            action=KeyValueAction,
            nargs="+",
            help="Settings as key=value pairs, space-separated or repeated, e.g. multiTenancy.enforce=false. "
            "microsoft.flux settings are checked against the settings it knows (listed in k8s-extension create -h).",
        )
        c.argument(
            "configuration_protected_settings",
            options_list=["--config-protected-settings", "--config-protected", c.deprecate(
                target="--configuration-protected-settings", redirect="--config-protected-settings", hide=True)],
            arg_group="Configuration",
            action=KeyValueAction,
            nargs="+",
            help="Protected settings as key=value pairs; they are write-only and never shown. Prefer "
            "--config-protected-file: a command line can be seen by others and in --debug output.",
        )
        c.argument(
            "configuration_settings_file",
            options_list=["--config-settings-file", "--config-file", c.deprecate(
                target="--configuration-settings-file", redirect="--config-settings-file", hide=True)],
            arg_group="Configuration",
            help="JSON or YAML file with a flat mapping of settings; --configuration-settings entries override it.",
        )
        c.argument(
            "configuration_protected_settings_file",
            options_list=["--config-protected-file", "--config-protected-settings-file", c.deprecate(
                target="--configuration-protected-settings-file", redirect="--config-protected-file", hide=True)],
            arg_group="Configuration",
            help="JSON or YAML file with a flat mapping of protected settings.",
        )
        c.argument(
            "remove_settings",
            nargs="+",
            action="extend",  # repeated options add up (argparse would keep only the last)
            options_list=["--remove-settings"],
            help="Names of settings to remove, space-separated or repeated (sent as null, which the service "
            "treats as removal).",
        )
        c.argument(
            "remove_protected_settings",
            nargs="+",
            action="extend",  # repeated options add up (argparse would keep only the last)
            options_list=["--remove-protected-settings"],
            help="Names of protected settings to remove.",
        )
        for part, text in (("name", "Plan ID"), ("product", "Product ID"), ("publisher", "Publisher ID")):
            c.argument(
                f"plan_{part}",
                options_list=[f"--plan-{part}"],
                arg_group="Marketplace",
                help=f"Azure Marketplace offers: the {text} shown under 'Usage Information + Support' of the offer. "
                "Give all three --plan-* options.",
            )
        c.argument("yes", options_list=["--yes", "-y"], action="store_true", help="Do not prompt for confirmation.")
        c.argument(
            "force",
            action="store_true",
            help="Delete the extension resource in Azure at once (forceDelete), even while Flux configurations "
            "still use microsoft.flux.",
        )
