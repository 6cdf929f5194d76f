"""An RBAC denial is reported as one, in every command group: never as 'nothing to delete'."""


def test_flux_delete_denied(cli, new_cluster, faults):
    cluster = new_cluster()
    cli(f"k8s-configuration flux create {cluster.args} -n cfg -u https://github.com/org/repo --branch main")
    faults.set_fault("forbidden", method="DELETE", path="fluxConfigurations/cfg")
    result = cli(f"k8s-configuration flux delete {cluster.args} -n cfg --yes", expect=1)
    assert "Access to Flux configuration 'cfg'" in result.stderr and "was denied" in result.stderr
    assert "AuthorizationFailed" in result.stderr
    assert "not found" not in result.stderr.lower()
    assert cluster.get("fluxConfigurations", "cfg")[0] == 200  # still there


def test_extension_delete_denied(cli, new_cluster, faults):
    cluster = new_cluster()
    cli(f"k8s-extension create {cluster.args} -n flux --extension-type microsoft.flux")
    faults.set_fault("forbidden", method="DELETE", path="extensions/flux")
    result = cli(f"k8s-extension delete {cluster.args} -n flux --yes", expect=1)
    assert "was denied" in result.stderr and "AuthorizationFailed" in result.stderr
    assert cluster.get("extensions", "flux")[0] == 200


def test_flux_v1_delete_denied(cli, new_cluster, faults):
    cluster = new_cluster()
    cluster.put("sourceControlConfigurations", "old", {"properties": {
        "repositoryUrl": "https://github.com/org/repo", "operatorType": "Flux", "operatorScope": "cluster"}})
    faults.set_fault("forbidden", method="DELETE", path="sourceControlConfigurations/old")
    result = cli(f"k8s-configuration delete {cluster.args} -n old --yes", expect=1)
    assert "denied" in result.stderr and "AuthorizationFailed" in result.stderr
    assert cluster.get("sourceControlConfigurations", "old")[0] == 200
