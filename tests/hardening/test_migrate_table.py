"""`flux migrate -o table` shows the plan (or the outcome) one row per configuration, not one row with
the cluster id and the extension sentence."""

from tests.v1.helpers import CLUSTER_CONFIG, TEAM_A, seed_v1


def _rows(stdout):
    lines = stdout.splitlines()
    return lines[0].split(), [line.split() for line in lines[2:]]


def test_dry_run_table_lists_each_configuration(az, new_cluster, tmp_path):
    cluster = new_cluster("connectedClusters")
    seed_v1(cluster, **{"cluster-config": CLUSTER_CONFIG, "team-a": TEAM_A})
    header, rows = _rows(az(f"k8s-configuration flux migrate {cluster.args} --dry-run -o table "
                            f"--plan-file {tmp_path / 'plan.json'}").stdout)
    assert header == ["V1Configuration", "V1Status", "V2Configuration", "V2Action", "Credentials", "Blockers"]
    assert rows == [
        ["cluster-config", "pending", "cluster-config", "create", "ssh-generated-key", "0"],
        ["team-a", "pending", "team-a", "create", "none", "0"],
    ]


def test_outcome_and_nothing_to_migrate_tables():
    from azext_k8s_flux._format import migrate_table

    outcome = {"status": "Completed", "deletedV1": ["a"], "createdV2": ["a"], "publicKeysPending": [],
               "repositoryPublicKeys": {"a": "ssh-ed25519 AAAA"}}
    assert migrate_table(outcome) == [{"V2Configuration": "a", "Status": "Created", "PublicKey": "ssh-ed25519 AAAA"}]
    nothing = {"cluster": "/x", "status": "NothingToMigrate", "message": "Nothing to migrate: ..."}
    assert migrate_table(nothing) == [{"Status": "NothingToMigrate", "Message": "Nothing to migrate: ..."}]
