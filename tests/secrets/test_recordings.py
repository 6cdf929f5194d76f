"""Recorded cassettes (tests/recordings) hold no secret: the scrubber is checked against every secret kind, in
request and response bodies, by recording real commands into a scratch cassette and by scanning the stored ones."""

import json

import pytest
import yaml

from tests.flux import material as flux_material
from tests.harness import recording
from tests.secrets import material as m
from tests.secrets.test_flux_secrets import CASES

REPLAY_HTTPS_KEY = "ghp_recordedTokenValue0123456789"  # tests/replay's token
SECRET_FIELDS = {"accountKey", "sasToken", "clientSecret", "clientCertificate", "clientCertificatePassword",
                 "privateKey", "caCertificate"}  # fmt: skip


def _bodies(cassette_text):
    for interaction in yaml.safe_load(cassette_text)["interactions"]:
        for body in (interaction["request"].get("body"), (interaction["response"].get("body") or {}).get("string")):
            if body:
                yield body.decode("utf-8") if isinstance(body, bytes) else body


def _unredacted(value, path=""):
    """Paths of secret values left in a JSON document."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "configurationProtectedSettings" and isinstance(item, dict):
                found += [f"{path}/{key}/{name}" for name, v in item.items() if v not in ("REDACTED", "", None)]
            elif key in SECRET_FIELDS and isinstance(item, str) and item != "REDACTED":
                found.append(f"{path}/{key}")
            else:
                found += _unredacted(item, f"{path}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _unredacted(item, f"{path}/{index}")
    return found


def assert_cassette_clean(text, *secrets):
    m.assert_no_leak(text, *secrets)
    for body in _bodies(text):
        try:
            document = json.loads(body)
        except ValueError:
            continue
        assert _unredacted(document) == [], body


def test_stored_cassettes_hold_no_secret():
    cassettes = sorted(recording.RECORDINGS_DIR.glob("*.yaml"))
    assert cassettes
    for cassette in cassettes:
        assert_cassette_clean(cassette.read_text(), REPLAY_HTTPS_KEY, *flux_material.ALL_SECRETS, *m.ALL)


def test_recording_every_secret_kind_stores_none(cli, cluster, write_files, tmp_path, monkeypatch):
    """Record create and update of every flux secret option and an extension's protected settings."""
    monkeypatch.setattr(recording, "RECORDINGS_DIR", tmp_path / "cassettes")
    secrets = []
    with recording.make_vcr(record=True).use_cassette("every-secret.yaml"):
        for case, (files, create, update) in CASES.items():
            paths = write_files(files)
            secrets += files.values()
            cli(f"k8s-configuration flux create {cluster.args} -n rec-{case} {create.format(**paths)} -o none")
            cli(f"k8s-configuration flux update {cluster.args} -n rec-{case} {update.format(**paths)} --yes -o none")
        protected = write_files({"protected.json": json.dumps({"gitToken": m.PROTECTED_VALUE})})["protected.json"]
        cli(f"k8s-extension create {cluster.args} -n rec-ext --extension-type vendor.thing "
            f"--config-protected-file {protected} -o none")  # fmt: skip
        cli(f"k8s-extension update {cluster.args} -n rec-ext --config-protected-file {protected} --yes -o none")
    text = (tmp_path / "cassettes" / "every-secret.yaml").read_text()
    assert text.count("REDACTED") >= len(CASES) * 2  # the bodies were recorded, with their secrets replaced
    assert_cassette_clean(text, *secrets, m.PROTECTED_VALUE)


@pytest.mark.parametrize("field, value", [
    ("accountKey", m.ACCOUNT_KEY), ("sasToken", m.SAS_TOKEN), ("clientSecret", m.SP_SECRET),
    ("clientCertificate", m.b64(m.SP_CERT)), ("clientCertificatePassword", m.SP_CERT_PASSWORD),
    ("privateKey", m.b64(m.PRIVATE_KEY)),
])  # fmt: skip
def test_a_response_carrying_a_secret_field_is_scrubbed(field, value):
    """ARM never returns these fields, but a cassette must not depend on it: response bodies are scrubbed too."""
    body = json.dumps({"properties": {"azureBlob": {field: value}, "ociRepository": {"tlsConfig": {field: value}},
                                      "configurationProtectedSettings": {"httpsKey": m.b64(m.HTTPS_KEY)}}})
    response = recording._scrub_response({"headers": {}, "body": {"string": body.encode()}})
    scrubbed = response["body"]["string"].decode()
    m.assert_no_leak(scrubbed, value, m.HTTPS_KEY)
    assert value not in scrubbed and _unredacted(json.loads(scrubbed)) == []


def test_a_request_body_that_is_not_utf8_json_is_recorded_without_error():
    from vcr.request import Request

    request = Request("PUT", "https://127.0.0.1:1/subscriptions/x/resourceGroups/r?api-version=1", b"\xff\xfe", {})
    assert recording._scrub_request(request).body == b"\xff\xfe"
