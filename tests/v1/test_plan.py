"""The migration plan: goldens for whole plans, and the rules that block a migration."""

import json

from azext_k8s_flux.migrate.plan import build_plan, entry_for, keyed_by_v1

CLUSTER = "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/c1"
SECRET_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nsecret-key-material\n-----END OPENSSH PRIVATE KEY-----\n"


def scc(name, url, params, **props):
    return {"name": name, "properties": {"repositoryUrl": url, "operatorParams": params, **props}}


V1 = [
    scc(
        "cluster-config",
        "git@github.com:contoso/gitops",
        "--git-readonly --git-branch=main --git-path=releases,infra --sync-garbage-collection --git-poll-interval=3m",
        operatorScope="cluster",
        operatorNamespace="cluster-config",
        sshKnownHostsContents="Z2l0aHViLmNvbSBzc2gtZWQyNTUxOSBBQUFB",
    ),
    scc(
        "team-a",
        "https://github.com/contoso/team-a",
        "--git-user=flux --git-email=flux@contoso.com --manifest-generation=true --registry-disable-scanning",
        operatorScope="namespace",
        operatorNamespace="team-a",
        enableHelmOperator=True,
        helmOperatorProperties={"chartVersion": "1.2.0", "chartValues": "--set helm.versions=v3"},
    ),
]


def test_plan_golden(golden):
    plan = build_plan(CLUSTER, [entry_for(item) for item in V1], [], {})
    assert plan["blockers"] == []
    golden("v1/plan-two-configurations", plan)


def test_plan_with_credentials_redacts_them(golden):
    credentials = {
        "cluster-config": {"sshPrivateKey": SECRET_KEY},
        "team-a": {"httpsUser": "flux-bot", "httpsKey": "token-123"},
    }
    plan = build_plan(CLUSTER, [entry_for(item) for item in V1], [], credentials)
    text = json.dumps(plan)
    assert "secret-key-material" not in text and "token-123" not in text
    assert "U0VDUkVU" not in text  # no base64 of a secret either
    settings = [item["payload"]["properties"]["configurationProtectedSettings"] for item in plan["createV2"]]
    assert settings == [{"sshPrivateKey": "<redacted>"}, {"httpsKey": "<redacted>"}]
    assert plan["createV2"][1]["payload"]["properties"]["gitRepository"]["httpsUser"] == "flux-bot"
    golden("v1/plan-with-credentials", plan)


def test_collision_with_a_foreign_v2_configuration_blocks():
    existing = [{"name": "Cluster-Config", "properties": {"gitRepository": {"url": "https://github.com/other/repo"}}}]
    plan = build_plan(CLUSTER, [entry_for(V1[0])], existing, {})
    assert plan["createV2"][0]["action"] == "blocked"
    assert "already exists for another source (https://github.com/other/repo)" in plan["blockers"][0]["problem"]


def test_existing_v2_configuration_for_the_same_repository_is_updated_not_duplicated():
    existing = [{"name": "cluster-config", "properties": {"gitRepository": {"url": "ssh://git@github.com/contoso/gitops/"}}}]
    plan = build_plan(CLUSTER, [entry_for(V1[0])], existing, {})
    assert plan["createV2"][0]["action"] == "update"
    assert plan["blockers"] == []


def test_already_created_names_are_done():
    plan = build_plan(CLUSTER, [entry_for(V1[0])], [], {}, deleted=["cluster-config"], created=["cluster-config"],
                      resumed=True)
    assert plan["createV2"][0]["action"] == "done"
    assert plan["deleteV1"][0]["status"] == "deleted"
    assert plan["resumed"] is True


def test_two_v1_names_with_one_v2_name_block():
    plan = build_plan(CLUSTER, [entry_for(scc("app_one", "https://h/r", "--git-readonly")),
                                entry_for(scc("app.one", "https://h/s", "--git-readonly"))], [], {})
    assert [item["problem"] for item in plan["blockers"]] == [
        "its v2 name 'app-one' is also the v2 name of 'app_one': give one of them another name, for example "
        "--rename app.one=<new-name>."
    ]


def test_private_https_repository_needs_credentials_again():
    entry = entry_for(scc("private", "https://h/r", "--git-readonly",
                          configurationProtectedSettings={"httpsUser": "", "httpsKey": ""}))
    plan = build_plan(CLUSTER, [entry], [], {})
    assert "--https-user private=USER and --https-key-file private=PATH" in plan["blockers"][0]["problem"]
    given = build_plan(CLUSTER, [entry], [], {"private": {"httpsUser": "u", "httpsKey": "k"}})
    assert given["blockers"] == []


def test_https_without_known_credentials_says_how_to_give_them():
    plan = build_plan(CLUSTER, [entry_for(V1[1])], [], {})
    assert plan["createV2"][0]["credentials"]["status"] == "unknown"
    assert "--https-key-file team-a=PATH" in plan["createV2"][0]["credentials"]["message"]


def test_ssh_without_key_gets_a_generated_key():
    plan = build_plan(CLUSTER, [entry_for(V1[0])], [], {})
    credential = plan["createV2"][0]["credentials"]
    assert credential["kind"] == "ssh-generated-key"
    assert "public key is printed after the migration" in credential["message"]


def test_credentials_of_the_wrong_kind_block():
    plan = build_plan(CLUSTER, [entry_for(V1[0])], [], {"cluster-config": {"httpsUser": "u", "httpsKey": "k"}})
    assert "HTTPS credentials were given but the repository URL is ssh://" in plan["blockers"][0]["problem"]
    plan = build_plan(CLUSTER, [entry_for(V1[1])], [], {"team-a": {"httpsUser": "u"}})
    assert "give both --https-user and --https-key-file" in plan["blockers"][0]["problem"]


def test_resumed_run_must_be_given_the_same_credentials_again():
    plan = build_plan(CLUSTER, [entry_for(V1[0])], [], {}, deleted=["cluster-config"], resumed=True,
                      required={"cluster-config": ["sshPrivateKey"]})
    assert "pass --ssh-private-key-file cluster-config=... again" in plan["blockers"][0]["problem"]


def test_unknown_credential_names():
    entries = [entry_for(item) for item in V1]
    assert keyed_by_v1({"team-a": {}, "nope": {}}, entries)[1] == ["nope"]


def test_a_file_that_is_not_a_private_key_blocks():
    plan = build_plan(CLUSTER, [entry_for(V1[0])], [], {"cluster-config": {"sshPrivateKey": "not a key"}})
    assert "is not a private key" in plan["blockers"][0]["problem"]
    assert "not a key" not in json.dumps(plan["createV2"])


def test_outcome_text_names_the_keys_to_register():
    from azext_k8s_flux.migrate.report import render_outcome

    text = render_outcome(
        {"createdV2": ["a", "b"], "unmanagedWindowSeconds": 3.2, "repositoryPublicKeys": {"a": "ssh-ed25519 AAAA"},
         "publicKeysPending": ["b"]},
        "-g rg -c c1 -t connectedClusters",
    )
    assert "unmanaged for 3.2 s" in text
    assert "deploy key of the repository of 'a':\nssh-ed25519 AAAA" in text
    assert "az k8s-configuration flux show -g rg -c c1 -t connectedClusters -n b" in text
