"""--path of check-manifests: an empty value (an unset variable) or a missing folder stops the check with
exit code 2 and says what is wrong with --path, instead of checking the current folder or talking about
kustomization files."""

import os

from tests.manifests.conftest import DATA

COMMAND = "k8s-configuration flux check-manifests"


def test_empty_path_is_refused_instead_of_checking_the_current_folder(cli_offline, monkeypatch):
    monkeypatch.chdir(DATA / "seed-example" / "before")  # a folder with findings: checking it would exit 1
    for empty in ("''", "' '"):
        result = cli_offline(f"{COMMAND} --path {empty} -o json", expect=2)
        assert "--path is empty: give the folder of the repository to check (or a single YAML file)" in result.stderr
        assert result.stdout == ""
    assert os.getcwd() == str(DATA / "seed-example" / "before")


def test_missing_path_names_the_option_not_a_kustomization(cli_offline, tmp_path):
    result = cli_offline(f"{COMMAND} --path {tmp_path / 'repo'}", expect=2)
    assert f"--path '{tmp_path / 'repo'}': no such file or folder" in result.stderr
    assert "kustomization" not in result.stderr
    assert result.stdout == ""
