"""Argument shapes. Arguments shared by every command live here; each command group adds its own
in a `_params_<group>.py` module so that one group's options read in one place."""

from azext_k8s_flux._cluster import CLUSTER_TYPES


def load_arguments(loader, command):
    from azure.cli.core.commands.parameters import get_enum_type, resource_group_name_type

    for scope in ("k8s-extension", "k8s-configuration"):
        with loader.argument_context(scope) as c:
            c.argument("resource_group_name", resource_group_name_type)
            c.argument(
                "cluster_name", options_list=["--cluster-name", "-c"], help="Name of the Kubernetes cluster."
            )
            c.argument(
                "cluster_type",
                get_enum_type(CLUSTER_TYPES),
                options_list=["--cluster-type", "-t"],
                help="Kind of cluster: managedClusters (AKS), connectedClusters (Azure Arc), "
                "provisionedClusters (AKS hybrid) or appliances (Arc resource bridge).",
            )
            c.argument(
                "cluster_resource_provider",
                options_list=["--cluster-resource-provider", "--cluster-rp"],
                help="Resource provider of the cluster, when it is not the usual one for --cluster-type "
                "(for example Microsoft.HybridContainerService for provisionedClusters).",
            )

    import importlib

    for module in group_modules(command):
        importlib.import_module(f"azext_k8s_flux.{module}").load_arguments(loader)
    if not command or command == "k8s-extension create":
        from azext_k8s_flux._help_extension import add_flux_settings

        add_flux_settings()  # create's help lists the microsoft.flux settings; no other command loads them


# The group module that declares arguments for a command, by command prefix (first match wins), plus
# _params_wait for the commands that take wait options. azure-cli loads the arguments of the one command
# being run; importing only the modules it needs keeps other groups' imports (validators, the wait loop)
# out of it. An empty command (docs, linters) loads every group. tests/perf checks this against loading all.
_GROUP_MODULES = (
    # The k8s-extension context reaches its subgroup too: load both, so the arguments are those of a full load.
    ("k8s-extension extension-types", ("_params_extension", "_params_extension_types")),
    ("k8s-extension status", ("_params_extension", "_params_fleet")),
    ("k8s-extension", "_params_extension"),
    ("k8s-configuration flux check-manifests", "_params_check_manifests"),
    ("k8s-configuration flux migrate", "_params_source_control"),
    ("k8s-configuration flux wait", None),
    ("k8s-configuration flux status", "_params_fleet"),
    ("k8s-configuration flux wait-rollout", "_params_fleet"),
    ("k8s-configuration flux policy", "policy._params"),
    ("k8s-configuration flux export", "_params_export"),
    ("k8s-configuration flux", "_params_flux"),
    ("k8s-configuration", "_params_source_control"),
)
_WAIT_COMMANDS = {
    "k8s-configuration flux wait",
    "k8s-configuration flux create",
    "k8s-configuration flux update",
    "k8s-configuration flux kustomization create",
    "k8s-configuration flux kustomization update",
    "k8s-extension create",
    "k8s-extension update",
}
ALL_GROUP_MODULES = (
    "_params_extension",
    "_params_extension_types",
    "_params_flux",
    "_params_source_control",
    "_params_check_manifests",
    "_params_wait",
    "_params_fleet",
    "policy._params",
    "_params_export",
)


def group_modules(command):
    if not command:
        return ALL_GROUP_MODULES
    group = next((module for prefix, module in _GROUP_MODULES
                  if command == prefix or command.startswith(prefix + " ")), None)  # fmt: skip
    groups = group if isinstance(group, tuple) else (group,)
    return tuple(filter(None, (*groups, "_params_wait" if command in _WAIT_COMMANDS else None)))
