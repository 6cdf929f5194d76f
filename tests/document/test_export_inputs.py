"""`flux export` refusals and notes (in-process, against the emulator): a --file that cannot be written is refused
before any request; the Flux extension's protected settings are named as left out, never shown."""

import pytest

from tests.v1.helpers import last_seq


@pytest.fixture
def configured(cli, new_cluster):
    cluster = new_cluster("connectedClusters")
    cli(f"k8s-configuration flux create {cluster.args} -n web -u https://github.com/contoso/web --branch main "
        "-k name=apps path=./apps -o none")  # fmt: skip
    return cluster


@pytest.mark.parametrize("target", ["missing-folder/web.yaml", "."])
def test_a_file_that_cannot_be_written_is_refused_before_any_request(cli, emulator, configured, tmp_path, target):
    start = last_seq(emulator)
    path = tmp_path / target
    refused = cli(f"k8s-configuration flux export {configured.args} -n web --file {path}", expect=1)
    assert f"Cannot write --file {path}" in refused.stderr and "Traceback" not in refused.stderr
    assert [e for e in emulator.requests(kind="arm") if e["seq"] > start] == []


def test_the_extension_protected_settings_are_named_as_left_out(cli, emulator, configured, tmp_path):
    value = "workspace-key-4242"
    cli(f"k8s-extension update {configured.args} -n flux --configuration-protected-settings audit.token={value} "
        "--yes -o none")  # fmt: skip
    template = tmp_path / "web.json"
    exported = cli(f"k8s-configuration flux export {configured.args} -n web --format arm --file {template}")
    assert "The protected settings of extension 'flux' are not exported" in exported.stderr
    assert value not in exported.output + template.read_text()
    assert "audit.token" not in template.read_text()
