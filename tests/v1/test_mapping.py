"""Flux v1 operator parameters -> Flux v2 configuration specs, over realistic parameter strings."""

import pytest

from azext_k8s_flux.migrate.mapping import kustomization_names, map_v1_configuration, v2_name, validate_spec
from azext_k8s_flux.migrate.v1_params import convert_repository_url, duration_seconds, parse_operator_params

WRITE_ACCESS = "git write access (no --git-readonly)"
ROOT = ("kustomization-1", "./", False, 300, None)


def v1(params, url="https://github.com/Azure/arc-k8s-demo", **props):
    return {"name": "cluster-config", "properties": {"repositoryUrl": url, "operatorParams": params, **props}}


# operatorParams, expected (branch, source sync s, source timeout, [(name, path, prune, sync s, timeout)]),
# expected unmapped settings (in order).
ROWS = [
    ("--git-readonly", ("master", 300, None, [("kustomization-1", "./", False, 300, None)]), []),
    ("", ("master", 300, None, [("kustomization-1", "./", False, 300, None)]), [WRITE_ACCESS]),
    (
        "--git-readonly --git-branch=main --git-path=releases",
        ("main", 300, None, [("releases", "./releases", False, 300, None)]),
        [],
    ),
    (
        "--git-readonly --git-path=releases,apps/base --sync-garbage-collection",
        (
            "master",
            300,
            None,
            [("releases", "./releases", True, 300, None), ("apps-base", "./apps/base", True, 300, None)],
        ),
        [],
    ),
    (
        "--git-readonly --git-path=apps --git-path=./infra/",
        ("master", 300, None, [("apps", "./apps", False, 300, None), ("infra", "./infra", False, 300, None)]),
        [],
    ),
    (
        "--git-readonly --git-poll-interval=3m --sync-interval=1h30m",
        ("master", 180, None, [("kustomization-1", "./", False, 5400, None)]),
        [],
    ),
    (
        "--git-readonly --git-branch dev --git-poll-interval 45s",
        ("dev", 45, None, [("kustomization-1", "./", False, 300, None)]),
        [],
    ),
    (
        "--git-readonly --sync-garbage-collection=false --git-timeout=30s --sync-timeout=2m",
        ("master", 300, 30, [("kustomization-1", "./", False, 300, 120)]),
        [],
    ),
    (
        "--git-readonly --git-branch=main --git-path=releases --sync-garbage-collection --git-poll-interval=3m "
        "--manifest-generation=true",
        ("main", 180, None, [("releases", "./releases", True, 300, None)]),
        ["--manifest-generation"],
    ),
    (
        "--git-readonly=false --git-user=flux --git-email=flux@example.com --git-label=prod-sync",
        ("master", 300, None, [("kustomization-1", "./", False, 300, None)]),
        ["--git-user=flux", "--git-email=flux@example.com", "--git-label=prod-sync", WRITE_ACCESS],
    ),
    ("--git-readonly --registry-disable-scanning", ("master", 300, None, [ROOT]), []),
    (
        "--git-readonly --registry-exclude-image=* --automation-interval=10m",
        ("master", 300, None, [("kustomization-1", "./", False, 300, None)]),
        ["--registry-exclude-image=*", "--automation-interval=10m"],
    ),
    (
        "--git-readonly --foo=bar --k8s-allow-namespace=team-a,team-b",
        ("master", 300, None, [("kustomization-1", "./", False, 300, None)]),
        ["--foo=bar", "--k8s-allow-namespace=team-a,team-b"],
    ),
    (
        "--git-readonly --git-poll-interval=soon",
        ("master", 300, None, [("kustomization-1", "./", False, 300, None)]),
        ["--git-poll-interval=soon"],
    ),
    (
        '--git-readonly --git-user="Flux Bot" stray',
        ("master", 300, None, [("kustomization-1", "./", False, 300, None)]),
        ["operatorParams", "--git-user=Flux Bot"],
    ),
    (
        "--git-readonly --sync-garbage-collection-dry --sync-state=secret",
        ("master", 300, None, [("kustomization-1", "./", False, 300, None)]),
        ["--sync-garbage-collection-dry", "--sync-state=secret"],
    ),
    ("--git-readonly --git-branch=", ("master", 300, None, [ROOT]), ["--git-branch"]),
    (
        "--git-readonly --git-path=./",
        ("master", 300, None, [("kustomization-1", "./", False, 300, None)]),
        [],
    ),
    (
        "--git-readonly --git-path=clusters/prod/apps,clusters/prod/infra --git-branch=release/v2",
        (
            "release/v2",
            300,
            None,
            [
                ("clusters-prod-apps", "./clusters/prod/apps", False, 300, None),
                ("clusters-prod-infra", "./clusters/prod/infra", False, 300, None),
            ],
        ),
        [],
    ),
]


@pytest.mark.parametrize(("params", "expected", "unmapped"), ROWS, ids=[row[0] or "<empty>" for row in ROWS])
def test_operator_params_map_to_v2(params, expected, unmapped):
    spec, _warnings, left, problems = map_v1_configuration(v1(params))
    branch, source_sync, source_timeout, kustomizations = expected
    assert problems == []
    assert (spec["branch"], spec["sourceSyncSeconds"], spec["sourceTimeoutSeconds"]) == (
        branch,
        source_sync,
        source_timeout,
    )
    assert [
        (k["name"], k["path"], k["prune"], k["syncSeconds"], k["timeoutSeconds"]) for k in spec["kustomizations"]
    ] == kustomizations
    assert [item["setting"] for item in left] == unmapped
    assert all(item["reason"] for item in left)
    assert validate_spec(spec) == []


