"""Addressing the parent cluster."""

from azext_k8s_flux._cluster import CLUSTER_RESOURCE_PROVIDERS, cluster_ref


def test_advice_commands_keep_a_non_default_resource_provider():
    assert cluster_ref("rg", "c", "managedClusters").cli_args() == "-g rg -c c -t managedClusters"
    hybrid = cluster_ref("rg", "c", "provisionedClusters", "Microsoft.Kubernetes")
    assert hybrid.cli_args() == "-g rg -c c -t provisionedClusters --cluster-rp Microsoft.Kubernetes"


def test_each_cluster_type_maps_to_its_resource_provider():
    assert cluster_ref("rg", "c", "appliances").sdk_args() == ("rg", "Microsoft.ResourceConnector", "appliances", "c")
    assert CLUSTER_RESOURCE_PROVIDERS["provisionedClusters"] == "Microsoft.HybridContainerService"
