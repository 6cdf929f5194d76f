"""An extension operation that Azure accepted and that then failed says that the extension may be left in a
Failed state, and how to see and fix it."""


def _fail_operation(faults, cluster, method, code, message):
    path = f"{cluster.name}/providers/Microsoft.KubernetesConfiguration/extensions/monitor"
    faults.set_fault("lro-fail", method=method, path=path, code=code, message=message)


def test_failed_install_points_at_show_and_update(cli, faults, new_cluster):
    cluster = new_cluster("connectedClusters")
    _fail_operation(faults, cluster, "PUT", "InstallFailed", "helm install failed")
    result = cli(f"k8s-extension create {cluster.args} -n monitor --extension-type contoso.monitor", expect=1)
    assert "(InstallFailed) helm install failed" in result.stderr
    assert "The extension may be left in a Failed state with the new values" in result.stderr
    assert f"az k8s-extension show {cluster.args} -n monitor" in result.stderr
    _, body = cluster.get("extensions", "monitor")
    assert body["properties"]["provisioningState"] == "Failed"


def test_failed_delete_suggests_force(cli, faults, new_cluster):
    cluster = new_cluster("connectedClusters")
    cli(f"k8s-extension create {cluster.args} -n monitor --extension-type contoso.monitor -o none")
    _fail_operation(faults, cluster, "DELETE", "DeleteFailed", "helm uninstall timed out")
    result = cli(f"k8s-extension delete {cluster.args} -n monitor --yes", expect=1)
    assert "(DeleteFailed) helm uninstall timed out" in result.stderr
    assert "The extension may be left in a Failed state: see it with az k8s-extension show" in result.stderr
    assert "add --force" in result.stderr


def test_any_accepted_then_failed_operation_gets_the_generic_note():
    from azext_k8s_flux.operations._errors import translate_http_error
    from tests.unit.test_errors import _error

    translated = translate_http_error(_error(200, "ReconcileFailed", "boom"), "Flux v1 configuration 'x'")
    message = str(translated)
    assert message.startswith("The operation on Flux v1 configuration 'x' failed: (ReconcileFailed) boom. ")
    assert "may have been left in a Failed state" in message
    assert "matching show command before running this command again" in translated.recommendations[0]
    assert "may have been left" not in str(translate_http_error(_error(400, "Bad", "no"), "x"))