def test_every_unmapped_setting_says_why():
    _spec, _w, left, _p = map_v1_configuration(v1("--git-readonly=false --manifest-generation --foo"))
    reasons = {item["setting"]: item["reason"] for item in left}
    assert "kustomization.yaml" in reasons["--manifest-generation"]
    assert "not a Flux v1 operator parameter" in reasons["--foo"]
    assert "only read from Git" in reasons[WRITE_ACCESS]


def test_scope_namespace_known_hosts_and_helm_operator():
    spec, warnings, left, problems = map_v1_configuration(
        v1(
            "--git-readonly",
            url="git@github.com:org/repo",
            operatorScope="namespace",
            operatorNamespace="team-a",
            sshKnownHostsContents="Z2l0aHViLmNvbSBzc2gtcnNhIEFBQUE=",
            enableHelmOperator=True,
            helmOperatorProperties={"chartVersion": "1.2.0", "chartValues": "--set helm.versions=v3"},
        )
    )
    assert problems == []
    assert (spec["scope"], spec["namespace"], spec["url"]) == ("namespace", "team-a", "ssh://git@github.com/org/repo")
    assert spec["knownHosts"] == "Z2l0aHViLmNvbSBzc2gtcnNhIEFBQUE="
    assert any("scp-like" in warning for warning in warnings)
    settings = [item["setting"] for item in left]
    assert settings == [
        "enableHelmOperator",
        "helmOperatorProperties.chartVersion=1.2.0",
        "helmOperatorProperties.chartValues=--set helm.versions=v3",
    ]
    assert "helm.toolkit.fluxcd.io" in left[0]["reason"]


def test_defaults_for_scope_and_namespace():
    spec, *_ = map_v1_configuration(v1("--git-readonly"))
    assert (spec["scope"], spec["namespace"]) == ("cluster", "default")


def test_known_hosts_dropped_for_https_with_reason():
    spec, _w, left, _p = map_v1_configuration(v1("--git-readonly", sshKnownHostsContents="eA=="))
    assert spec["knownHosts"] is None
    assert left[0]["setting"] == "sshKnownHostsContents" and "SSH" in left[0]["reason"]


def test_operator_instance_name_that_differs_is_listed():
    _spec, _w, left, _p = map_v1_configuration(v1("--git-readonly", operatorInstanceName="legacy-op"))
    assert left[0]["setting"] == "operatorInstanceName=legacy-op"


def test_bad_url_is_a_problem_not_a_payload():
    spec, _w, _l, problems = map_v1_configuration(v1("--git-readonly", url="ftp://example.com/repo"))
    assert spec["url"] is None
    assert "no scheme Flux v2 accepts" in problems[0]


@pytest.mark.parametrize(
    ("url", "converted", "warns"),
    [
        ("https://github.com/org/repo", "https://github.com/org/repo", False),
        ("http://git.internal/org/repo.git", "http://git.internal/org/repo.git", False),
        ("ssh://git@github.com/org/repo", "ssh://git@github.com/org/repo", False),
        ("git@github.com:org/repo", "ssh://git@github.com/org/repo", True),
        ("git@github.com:org/repo.git", "ssh://git@github.com/org/repo.git", True),
        ("git@ssh.dev.azure.com:v3/org/project/repo", "ssh://git@ssh.dev.azure.com/v3/org/project/repo", True),
        ("git@gitlab.local:/srv/repo", "ssh://git@gitlab.local/srv/repo", True),
        ("git://github.com/org/repo", "https://github.com/org/repo", True),
        ("ftp://example.com/repo", None, False),
    ],
)
def test_repository_urls(url, converted, warns):
    result, warning, problem = convert_repository_url(url)
    assert result == converted
    assert bool(warning) == warns
    assert bool(problem) == (converted is None)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("3m", 180), ("1h30m", 5400), ("90s", 90), ("500ms", 1), ("1.5m", 90), ("0", 0), ("abc", None), ("5", None),
     ("", None), ("3m junk", None)],
)
def test_go_durations(text, seconds):
    assert duration_seconds(text) == seconds


def test_boolean_flags_and_values():
    flags, problems = parse_operator_params("--git-readonly --sync-garbage-collection=false --git-branch main x")
    assert flags == [("git-readonly", True), ("sync-garbage-collection", False), ("git-branch", "main")]
    assert problems == ["unexpected value 'x' that belongs to no flag"]


def test_unreadable_quotes_are_reported():
    flags, problems = parse_operator_params("--git-user='unterminated")
    assert flags == [] and "could not be read" in problems[0]


def test_names_become_legal_v2_names():
    assert v2_name("Cluster_Config.1") == "cluster-config-1"
    long_name = "c" * 60
    names = kustomization_names(long_name, ["apps", "apps/", "infrastructure"])
    assert names == ["ap", "k2", "in"]
    spec = {"name": long_name, "namespace": "default", "scope": "cluster", "url": "https://h/r",
            "kustomizations": [{"name": name} for name in names]}
    assert validate_spec(spec) == []
    assert kustomization_names("cfg", ["apps", "apps/"]) == ["apps", "apps-k2"]
    too_long = {**spec, "name": "c" * 62}
    assert "is not legal" in validate_spec(too_long)[0]
