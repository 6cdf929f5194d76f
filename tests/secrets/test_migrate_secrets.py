"""The credentials `az k8s-configuration flux migrate` takes (NAME=PATH of an SSH key or an HTTPS token) never reach
stdout, stderr, `--debug` output or the saved plan file: on success, dry run, a failed and resumed run, retries,
and errors about the options themselves."""

import pytest

from tests.secrets import material as m
from tests.v1.helpers import CLUSTER_CONFIG, TEAM_A, seed_v1

MIGRATE = "k8s-configuration flux migrate"
SECRETS = (m.MIGRATE_SSH_KEY, m.MIGRATE_HTTPS_KEY)


@pytest.fixture
def v1_cluster(new_cluster):
    cluster = new_cluster("connectedClusters")
    seed_v1(cluster, **{"cluster-config": CLUSTER_CONFIG, "team-a": TEAM_A})
    return cluster


@pytest.fixture
def credentials(write_files, tmp_path):
    paths = write_files({"ssh-key": m.MIGRATE_SSH_KEY, "token": m.MIGRATE_HTTPS_KEY + "\n"})
    return (f"--ssh-private-key-file cluster-config={paths['ssh-key']} --https-user team-a=git "
            f"--https-key-file team-a={paths['token']} --plan-file {tmp_path / 'plan.json'}")  # fmt: skip


def test_dry_run_and_migration_hold_no_secret(cli, v1_cluster, credentials, tmp_path):
    plan = cli(f"{MIGRATE} {v1_cluster.args} {credentials} --dry-run --debug")
    assert plan.json["createV2"] and "GET /subscriptions/" in plan.stderr
    m.assert_no_leak(plan, *SECRETS)
    done = cli(f"{MIGRATE} {v1_cluster.args} {credentials} --yes --debug")
    assert done.json["status"] == "Completed" and "PUT /subscriptions/" in done.stderr
    m.assert_no_leak(done, *SECRETS)
    _, body = v1_cluster.get("fluxConfigurations", "team-a")
    assert body["properties"]["gitRepository"]["httpsUser"] == "git"


@pytest.mark.parametrize("kind, options", [("error", {"status": 501}), ("forbidden", {}), ("lro-fail", {}),
                                           ("throttle", {"retry_after": 0})])  # fmt: skip
def test_failed_and_resumed_migration_holds_no_secret(cli, v1_cluster, credentials, fault, tmp_path, kind, options):
    with fault(kind, method="PUT", path=f"{v1_cluster.name}/providers/Microsoft.KubernetesConfiguration/"
               "fluxConfigurations/team-a", **options):  # fmt: skip
        first = cli(f"{MIGRATE} {v1_cluster.args} {credentials} --yes --debug", expect=None)
    m.assert_no_leak(first, *SECRETS)
    if kind == "throttle":
        assert first.exit_code == 0
        return
    assert first.exit_code != 0 and "run the same command again" in first.stderr
    saved = (tmp_path / "plan.json").read_text()
    assert "team-a" in saved
    m.assert_no_leak(saved, *SECRETS)
    resumed = cli(f"{MIGRATE} {v1_cluster.args} {credentials} --yes --debug")
    assert resumed.json["status"] == "Completed" and resumed.json["resumed"] is True
    m.assert_no_leak(resumed, *SECRETS)


# id: (option words with {key}/{token} paths and {key_text}/{token_text} contents, error fragment)
REJECTED = {
    "key-file-at-form": (["--ssh-private-key-file", "@{key}"], "Invalid --ssh-private-key-file value"),
    "token-file-at-form": (["--https-user", "team-a=git", "--https-key-file", "@{token}"],
                           "Invalid --https-key-file value"),
    "token-as-path": (["--https-user", "team-a=git", "--https-key-file", "team-a={token_text}"],
                      "Cannot read --https-key-file team-a=PATH"),
    "token-with-equals-at-form": (["--https-user", "team-a=git", "--https-key-file", "@{padded}"],
                                  "Invalid --https-key-file value"),
    "key-not-a-key": (["--ssh-private-key-file", "cluster-config={token}"], "is not a private key"),
    "key-for-https-repository": (["--ssh-private-key-file", "team-a={key}"], "URL is not ssh://"),
    "token-without-user": (["--https-key-file", "team-a={token}"], "give both --https-user"),
    "key-not-utf8": (["--ssh-private-key-file", "cluster-config={binary}"], "not a UTF-8 text file"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(REJECTED))
def test_rejected_credentials_are_never_repeated(cli, emulator, v1_cluster, write_files, tmp_path, case):
    padded = "Zm9vTGVha01hcmtlcg==" + m.MIGRATE_HTTPS_KEY + "=="
    paths = write_files({"key": m.MIGRATE_SSH_KEY, "token": m.MIGRATE_HTTPS_KEY, "padded": padded,
                         "binary": b"\xff\xfe" + m.MIGRATE_SSH_KEY.encode()})  # fmt: skip
    words, fragment = REJECTED[case]
    values = {**paths, "key_text": m.MIGRATE_SSH_KEY, "token_text": m.MIGRATE_HTTPS_KEY}
    args = [word.format(**values) for word in words]
    before = len(emulator.requests(kind="arm"))
    result = cli(*f"{MIGRATE} {v1_cluster.args} --yes --plan-file {tmp_path / 'plan.json'}".split(), *args, "--debug",
                 expect=None)  # fmt: skip
    assert result.exit_code != 0 and fragment in result.stderr, result
    assert not [r for r in emulator.requests(kind="arm")[before:] if r["method"] != "GET"]
    if "_text}" in " ".join(words):  # typed on the command line: only --debug's echo of it may show it
        result = result.stderr.split("DEBUG: cli.knack.cli: Command arguments")[0] + result.stderr.split(
            "Event: Cli.PreExecute")[-1]  # fmt: skip
    m.assert_no_leak(result, *SECRETS, padded)
