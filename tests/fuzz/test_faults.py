"""A mix of writes under injected faults (about one request in five throttled, failing, dropped, or its
operation failing): no message says "Nothing was changed" when the change was made, and a failed command
whose change (or whose install of microsoft.flux) happened says so."""

import random
import sys

import pytest

from tests.fuzz.test_generated_inputs import CRASH, MAY_HAVE_CHANGED

FLUX = "k8s-configuration flux"
REPO = "https://github.com/contoso/fleet"
KINDS = ("throttle", "error", "drop", "lro-fail")


def _writes(cluster):
    """Commands in order: a first create (which installs microsoft.flux), then changes of every kind."""
    c = cluster.args
    steps = []
    for n in range(3):
        steps += [
            f"{FLUX} create {c} -n app{n} --namespace app{n} -u {REPO} --branch main -k name=infra path=./infra",
            f"{FLUX} update {c} -n app{n} --branch release-{n}",
            f"{FLUX} kustomization create {c} -n app{n} -k apps --path ./apps --depends-on infra",
            f"{FLUX} kustomization update {c} -n app{n} -k apps --path ./apps/v{n} --prune true",
            f"k8s-extension create {c} -n mon{n} --extension-type contoso.monitor --config a=b",
            f"k8s-extension update {c} -n flux --config multiTenancy.enforce={'true' if n % 2 else 'false'} --yes",
            f"{FLUX} kustomization delete {c} -n app{n} -k apps --yes",
            f"{FLUX} update {c} -n app{n} --suspend true",
            f"k8s-extension delete {c} -n mon{n} --yes",
            f"{FLUX} delete {c} -n app{n} --yes",
        ]
    return steps


def _snapshot(cluster):
    """What a user would call the state: each resource's identity, its settings and provisioning state."""
    state = {}
    for extension in cluster.list("extensions"):
        props = extension["properties"]
        state["extension/" + extension["name"]] = (props.get("provisioningState"), props.get("configurationSettings"))
    for config in cluster.list("fluxConfigurations"):
        props = config["properties"]
        kustomizations = {k: (v.get("path"), v.get("prune")) for k, v in (props.get("kustomizations") or {}).items()}
        state["flux/" + config["name"]] = (props.get("provisioningState"), props.get("suspend"),
                                           (props.get("gitRepository") or {}).get("repositoryRef"), kustomizations)
    return state


def _write_method(command):
    words = command.split()
    if "kustomization" in words or "update" in words:
        return "PATCH"
    return "DELETE" if "delete" in words else "PUT"


def _inject(faults, rng, cluster, write):
    """About one request in five fails: most commands get one fault episode, on their reads or their write."""
    if rng.random() < 0.7:
        kind = rng.choice(KINDS)
        method = write if kind == "lro-fail" or rng.random() < 0.5 else "GET"
        options = {"retry_after": 0} if kind == "throttle" else {"status": rng.choice([500, 503, 501])} \
            if kind == "error" else {}  # fmt: skip
        return faults.set_fault(kind, count=rng.randint(1, 2), method=method, path=cluster.name, **options)["count"]
    return 0


@pytest.mark.timeout(900)
def test_writes_under_injected_faults_never_mislead(cli, faults, new_cluster):
    cluster = new_cluster("connectedClusters")
    rng = random.Random(18)
    failed = fired = sent = 0
    for command in _writes(cluster):
        before = _snapshot(cluster)
        since = max((e["seq"] for e in faults.requests(kind="arm")), default=0)
        planned = _inject(faults, rng, cluster, _write_method(command))
        result = cli(command + " -o none", expect=None)
        fired += planned - sum(fault["count"] for fault in faults.admin.faults())
        faults.clear_faults()
        sent += len([e for e in faults.requests(kind="arm") if e["seq"] > since and cluster.name in e["path"]])
        after = _snapshot(cluster)
        output = result.stdout + result.stderr
        assert not CRASH.search(output), result
        assert result.exit_code in (0, 1, 2, 3), result
        if result.exit_code == 0:
            continue
        failed += 1
        if before != after:  # the command failed but something changed: the message must say it may have
            assert MAY_HAVE_CHANGED.search(result.stderr), (result, before, after)
        if "Nothing was changed" in result.stderr:
            assert before == after, (result, before, after)
        installed = "extension/flux" in after and "extension/flux" not in before
        if installed:
            assert "Flux extension 'flux'" in result.stderr, result
    print(f"\n{fired} of {sent} requests faulted, {failed} of {len(_writes(cluster))} commands failed",
          file=sys.stderr)  # fmt: skip
    assert failed >= 3 and 0.1 <= fired / sent <= 0.4, (failed, fired, sent)  # the faults did bite, about 1 in 5
