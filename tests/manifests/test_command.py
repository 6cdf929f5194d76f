"""`az k8s-configuration flux check-manifests` end to end, in-process: output formats and exit codes."""

from arm_emulator.connect import az_working_dir
from tests.manifests.conftest import DATA, snapshot

COMMAND = "k8s-configuration flux check-manifests"


def test_findings_print_as_a_table_by_default_and_exit_1(cli_offline, repo):
    folder = repo("seed-example") / "before"
    result = cli_offline(f"{COMMAND} --path {folder}", expect=1)

    header = result.stdout.splitlines()[0].split()
    assert header == ["File", "Line", "Rule", "Object", "Problem", "Fix"]
    assert "nginx.yaml  14      MT002   HelmRelease nginx/nginx" in result.stdout
    assert "3 error(s), 2 warning(s)" in result.stderr


def test_json_output_for_pipelines(cli_offline):
    result = cli_offline(f"{COMMAND} --path {DATA / 'seed-example' / 'before'} -o json", expect=1)

    findings = result.json
    assert [(f["line"], f["rule"], f["severity"]) for f in findings] == [
        (1, "API001", "warning"),
        (5, "MT001", "error"),
        (14, "MT002", "error"),
        (26, "API001", "warning"),
        (30, "MT001", "error"),
    ]
    assert set(findings[2]) == {
        "file", "line", "rule", "severity", "object", "kind", "name", "namespace", "apiVersion", "problem", "fix",
        "fixable",
    }


def test_query_works_on_the_findings(cli_offline):
    result = cli_offline(f"{COMMAND} --path {DATA / 'monorepo'} --query \"[?rule=='MT002'].line\" -o json", expect=1)
    assert result.json == [10, 14]


def test_clean_repository_exits_0_and_warnings_fail_only_with_strict(cli_offline):
    after = DATA / "seed-example" / "after"
    assert cli_offline(f"{COMMAND} --path {after} -o json --query \"[?severity=='error']\"", expect=0).json == []
    cli_offline(f"{COMMAND} --path {after} --strict -o none", expect=1)


def test_diff_prints_the_changes_and_writes_nothing(cli_offline, repo):
    folder = repo("monorepo")
    before = snapshot(folder)

    result = cli_offline(f"{COMMAND} --path {folder} --diff", expect=1)

    assert snapshot(folder) == before
    assert "+++ b/infrastructure/controllers/ingress-nginx.yaml\n" in result.stdout
    assert "+  targetNamespace: ingress-nginx\n" in result.stdout
    assert "Would rewrite 6 file(s)" in result.stderr


def test_fix_rewrites_and_prints_what_is_left(cli_offline, repo):
    folder = repo("seed-example") / "before"
    result = cli_offline(f"{COMMAND} --path {folder} --fix -o json", expect=0)

    assert [f["rule"] for f in result.json] == ["API001", "API001"]
    assert "targetNamespace: nginx" in (folder / "nginx.yaml").read_text()
    assert "Rewrote 1 file(s): nginx.yaml" in result.stderr


def test_invalid_yaml_exits_2_with_file_and_line(cli_offline, tmp_path):
    (tmp_path / "bad.yaml").write_text("metadata:\n  name: [x\n")
    result = cli_offline(f"{COMMAND} --path {tmp_path} -o json", expect=2)

    assert "bad.yaml:3: invalid YAML" in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_argument_errors_exit_2(cli_offline, tmp_path):
    missing = cli_offline(f"{COMMAND} --path {tmp_path / 'missing'}", expect=2)
    assert "no such file or folder" in missing.stderr
    bad_namespace = cli_offline(f"{COMMAND} --path {tmp_path} --namespace Team_A", expect=2)
    assert "Invalid --namespace 'Team_A'" in bad_namespace.stderr
    both = cli_offline(f"{COMMAND} --path {tmp_path} --fix --diff", expect=2)
    assert "--fix and --diff cannot be used together" in both.stderr


def test_help_does_not_import_the_manifest_engine(extension_wheel):
    import os
    import subprocess
    import sys

    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "azure.cli", *COMMAND.split(), "-h"],
        env=dict(os.environ), capture_output=True, text=True, timeout=120, cwd=az_working_dir(),
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "--strict" in completed.stdout and "az k8s-configuration flux check-manifests --path" in completed.stdout
    imported = {line.rsplit("|", 1)[1].strip() for line in completed.stderr.splitlines() if "|" in line}
    assert "azext_k8s_flux._help_check_manifests" in imported
    # (PyYAML is imported by azure-cli itself to read help entries.)
    assert sorted(m for m in imported if m.startswith(("ruamel", "azext_k8s_flux.manifests"))) == []


def test_a_configured_output_format_is_respected(cli_offline, monkeypatch):
    monkeypatch.setenv("AZURE_CORE_OUTPUT", "json")
    result = cli_offline(f"{COMMAND} --path {DATA / 'seed-example' / 'before'}", expect=1)
    assert [f["rule"] for f in result.json] == ["API001", "MT001", "MT002", "API001", "MT001"]



def test_real_az_exit_codes_and_json_on_stdout(az, repo):
    """The true entry point: findings as JSON on stdout with exit code 1, a broken file exits 2."""
    folder = repo("seed-example") / "before"
    findings = az(f"{COMMAND} --path {folder} -o json", expect=1)
    assert [f["rule"] for f in findings.json] == ["API001", "MT001", "MT002", "API001", "MT001"]

    (folder / "broken.yaml").write_text("kind: [\n")
    broken = az(f"{COMMAND} --path {folder}", expect=2)
    assert "broken.yaml:2: invalid YAML" in broken.stderr
    assert "Traceback" not in broken.output and broken.stdout == ""
