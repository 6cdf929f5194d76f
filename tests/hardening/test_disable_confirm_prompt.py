"""azure-cli's `core.disable_confirm_prompt` (AZURE_CORE_DISABLE_CONFIRM_PROMPT=true in pipelines) answers
every confirmation the way --yes does, as it does for azure-cli's own delete commands."""

from tests.v1.helpers import CLUSTER_CONFIG, SCC, seed_v1


def test_configured_pipelines_are_not_asked(cli, new_cluster, monkeypatch, tmp_path):
    cluster = new_cluster("connectedClusters")
    seed_v1(cluster, **{"cluster-config": CLUSTER_CONFIG, "team-b": CLUSTER_CONFIG})
    cli(f"k8s-extension create {cluster.args} -n monitor --extension-type contoso.monitor -o none")
    monkeypatch.setenv("AZURE_CORE_DISABLE_CONFIRM_PROMPT", "true")

    updated = cli(f"k8s-extension update {cluster.args} -n monitor --config-protected-settings token=x").json
    assert list(updated["configurationProtectedSettings"]) == ["token"]
    cli(f"k8s-extension delete {cluster.args} -n monitor")
    cli(f"k8s-configuration delete {cluster.args} -n team-b")
    result = cli(f"k8s-configuration flux migrate {cluster.args} --plan-file {tmp_path / 'plan.json'}")

    assert [extension["name"] for extension in cluster.list("extensions")] == ["flux"]  # installed by migrate
    assert cluster.list(SCC) == []
    assert result.json["status"] == "Completed"


def test_prompts_still_fail_without_a_terminal_by_default(cli, new_cluster):
    cluster = new_cluster("connectedClusters")
    cli(f"k8s-extension create {cluster.args} -n monitor --extension-type contoso.monitor -o none")
    result = cli(f"k8s-extension delete {cluster.args} -n monitor", expect=1)
    assert "Pass --yes" in result.stderr
    assert [extension["name"] for extension in cluster.list("extensions")] == ["monitor"]


def test_an_invalid_setting_is_an_error_not_a_traceback(cli, new_cluster, monkeypatch):
    cluster = new_cluster("connectedClusters")
    cli(f"k8s-extension create {cluster.args} -n monitor --extension-type contoso.monitor -o none")
    monkeypatch.setenv("AZURE_CORE_DISABLE_CONFIRM_PROMPT", "maybe")
    result = cli(f"k8s-extension delete {cluster.args} -n monitor", expect=1)
    assert "core.disable_confirm_prompt" in result.stderr and "use true or false" in result.stderr
    assert "Traceback" not in result.output
    assert [extension["name"] for extension in cluster.list("extensions")] == ["monitor"]


def test_flux_confirmations_follow_it_too(cli, new_cluster, monkeypatch):
    cluster = new_cluster("connectedClusters")
    repository = "https://github.com/fluxcd/flux2-kustomize-helm-example"
    cli(f"k8s-configuration flux create {cluster.args} -n cfg -u {repository} --branch main "
        "-k name=infra path=./infrastructure prune=true -k name=apps path=./apps -o none")  # fmt: skip
    monkeypatch.setenv("AZURE_CORE_DISABLE_CONFIRM_PROMPT", "true")

    cli(f"k8s-configuration flux kustomization delete {cluster.args} -n cfg -k apps -o none")
    cli(f"k8s-configuration flux update {cluster.args} -n cfg --replace-kustomizations -k name=other path=./other "
        "-o none")  # fmt: skip
    assert list(cluster.get("fluxConfigurations", "cfg")[1]["properties"]["kustomizations"]) == ["other"]
    cli(f"k8s-configuration flux delete {cluster.args} -n cfg")
    assert cluster.list("fluxConfigurations") == []
