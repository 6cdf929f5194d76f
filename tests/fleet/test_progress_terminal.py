"""The rollout watch with the real `az`: progress on a terminal, silence on a pipe."""

from tests.wait.test_wait_commands import _run_on_terminal


def _commit(cli, fleet):
    rows = cli(f"k8s-configuration flux status -g {fleet['group']} -n other -o json").json["configurations"]
    return rows[0]["sourceSyncedCommitId"]


def test_progress_on_a_terminal_only(az, az_env, cli, fleet):
    commit = _commit(cli, fleet)
    args = ["k8s-configuration", "flux", "wait-rollout", "-g", fleet["group"], "-n", "other", "--commit", commit]
    code, stdout, terminal = _run_on_terminal(az_env, args)
    assert code == 0 and f"1 of 1 configurations at {commit} (100%), 0 failed" in terminal
    assert '"reached": 1' in stdout

    piped = az(*args)
    assert "configurations at" not in piped.stderr
    assert piped.json["reached"] == 1
