"""Arguments of the Flux v1 commands (`az k8s-configuration list|show|delete|create`) and of
`az k8s-configuration flux migrate`. Each context names exactly one command, so nothing here leaks
into the Flux v2 commands."""

from azext_k8s_flux.flux_model.official_spellings import FLUX_V1_CREATE, aliases


def _pairs(context, dest, help_text, **settings):
    """A NAME=VALUE option of migrate: repeated options and several pairs add up (argparse alone would keep
    only the last occurrence)."""
    context.argument(dest, options_list=["--" + dest.replace("_", "-")], nargs="+", action="extend", validator=None,
                     help=help_text, **settings)


def load_arguments(loader):
    for command in ("show", "delete", "create"):
        with loader.argument_context(f"k8s-configuration {command}") as c:
            c.argument("name", options_list=["--name", "-n"], help="Name of the Flux v1 configuration.")

    with loader.argument_context("k8s-configuration delete") as c:
        c.argument("yes", options_list=["--yes", "-y"], action="store_true",
                   help="Accepted for scripts that pass it; deleting a Flux v1 configuration does not prompt.")

    # `create` is refused; it accepts the options of the retired command so that old scripts get that
    # explanation instead of an unknown-argument error.
    legacy = {
        "repository_url": (["--repository-url", "-u"], "URL of the Git repository."),
        "scope": (["--scope"], "Scope of the operator: cluster or namespace."),
        "operator_instance_name": (["--operator-instance-name"], "Instance name of the operator."),
        "operator_namespace": (["--operator-namespace"], "Namespace of the operator."),
        "operator_params": (["--operator-params"], "Parameters of the operator."),
        "operator_type": (["--operator-type"], "Type of the operator."),
        "helm_operator_params": (["--helm-operator-params"], "Chart values of the Helm operator."),
        "helm_operator_chart_version": (
            ["--helm-operator-chart-version", "--helm-operator-version"],
            "Chart version of the Helm operator.",
        ),
        "ssh_private_key": (["--ssh-private-key"], "Base64-encoded private SSH key."),
        "ssh_private_key_file": (["--ssh-private-key-file"], "File of a private SSH key."),
        "https_user": (["--https-user"], "HTTPS user name."),
        "https_key": (["--https-key"], "HTTPS token or password."),
        "ssh_known_hosts": (["--ssh-known-hosts"], "Base64-encoded known_hosts contents."),
        "ssh_known_hosts_file": (["--ssh-known-hosts-file"], "File of known_hosts contents."),
    }
    with loader.argument_context("k8s-configuration create", arg_group="Retired Flux v1") as c:
        for dest, (options, text) in legacy.items():
            c.argument(dest, options_list=[*options, *aliases(FLUX_V1_CREATE, dest)],
                       help=f"{text} Accepted only to explain that Flux v1 is retired.")  # fmt: skip
        c.argument(
            "enable_helm_operator",
            options_list=["--enable-helm-operator", *aliases(FLUX_V1_CREATE, "enable_helm_operator")],
            nargs="?",
            const="true",
            help="Enable the Helm operator. Accepted only to explain that Flux v1 is retired.",
        )

    with loader.argument_context("k8s-configuration flux migrate") as c:
        c.argument(
            "dry_run",
            options_list=["--dry-run"],
            action="store_true",
            validator=None,
            help="Print the plan (JSON) and change nothing.",
        )
        c.argument("yes", options_list=["--yes", "-y"], action="store_true", validator=None,
                   help="Do not prompt for confirmation.")
        c.argument(
            "plan_file",
            options_list=["--plan-file"],
            validator=None,
            help="File that keeps the plan and progress of the migration, so an interrupted run can be continued "
            "(default: a file per cluster in the Azure CLI configuration folder). It never holds secrets.",
        )
        _pairs(c, "rename",
               "Create a Flux v1 configuration as a Flux v2 configuration of another name, as V1_NAME=V2_NAME "
               "(V2_NAME: a new Flux configuration name); repeat the option or give several pairs. Use it when a "
               "Flux v2 configuration of the same name already exists for another repository. Only the "
               "configuration's name changes; its kustomizations keep theirs. An interrupted migration keeps the "
               "names of its first run: run it again with the same --rename or none; a different one is refused.")
        _pairs(c, "ssh_private_key_file",
               "Private SSH key to use for a configuration, as NAME=PATH (NAME: the Flux v1 configuration, also "
               "when --rename gives it another v2 name); repeat the option or give several pairs for several "
               "configurations. Without one, Flux generates a key pair and the public key to register is printed "
               "after the migration.", arg_group="Credentials")
        _pairs(c, "https_user",
               "HTTPS user name for a configuration, as NAME=USER (NAME: the Flux v1 configuration, also when "
               "--rename gives it another v2 name). Give --https-key-file for it too.", arg_group="Credentials")
        _pairs(c, "https_key_file",
               "File holding the HTTPS token or password for a configuration, as NAME=PATH (NAME: the Flux v1 "
               "configuration, also when --rename gives it another v2 name).", arg_group="Credentials")
