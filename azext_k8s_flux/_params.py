"""Argument shapes. Arguments shared by every command live here; each command group adds its own
in a `_params_<group>.py` module so that one group's options read in one place."""

from azext_k8s_flux._cluster import CLUSTER_TYPES


def load_arguments(loader, _):
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

    from azext_k8s_flux import (
        _params_check_manifests,
        _params_extension,
        _params_flux,
        _params_source_control,
        _params_wait,
    )

    _params_extension.load_arguments(loader)
    _params_flux.load_arguments(loader)
    _params_source_control.load_arguments(loader)
    _params_check_manifests.load_arguments(loader)
    _params_wait.load_arguments(loader)
