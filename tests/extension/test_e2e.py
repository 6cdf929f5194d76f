"""End-to-end: the commands against the local ARM emulator, in-process (`cli`) and as real `az` processes.

Request counts come from the emulator's request log, filtered to one fresh cluster per test.
"""

import json

import pytest

pytest.importorskip("arm_emulator.testing")

SECRET = "pr0tected-Value-9f8e7d"


def arm_requests(emulator, cluster):
    """(method, path suffix after Microsoft.KubernetesConfiguration/) of the ARM requests about one cluster."""
    marker = f"/{cluster.name}/providers/Microsoft.KubernetesConfiguration/"
    return [
        (entry["method"], entry["path"].split(marker, 1)[1])
        for entry in emulator.requests(kind="arm")
        if marker.lower() in entry["path"].lower()
    ]


def writes(emulator, cluster):
    return [request for request in arm_requests(emulator, cluster) if request[0] in ("PUT", "PATCH", "DELETE")]


@pytest.mark.parametrize("cluster_type", ["managedClusters", "connectedClusters", "provisionedClusters", "appliances"])
def test_create_flux_on_every_cluster_type_lists_v1_then_puts_once(cli, emulator, new_cluster, cluster_type):
    cluster = new_cluster(cluster_type)
    result = cli(f"k8s-extension create {cluster.args} -n flux --extension-type Microsoft.Flux "
                 "--config multiTenancy.enforce=FALSE -o json")
    properties = result.json
    assert properties["extensionType"] == "microsoft.flux"
    assert properties["scope"]["cluster"] == {"releaseNamespace": "flux-system"}
    assert properties["configurationSettings"] == {"multiTenancy.enforce": "false"}
    assert properties["provisioningState"] == "Succeeded"
    requests = arm_requests(emulator, cluster)
    assert requests[0] == ("GET", "sourceControlConfigurations")
    assert [method for method, _ in requests] == ["GET", "PUT", "GET", "GET"]  # list v1, PUT, one poll, final GET


def test_settings_file_booleans_reach_the_service_as_true_false(cli, new_cluster, tmp_path):
    cluster = new_cluster()
    settings = tmp_path / "flux.yaml"
    settings.write_text("multiTenancy.enforce: False\nimage-automation-controller.enabled: true\n")
    cli(f"k8s-extension create {cluster.args} -n flux --extension-type microsoft.flux "
        f"--config-settings-file {settings} -o none")
    _, body = cluster.get("extensions", "flux")
    assert body["properties"]["configurationSettings"] == {
        "multiTenancy.enforce": "false",
        "image-automation-controller.enabled": "true",
    }


def test_create_flux_is_refused_while_flux_v1_configurations_exist(cli, emulator, new_cluster):
    cluster = new_cluster("managedClusters")
    status, body = cluster.put("sourceControlConfigurations", "legacy-config", {"properties": {
        "repositoryUrl": "https://github.com/example/legacy", "operatorType": "Flux",
        "operatorNamespace": "legacy", "operatorInstanceName": "legacy"}})
    assert status in (200, 201), body
    result = cli(f"k8s-extension create {cluster.args} -n flux --extension-type microsoft.flux", expect=None)
    assert result.exit_code != 0
    assert "legacy-config" in result.stderr
    assert f"az k8s-configuration delete {cluster.args} -n legacy-config --yes" in result.stderr
    assert writes(emulator, cluster) == [("PUT", "sourceControlConfigurations/legacy-config")]
    assert cluster.list("extensions") == []


def test_namespace_scope_is_refused_before_any_request(cli, emulator, new_cluster):
    cluster = new_cluster()
    result = cli(f"k8s-extension create {cluster.args} -n flux --extension-type microsoft.flux --scope namespace",
                 expect=None)
    assert result.exit_code != 0 and "always cluster-scoped" in result.stderr
    assert arm_requests(emulator, cluster) == []


