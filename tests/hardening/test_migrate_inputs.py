"""`flux migrate` inputs. The credential options can be repeated, one configuration each, like every
repeatable azure-cli option (a repeated option used to keep only its last occurrence, so the first
configuration silently got a newly generated SSH key instead of the key given for it); what blocks a
migration is listed one problem per line."""

from tests.v1.helpers import CLUSTER_CONFIG, TEAM_A, seed_v1

KEY = (
    "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAArepeated-option-test\n"
    "-----END OPENSSH PRIVATE KEY-----\n"
)


def test_repeated_credential_options_are_all_kept(cli, new_cluster, tmp_path):
    cluster = new_cluster("connectedClusters")
    seed_v1(cluster, **{"cluster-config": CLUSTER_CONFIG, "team-a": TEAM_A,
                        "team-b": {"properties": {**CLUSTER_CONFIG["properties"], "operatorNamespace": "team-b"}}})
    key = tmp_path / "id"
    key.write_text(KEY)
    token = tmp_path / "token"
    token.write_text("not-a-real-token")
    plan = cli(f"k8s-configuration flux migrate {cluster.args} --dry-run --plan-file {tmp_path / 'plan.json'} "
               f"--ssh-private-key-file cluster-config={key} --ssh-private-key-file team-b={key} "
               f"--https-user team-a=flux-bot --https-key-file team-a={token}").json
    kinds = {item["name"]: item["credentials"]["kind"] for item in plan["createV2"]}
    assert kinds["cluster-config"] == kinds["team-b"] == "ssh-private-key"
    assert plan["blockers"] == []


def test_the_same_configuration_twice_is_refused(cli, new_cluster, tmp_path):
    cluster = new_cluster("connectedClusters")
    seed_v1(cluster, **{"cluster-config": CLUSTER_CONFIG})
    key = tmp_path / "id"
    key.write_text(KEY)
    result = cli(f"k8s-configuration flux migrate {cluster.args} --dry-run "
                 f"--ssh-private-key-file cluster-config={key} --ssh-private-key-file cluster-config={key}", expect=1)
    assert "--ssh-private-key-file names 'cluster-config' twice" in result.stderr


def test_blockers_are_listed_one_per_line(cli, new_cluster, tmp_path):
    """The problems are the advice under the message (azure-cli prints a recommendation per line)."""
    cluster = new_cluster("connectedClusters")
    seed_v1(cluster, **{"cluster-config": CLUSTER_CONFIG})
    result = cli(f"k8s-configuration flux migrate {cluster.args} --yes --plan-file {tmp_path / 'plan.json'} "
                 "--https-user cluster-config=flux-bot", expect=1)
    error = result.stderr[result.stderr.index("ERROR: "):]
    assert error.startswith("ERROR: The migration cannot start: 1 Flux v1 configuration(s) cannot be moved as "
                            "they are. Nothing was changed.\n")
    assert "\n  - cluster-config: " in error
    assert ".;" not in error
