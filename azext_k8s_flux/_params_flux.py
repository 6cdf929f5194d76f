"""Arguments of the flux commands (configurations, kustomizations, deployed objects).

Each context names the commands it serves, so that the other commands of the `flux` group (migrate,
check-manifests) do not inherit these options. The source options come from the description
(flux_model.source_fields), grouped in the help as the official extension groups them; the official spellings that
differ from ours are aliases (see flux_model.official_spellings).
"""

from azext_k8s_flux.flux_model.official_spellings import add_hidden_aliases, aliases

_FLUX = "k8s-configuration flux"
KUSTOMIZATION_GROUP = "Kustomization"


def _source_arguments(c):
    """Every source option of the description (flux_model.source_fields), with its file form and official
    spellings. Registered as extras: the handlers take them as keywords (**kwargs)."""
    from azure.cli.core.commands.parameters import get_enum_type, get_three_state_flag

    from azext_k8s_flux.flux_model import fields
    from azext_k8s_flux.flux_model.field import FILE_NOTE

    for field in fields():
        settings = dict(field.extra)
        if field.value == "flag":
            settings["arg_type"] = get_three_state_flag()
        elif field.choices:
            settings["arg_type"] = get_enum_type(list(field.choices))
        elif field.value == "list":
            settings["nargs"] = "+"
        help_text = field.help + (FILE_NOTE.format(file=field.file_flag) if field.file else "")
        official = {field.name: field.aliases}
        c.extra(field.name, options_list=[field.flag, *field.options, *aliases(official, field.name)],
                arg_group=field.group, help=help_text, **settings)  # fmt: skip
        if field.file:
            c.extra(field.file_name, options_list=[field.file_flag], arg_group=field.group,
                    help=f"Path of a file holding the value of {field.flag}.")  # fmt: skip
        add_hidden_aliases(c, official, field.name, settings.get("arg_type"), field.group)


def _kustomization_arguments(c):
    """The options of `flux kustomization create|update`, one per field of flux_model.kustomization_fields, as
    extras: the handlers take them as **kwargs."""
    from azure.cli.core.commands.parameters import get_three_state_flag

    from azext_k8s_flux.flux_model.kustomization_fields import FIELDS

    for field in FIELDS:
        if field.help is None:
            continue
        settings = {"arg_type": get_three_state_flag()} if field.parser == "bool" else {}
        if field.parser == "list":
            settings["nargs"] = "+"
        official = aliases({field.key: field.aliases}, field.key)
        c.extra(field.key, options_list=[field.flag, *field.options, *official], arg_group=KUSTOMIZATION_GROUP,
                help=field.help, **settings)  # fmt: skip


def load_arguments(loader):
    from azure.cli.core.commands.parameters import get_enum_type, get_three_state_flag

    from azext_k8s_flux._actions import KustomizationAddAction

    commands = ("create", "update", "delete", "show", "list")
    for verb in commands:
        with loader.argument_context(f"{_FLUX} {verb}") as c:
            required = " Required, unless --file gives it (its `name`)." if verb in ("create", "update") else ""
            c.argument("name", options_list=["--name", "-n"], help="Name of the Flux configuration." + required)
    for verb in ("create", "update"):
        with loader.argument_context(f"{_FLUX} {verb}") as c:
            _source_arguments(c)
            c.argument("kind", help="Source kind: git (default on create), bucket, azblob or oci. Changing it on "
                       "update asks for confirmation and removes the old source.")  # fmt: skip
            c.argument("kustomization", options_list=["--kustomization", "-k"], nargs="+",
                       action=KustomizationAddAction, arg_group=KUSTOMIZATION_GROUP,
                       help="A kustomization, as space-separated key=value items: name=NAME path=PATH "
                            "depends_on=a,b timeout=10m sync_interval=10m retry_interval=1m prune=true force=false "
                            "wait=true disable_health_check=false post_build_substitute=VAR=value,... "
                            "post_build_substitute_from=ConfigMap:NAME,Secret:NAME:optional. Repeat -k for more. "
                            "On update, -k changes only the keys it gives of the kustomizations it names (a new "
                            "name is added); others keep their values (see --replace-kustomizations).")  # fmt: skip
            c.argument("suspend", arg_type=get_three_state_flag(), help="Suspend (true) or resume (false) syncing.")
            c.argument("file", options_list=["--file"], arg_group="Document",
                       help="A YAML or JSON document of the configuration (the shape `flux show -o json` prints; see "
                            "the command's help). Options given as well override single fields of it; -n may come "
                            "from its `name`. Only what differs from the configuration on the cluster is sent.")
            c.argument("what_if", options_list=["--what-if"], action="store_true", arg_group="Document",
                       help="Print what would change (field by field, secrets only as set) and send no write.")
    with loader.argument_context(f"{_FLUX} create") as c:
        c.argument("scope", options_list=["--scope", "-s"], arg_type=get_enum_type(["cluster", "namespace"]),
                   help="Scope of the configuration: cluster (default) or namespace.")  # fmt: skip
        c.argument("namespace", options_list=["--namespace", "--ns"],
                   help="Namespace of the configuration's Flux objects. Default: default.")  # fmt: skip
    with loader.argument_context(f"{_FLUX} update") as c:
        c.argument("yes", options_list=["--yes", "-y"], help="Do not ask before switching the source kind or "
                   "removing kustomizations left out of -k with --replace-kustomizations.")  # fmt: skip
        c.argument("replace_kustomizations", action="store_true",
                   help="-k gives the complete set of kustomizations: fields left out return to their defaults and "
                   "kustomizations not named are removed (after a confirmation, or with --yes).")  # fmt: skip
    with loader.argument_context(f"{_FLUX} delete") as c:
        c.argument("yes", options_list=["--yes", "-y"], help="Do not ask for confirmation.")
        c.argument("force", arg_type=get_three_state_flag(),
                   help="Remove the resource from Azure even if the cluster cannot clean up.")  # fmt: skip
    with loader.argument_context(f"{_FLUX} kustomization") as c:
        c.argument("name", options_list=["--name", "-n"], help="Name of the Flux configuration.")
        c.argument("kustomization_name", options_list=["--kustomization-name", "-k"], help="Name of the kustomization.")
    for verb in ("create", "update"):
        with loader.argument_context(f"{_FLUX} kustomization {verb}") as c:
            _kustomization_arguments(c)
    with loader.argument_context(f"{_FLUX} kustomization delete") as c:
        c.argument("yes", options_list=["--yes", "-y"], help="Do not ask for confirmation.")
    with loader.argument_context(f"{_FLUX} deployed-object") as c:
        c.argument("name", options_list=["--name", "-n"], help="Name of the Flux configuration.")
        c.argument("object_name", help="Name of the deployed object.")
        c.argument("object_namespace", help="Namespace of the deployed object.")
        c.argument("object_kind", help="Kind of the deployed object, e.g. GitRepository or Kustomization.")