def test_update_patches_only_what_changed_and_removes_settings(cli, emulator, new_cluster):
    cluster = new_cluster()
    cli(f"k8s-extension create {cluster.args} -n flux --extension-type microsoft.flux "
        "--config multiTenancy.enforce=false helm-controller.detectDrift=true -o none")
    emulator.clear_requests()
    unchanged = cli(f"k8s-extension update {cluster.args} -n flux --config multiTenancy.enforce=False -o json")
    assert "Nothing to change" in unchanged.stderr
    assert writes(emulator, cluster) == []
    cli(f"k8s-extension update {cluster.args} -n flux --remove-settings helm-controller.detectDrift "
        "--config source-controller.log-level=DEBUG -o none")
    assert writes(emulator, cluster) == [("PATCH", "extensions/flux")]
    _, body = cluster.get("extensions", "flux")
    assert body["properties"]["configurationSettings"] == {
        "multiTenancy.enforce": "false",
        "source-controller.log-level": "debug",
    }


def test_update_pin_version_turns_auto_upgrade_off(cli, new_cluster):
    cluster = new_cluster()
    cli(f"k8s-extension create {cluster.args} -n flux --extension-type microsoft.flux -o none")
    result = cli(f"k8s-extension update {cluster.args} -n flux --version 1.17.2 -o json")
    assert result.json["version"] == "1.17.2"
    assert result.json["autoUpgradeMinorVersion"] is False


def test_delete_is_refused_while_flux_configurations_exist_unless_force(cli, emulator, new_cluster):
    cluster = new_cluster()
    cli(f"k8s-extension create {cluster.args} -n flux --extension-type microsoft.flux -o none")
    status, body = cluster.put("fluxConfigurations", "team-app", {"properties": {
        "scope": "namespace", "namespace": "team-app", "sourceKind": "GitRepository",
        "gitRepository": {"url": "https://github.com/example/app", "repositoryRef": {"branch": "main"}},
        "kustomizations": {"app": {"path": "./deploy"}}}})
    assert status in (200, 201), body
    refused = cli(f"k8s-extension delete {cluster.args} -n flux --yes", expect=None)
    assert refused.exit_code != 0 and "team-app" in refused.stderr
    assert f"az k8s-configuration flux delete {cluster.args} -n team-app --yes" in refused.stderr
    assert ("DELETE", "extensions/flux") not in writes(emulator, cluster)
    cli(f"k8s-extension delete {cluster.args} -n flux --yes --force")
    assert cluster.get("extensions", "flux")[0] == 404


def test_delete_of_a_missing_extension_is_not_found(cli, new_cluster):
    cluster = new_cluster()
    result = cli(f"k8s-extension delete {cluster.args} -n nothing --yes", expect=3)
    assert "not found" in result.stderr


def test_delete_reports_a_server_error_as_such(cli, emulator, new_cluster):
    cluster = new_cluster()
    cli(f"k8s-extension create {cluster.args} -n other --extension-type vendor.thing -o none")
    emulator.set_fault("error", status=501, method="DELETE", path=f"{cluster.name}/providers")
    try:
        result = cli(f"k8s-extension delete {cluster.args} -n other --yes", expect=None)
    finally:
        emulator.clear_faults()
    assert result.exit_code != 0 and "HTTP 501" in result.stderr
    assert "Traceback" not in result.stderr


def test_az_table_query_and_exit_codes(az, new_cluster):
    cluster = new_cluster()
    az(f"k8s-extension create {cluster.args} -n flux --extension-type microsoft.flux --release-train stable -o none")
    table = az(f"k8s-extension list {cluster.args} -o table").stdout
    header = table.splitlines()[0].split()
    assert header == ["Name", "ExtensionType", "Version", "ProvisioningState", "ReleaseTrain", "AutoUpgrade"]
    assert "microsoft.flux" in table and "Stable" in table
    assert az(f"k8s-extension show {cluster.args} -n flux --query extensionType -o tsv").stdout.strip() \
        == "microsoft.flux"
    bad = az(f"k8s-extension create {cluster.args} -n flux2 --extension-type microsoft.flux "
             "--config multiTenancy.enforce=maybe", expect=None)
    assert bad.exit_code != 0 and "Traceback" not in bad.stderr
    assert "'maybe'" in bad.stderr and "multiTenancy.enforce" in bad.stderr and "true or false" in bad.stderr


