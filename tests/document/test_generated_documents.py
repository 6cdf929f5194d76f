"""Generated documents: what a document gives is what the PUT body holds, and the body, written back as a document,
gives the same body again (the document is the API's shape). Any other top-level key is refused."""

import json

import pytest
from azure.cli.core.azclierror import InvalidArgumentValueError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from azext_k8s_flux import _sdk
from azext_k8s_flux.document.desired import desired_configuration
from azext_k8s_flux.document.inputs import read_inputs
from azext_k8s_flux.document.keys import top_level

NAMES = st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True)
SECONDS = st.integers(min_value=1, max_value=86400)


@st.composite
def documents(draw):
    names = draw(st.lists(NAMES, min_size=1, max_size=4, unique=True))
    kustomizations = {}
    for index, name in enumerate(names):
        body = {"path": f"./{name}", "prune": draw(st.booleans())}
        if index and draw(st.booleans()):
            body["dependsOn"] = [names[index - 1]]  # a chain: never a cycle
        if draw(st.booleans()):
            body["timeoutInSeconds"] = draw(SECONDS)
        kustomizations[name] = body
    revision = draw(st.sampled_from([{"branch": "main"}, {"tag": "v1.2.3"}, {"semver": ">=1.0.0"}]))
    source = {"url": "https://github.com/org/" + draw(NAMES), "repositoryRef": revision,
              "syncIntervalInSeconds": draw(SECONDS)}  # fmt: skip
    return {"name": "gen-" + draw(NAMES), "namespace": draw(NAMES), "scope": draw(st.sampled_from(["cluster",
            "namespace"])), "suspend": draw(st.booleans()), "sourceKind": "GitRepository",
            "gitRepository": source, "kustomizations": kustomizations}  # fmt: skip


def _body(path):
    return _sdk.as_dict(desired_configuration(read_inputs(str(path))).body)["properties"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=documents())
def test_a_generated_document_is_what_the_put_sends_and_round_trips(document, tmp_path):
    path = tmp_path / "generated.json"
    path.write_text(json.dumps(document))
    body = _body(path)
    assert body["gitRepository"]["url"] == document["gitRepository"]["url"]
    assert body["gitRepository"]["repositoryRef"] == document["gitRepository"]["repositoryRef"]
    assert body["gitRepository"]["syncIntervalInSeconds"] == document["gitRepository"]["syncIntervalInSeconds"]
    assert (body["namespace"], body["scope"], body["suspend"]) == (document["namespace"], document["scope"],
                                                                   document["suspend"])  # fmt: skip
    assert list(body["kustomizations"]) == list(document["kustomizations"])
    for name, given_body in document["kustomizations"].items():
        assert {key: body["kustomizations"][name][key] for key in given_body} == given_body
    path.write_text(json.dumps({"name": document["name"], **body}))
    assert _body(path) == body


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.text(st.characters(categories=["Ll", "Lu", "Nd"]), min_size=1, max_size=20))
def test_any_other_top_level_key_is_refused(key, tmp_path):
    if key.lower() in {k.lower() for k in top_level()}:
        return
    path = tmp_path / "unknown.json"
    path.write_text(json.dumps({"name": "cfg", key: "x"}))
    with pytest.raises(InvalidArgumentValueError, match="Unknown key"):
        read_inputs(str(path))
