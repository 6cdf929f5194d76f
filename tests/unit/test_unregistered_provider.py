"""An unregistered Microsoft.KubernetesConfiguration: the error names the one command that fixes it.

The SDKs' long-running calls send their first request streamed, so azure-mgmt-core cannot register the
provider by itself for them (it does for the other calls).
"""

NAMESPACE = "Microsoft.KubernetesConfiguration"


def test_flux_create_says_how_to_register(cli, new_cluster, unregistered):
    cluster = new_cluster()
    result = cli(f"k8s-configuration flux create {cluster.args} -n cfg -u https://github.com/org/repo "
                 "--branch main", expect=1)  # fmt: skip
    assert f"az provider register --namespace {NAMESPACE} --wait" in result.stderr
    assert "Traceback" not in result.stderr
    assert cluster.list("fluxConfigurations") == []
