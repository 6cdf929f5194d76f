"""`flux update -k` and `kustomization update` change only what they are given (merge-patch), as the official
command does: golden PATCH bodies for the command lines of the official scenario tests, with our own values.

The stored configuration (tests/flux/existing.py) has infra (./infrastructure, prune) and apps
(./apps/staging, prune, dependsOn infra).
"""

import pytest
from azure.cli.core.azclierror import InvalidArgumentValueError, RequiredArgumentMissingError

from azext_k8s_flux.operations import kustomization as kust
from azext_k8s_flux.operations.flux import flux_update
from tests.flux.cases import arguments
from tests.flux.existing import HTTPS, git_configuration
from tests.flux.fakes import FakeFluxClient, NoRequests, wire

STORED_VARIABLES = {"substitute": {"CLUSTER": "east-1", "TIER": "gold"},
                    "substituteFrom": [{"kind": "ConfigMap", "name": "cluster-vars", "optional": False}]}  # fmt: skip

# case -> (-k items, other options, stored postBuild of apps or None)
MERGE_CASES = {
    # One key of one kustomization: path, prune and the rest keep their stored values.
    "one-key": (("name=infra sync_interval=3m",), {}, None),
    # The official wait scenario: same URL and path again, health check off; prune must survive.
    "disable-health-check": (("name=infra path=./infrastructure disable-health-check=true",), dict(url=HTTPS), None),
    # A new path for apps; infra is not named and stays.
    "path-keeps-others": (("name=apps path=./apps/production",), {}, None),
    # A new name is created with the given fields only (the service fills in its defaults).
    "new-kustomization": (("name=monitoring path=./monitoring prune=true",), {}, None),
    # A new kustomization, and apps made to depend on it: checked against the stored ones, lists replaced.
    "depends-on": (("name=monitoring path=./monitoring depends_on=infra", "name=apps depends_on=infra,monitoring"),
                   {}, None),
    # Variables given replace the stored map (TIER goes), substituteFrom not given stays.
    "post-build-substitute": (("name=apps post_build_substitute=CLUSTER=west-2",), {}, STORED_VARIABLES),
}  # fmt: skip


def stored(post_build=None):
    configuration = git_configuration()
    if post_build is not None:
        configuration["properties"]["kustomizations"]["apps"]["postBuild"] = post_build
    return configuration


def patch_body(client):
    (verb, args, _), = client.writes()
    assert verb == "PATCH"
    return wire(args[-1])


@pytest.mark.parametrize("case", sorted(MERGE_CASES))
def test_update_k_patch_holds_only_the_given_keys(case, cmd, golden):
    items, options, post_build = MERGE_CASES[case]
    client = FakeFluxClient(stored(post_build))
    flux_update(cmd, client, **arguments(k=items, **options))  # no --yes: nothing is removed, nothing is asked
    assert [call[0] for call in client.calls] == ["GET", "PATCH"]
    body = patch_body(client)
    assert None not in body["properties"]["kustomizations"].values()
    golden(f"flux/update-k-{case}", body)


def test_one_key_leaves_path_and_prune_alone(cmd):
    client = FakeFluxClient(stored())
    flux_update(cmd, client, **arguments(k=("name=infra sync_interval=3m",)))
    assert patch_body(client) == {"properties": {"kustomizations": {"infra": {"syncIntervalInSeconds": 180}}}}


def test_depends_on_a_missing_kustomization_is_refused_before_any_write(cmd):
    client = FakeFluxClient(stored())
    with pytest.raises(InvalidArgumentValueError, match="'apps' depends on 'db', which does not exist"):
        flux_update(cmd, client, **arguments(k=("name=apps depends_on=infra,db",)))
    assert client.writes() == []


def test_a_cycle_through_a_stored_kustomization_is_refused(cmd):
    client = FakeFluxClient(stored())
    with pytest.raises(InvalidArgumentValueError, match="cycle: infra -> apps -> infra"):
        flux_update(cmd, client, **arguments(k=("name=infra depends_on=apps",)))
    assert client.writes() == []


def test_the_same_values_again_send_nothing(cmd, caplog):
    client = FakeFluxClient(stored())
    flux_update(cmd, client, **arguments(k=("name=apps path=./apps/staging prune=true",)))
    assert client.writes() == [] and "nothing to change" in caplog.text


def test_replace_kustomizations_needs_k(cmd):
    with pytest.raises(RequiredArgumentMissingError, match="--replace-kustomizations needs the complete set") as raised:
        flux_update(cmd, NoRequests(), **arguments(tag="v2", replace_kustomizations=True))
    assert "kustomization delete" in raised.value.recommendations[0]


def test_replace_kustomizations_declares_the_whole_kustomization(cmd, golden):
    # The complete-set form: fields left out return to the service defaults (infra's prune goes off),
    # apps is not named and is removed.
    client = FakeFluxClient(stored())
    flux_update(cmd, client, **arguments(k=("name=infra path=./infrastructure sync_interval=3m",),
                                         replace_kustomizations=True, yes=True))  # fmt: skip
    body = patch_body(client)
    assert body["properties"]["kustomizations"] == {"apps": None, "infra": {"syncIntervalInSeconds": 180,
                                                                            "prune": False}}  # fmt: skip
    golden("flux/update-replace-kustomizations-one-key", body)


KUSTOMIZATION_UPDATE_CASES = {
    "one-field": dict(kustomization_name="infra", sync_interval="3m"),
    # The official wait scenario's `kustomization update --path ./apps/staging --prune --disable-health-check`.
    "disable-health-check": dict(kustomization_name="apps", path="./apps/staging", prune=True,
                                 disable_health_check=True),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(KUSTOMIZATION_UPDATE_CASES))
def test_kustomization_update_patch(case, cmd, golden):
    client = FakeFluxClient(stored())
    kust.kustomization_update(cmd, client, **arguments(**KUSTOMIZATION_UPDATE_CASES[case]))
    assert [call[0] for call in client.calls] == ["GET", "PATCH"]
    golden(f"flux/kustomization-update-{case}", patch_body(client))