def test_az_debug_output_holds_no_protected_value(az, new_cluster, tmp_path):
    cluster = new_cluster()
    protected = tmp_path / "protected.json"
    protected.write_text(json.dumps({"gitToken": SECRET}))
    created = az(f"k8s-extension create {cluster.args} -n ext --extension-type vendor.thing "
                 f"--config-protected-file {protected} --debug")
    assert SECRET not in created.output
    protected.write_text(json.dumps({"gitToken": SECRET + "-2"}))
    updated = az(f"k8s-extension update {cluster.args} -n ext --config-protected-file {protected} --yes --debug")
    assert SECRET not in updated.output
    shown = az(f"k8s-extension show {cluster.args} -n ext --debug")
    assert SECRET not in shown.output


def test_az_protected_update_without_terminal_fails_fast_naming_yes(az, emulator, new_cluster, tmp_path):
    cluster = new_cluster()
    az(f"k8s-extension create {cluster.args} -n ext --extension-type vendor.thing -o none")
    protected = tmp_path / "protected.yaml"
    protected.write_text(f"gitToken: {SECRET}\n")
    emulator.clear_requests()
    result = az(f"k8s-extension update {cluster.args} -n ext --config-protected-file {protected}", expect=None)
    assert result.exit_code != 0 and "--yes" in result.stderr and SECRET not in result.output
    assert writes(emulator, cluster) == []


def _help_examples():
    import yaml

    from azext_k8s_flux._help import helps

    for command in ("create", "update", "show", "list", "delete"):
        for example in yaml.safe_load(helps[f"k8s-extension {command}"])["examples"]:
            yield pytest.param(command, example["text"], id=f"{command}: {example['name']}")


@pytest.mark.parametrize("command, text", list(_help_examples()))
def test_help_examples_run(cli, new_cluster, tmp_path, monkeypatch, command, text):
    import shlex

    words = shlex.split(text.replace("\\\n", " "))[1:]  # the examples continue lines with a backslash
    cluster = new_cluster(words[words.index("-t") + 1])
    monkeypatch.chdir(tmp_path)
    (tmp_path / "flux-settings.yaml").write_text("helm-controller.detectDrift: true\n")
    (tmp_path / "protected.json").write_text(json.dumps({"token": SECRET}))
    if command != "create":
        cli(f"k8s-extension create {cluster.args} -n flux --extension-type microsoft.flux -o none")
        cli(f"k8s-extension create {cluster.args} -n my-extension --extension-type vendor.thing -o none")
    replaced = [{"$RG": cluster.resource_group, "$CLUSTER": cluster.name}.get(word, word) for word in words]
    cli(*replaced, "-o", "none")


def test_request_counts_of_update_and_delete(cli, emulator, new_cluster):
    cluster = new_cluster()
    cli(f"k8s-extension create {cluster.args} -n flux --extension-type microsoft.flux -o none")
    emulator.clear_requests()
    cli(f"k8s-extension update {cluster.args} -n flux --config multiTenancy.enforce=false -o none")
    # read (type and current values), PATCH, one poll, the SDK's final GET
    assert [method for method, _ in arm_requests(emulator, cluster)] == ["GET", "PATCH", "GET", "GET"]
    emulator.clear_requests()
    cli(f"k8s-extension delete {cluster.args} -n flux --yes")
    requests = arm_requests(emulator, cluster)
    assert [method for method, _ in requests] == ["GET", "GET", "DELETE", "GET"]
    assert requests[1] == ("GET", "fluxConfigurations")
