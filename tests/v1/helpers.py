"""Shared arrangements of the Flux v1 tests (seeded v1 configurations) and request-log readings used by every suite."""

SCC = "sourceControlConfigurations"

CLUSTER_CONFIG = {
    "properties": {
        "repositoryUrl": "git@github.com:contoso/gitops",
        "operatorNamespace": "cluster-config",
        "operatorInstanceName": "cluster-config",
        "operatorType": "Flux",
        "operatorScope": "cluster",
        "operatorParams": "--git-readonly --git-branch=main --git-path=releases,infra --sync-garbage-collection "
        "--git-poll-interval=3m",
        "sshKnownHostsContents": "Z2l0aHViLmNvbSBzc2gtZWQyNTUxOSBBQUFB",
    }
}
TEAM_A = {
    "properties": {
        "repositoryUrl": "https://github.com/contoso/team-a",
        "operatorNamespace": "team-a",
        "operatorInstanceName": "team-a",
        "operatorType": "Flux",
        "operatorScope": "namespace",
        "operatorParams": "--git-user=flux --git-email=flux@contoso.com --manifest-generation=true",
        "enableHelmOperator": True,
        "helmOperatorProperties": {"chartVersion": "1.2.0", "chartValues": "--set helm.versions=v3"},
    }
}


def seed_v1(cluster, **configs):
    for name, body in configs.items():
        status, response = cluster.put(SCC, name, body)
        assert status in (200, 201), response


def requests_under(emulator, cluster, since=0):
    """(method, resource type/name path tail, status) of every ARM request about `cluster` after `since`."""
    base = cluster.path().lower()
    rows = []
    for entry in emulator.requests():
        if entry["seq"] > since and entry["path"].lower().startswith(base):
            rows.append((entry["method"], entry["path"][len(base):], entry["status"]))
    return rows


def last_seq(emulator):
    entries = emulator.requests()
    return entries[-1]["seq"] if entries else 0
