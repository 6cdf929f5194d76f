"""Every official help example and Microsoft Learn example (tests/conformance/*examples.py) runs against the
emulator, on a fresh cluster arranged as the example needs, with the outcome its page describes.

Secrets in the command lines are dummy values generated here; none may appear in the output.
"""

import json
import re
import secrets
import shlex

import pytest

from tests.conformance.examples import K8S_CONFIGURATION_HELP, K8S_EXTENSION_HELP, MISSING, V1_RETIRED
from tests.conformance.learn_examples import LEARN_EXAMPLES
from tests.conformance.world import arrange

pytest.importorskip("arm_emulator", reason="the local ARM emulator is not in this checkout")

ALL = K8S_CONFIGURATION_HELP + K8S_EXTENSION_HELP + LEARN_EXAMPLES
PLACEHOLDER = re.compile(r"\{([A-Za-z_][\w.]*)\}")
WRONG_FOR_OFFICIAL = "wrong for the official CLI too: "


def _param(example):
    marks = [pytest.mark.xfail(strict=True, reason=example.pending)] if example.pending else []
    return pytest.param(example, id=example.id, marks=marks)


def _cluster_type(argv):
    for option in ("-t", "--cluster-type"):
        if option in argv:
            return argv[argv.index(option) + 1]
    return "connectedClusters"  # location-scoped commands: the cluster is not used


def _fill(text, values):
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def _values(example, tmp_path):
    """Dummy secrets for every {name} of the command and the files, and the paths of the files."""
    texts = [example.command, *(json.dumps(content) for content in example.files.values())]
    names = {name for text in texts for name in PLACEHOLDER.findall(text)} - set(example.files)
    values = {name: f"dummy{name.replace('_', '')}{secrets.token_hex(8)}" for name in names}
    values["arranged_bucket_secret"] = "dummyarranged" + secrets.token_hex(8)
    for file_name, content in example.files.items():
        path = tmp_path / file_name
        path.write_text(_fill(json.dumps(content), values))
        values[file_name] = str(path)
    return values


def _at(document, path):
    for key in path.split("/"):
        if not isinstance(document, dict) or key not in document:
            return MISSING
        document = document[key]
    return MISSING if document is None else document


def _same(path, actual, expected):
    if path.endswith("extensionType") and isinstance(actual, str):
        return actual.lower() == expected.lower()  # the service keeps the casing it was given
    return actual == expected


def _check_result(example, outcome):
    if not example.result:
        return
    printed = outcome.json
    for path, expected in example.result.items():
        actual = sorted(item["name"] for item in printed) if path == "#names" else _at(printed, path)
        assert _same(path, actual, expected), f"{path}: {actual!r} != {expected!r} in {printed!r}"


def _check_state(example, cluster):
    for resource, expected in example.stored.items():
        resource_type, name = resource.split("/")
        status, body = cluster.get(resource_type, name)
        assert status == 200, (resource, body)
        for path, value in expected.items():
            actual = _at(body["properties"], path)
            assert _same(path, actual, value), f"{resource} {path}: {actual!r} != {value!r}"
    for resource in example.absent:
        resource_type, name = resource.split("/")
        assert cluster.get(resource_type, name)[0] == 404, f"{resource} still exists"


def _run(example, argv, cli, az, monkeypatch):
    env = {"AZURE_CORE_DISABLE_CONFIRM_PROMPT": "true"} if example.answers_prompt else {}
    if example.via == "az":
        return az(*argv, expect=None, env=env)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return cli(*argv, expect=None)


def test_the_corpus_is_well_formed():
    assert len({example.id for example in ALL}) == len(ALL)
    for example in ALL:
        assert example.source and example.says and example.command.split()[0] in ("k8s-configuration", "k8s-extension")
        assert example.outcome in ("works", V1_RETIRED) or example.outcome.startswith(WRONG_FOR_OFFICIAL)
        assert (example.exit_code == 0) == (example.outcome == "works"), example.id
        assert example.via in ("cli", "az")


@pytest.mark.parametrize("example", [_param(example) for example in ALL])
def test_official_example(example, new_cluster, cli, az, tmp_path, monkeypatch):
    values = _values(example, tmp_path)
    argv = shlex.split(_fill(example.command, values))
    cluster = new_cluster(_cluster_type(argv))
    names = {"demo-rg": cluster.resource_group, "demo-arc": cluster.name, "demo-aks": cluster.name}
    argv = [names.get(arg, arg) for arg in argv]
    arrange(cluster, example.given, values)

    outcome = _run(example, argv, cli, az, monkeypatch)

    assert outcome.exit_code == example.exit_code, f"{example.outcome}: {outcome!r}"
    for name, value in values.items():
        if name not in example.files:
            assert value not in outcome.output, f"the dummy secret {name} was printed"
    for text in example.stdout_has:
        assert text in outcome.stdout, (text, outcome)
    for text in example.stderr_has:
        assert text in outcome.stderr, (text, outcome)
    _check_result(example, outcome)
    _check_state(example, cluster)
