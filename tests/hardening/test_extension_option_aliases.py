"""The settings file options answer to the names the official `az k8s-extension` accepts, so scripts
written for it (`--config-file`, `--config-protected-settings-file`) do not stop at 'unrecognized
arguments'."""

import pytest


@pytest.mark.parametrize(
    ("settings_option", "protected_option"),
    [("--config-file", "--config-protected-settings-file"), ("--config-settings-file", "--config-protected-file")],
)
def test_upstream_file_option_names(cli, new_cluster, tmp_path, settings_option, protected_option):
    cluster = new_cluster("connectedClusters")
    settings, protected = tmp_path / "settings.json", tmp_path / "protected.json"
    settings.write_text('{"replicaCount": 3}')
    protected.write_text('{"token": "not-a-real-secret"}')
    result = cli(f"k8s-extension create {cluster.args} -n monitor --extension-type contoso.monitor "
                 f"{settings_option} {settings} {protected_option} {protected}").json
    assert result["configurationSettings"] == {"replicaCount": "3"}
    assert result["configurationProtectedSettings"] == {"token": ""}
