"""What the service and the official command accept is accepted: dotted configuration names, the official JSON form
of --match-oidc-identity, --bucket-insecure against the URL's scheme (a warning), opaque base64 for --tls-* (a
warning). Secrets never appear in a message."""

import base64
import json
import logging

import pytest
from azure.cli.core.azclierror import InvalidArgumentValueError

from azext_k8s_flux.validators.flux_configuration.configuration import kustomizations_for_create, validate_configuration
from azext_k8s_flux.validators.flux_configuration.sources import validate_source
from tests.flux import material as m

OCI = {"url": "oci://ghcr.io/org/manifests", "tag": "latest"}
ISSUER, SUBJECT = "^https://token.actions.githubusercontent.com$", "^https://github.com/org/repo.*$"
# Base64 of text that is no PEM: what the official CI passes for the --tls-* options.
OPAQUE = {"tls_client_certificate": base64.b64encode(b"opaque-client-cert").decode(),
          "tls_private_key": base64.b64encode(b"opaque-private-key").decode(),
          "tls_ca_certificate": base64.b64encode(b"opaque-ca-cert").decode()}  # fmt: skip


# --- names ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["team.apps", "a.b.c", "cluster-config", "x" * 63, "a1.b-2"])
def test_dns_subdomain_names_of_at_most_63_characters_are_taken(name):
    validate_configuration(name, "cluster", "default")


@pytest.mark.parametrize("name", ["x" * 64, "team..apps", ".team", "team.", "Team.Apps", "team_apps", "-team"])
def test_other_names_are_refused(name):
    with pytest.raises(InvalidArgumentValueError, match="Invalid configuration name"):
        validate_configuration(name, "cluster", "default")


def test_kustomization_names_may_be_dotted_too():
    specs, _ = kustomizations_for_create("team.apps", [{"name": "infra.core", "path": "./"}])
    assert specs[0]["name"] == "infra.core"
    with pytest.raises(InvalidArgumentValueError, match="Invalid kustomization name"):
        kustomizations_for_create("team.apps", [{"name": "infra..core", "path": "./"}])


def test_kustomization_object_names_still_fit_in_63_characters():
    name = "team." + "a" * 52  # 57 characters: team.aaa...-infra is 63
    assert kustomizations_for_create(name, [{"name": "infra", "path": "./"}])[0][0]["name"] == "infra"
    with pytest.raises(InvalidArgumentValueError, match="63"):
        kustomizations_for_create(name, [{"name": "infra2", "path": "./"}])


# --- --match-oidc-identity -------------------------------------------------------------------------------------------

def _verify(identities):
    source = validate_source("oci", dict(OCI, verification_provider="cosign", match_oidc_identity=identities))
    return source.source["verify"]["matchOidcIdentity"]


@pytest.mark.parametrize("items, expected", [
    ([json.dumps({"issuer": ISSUER, "subject": SUBJECT})], [{"issuer": ISSUER, "subject": SUBJECT}]),
    (['{"issuer":"a","subject":"b"}', '{"issuer":"c","subject":"d"}'],
     [{"issuer": "a", "subject": "b"}, {"issuer": "c", "subject": "d"}]),
    (['[{"issuer":"a","subject":"b"},{"issuer":"c","subject":"d"}]'],
     [{"issuer": "a", "subject": "b"}, {"issuer": "c", "subject": "d"}]),
    ([f"issuer={ISSUER},subject={SUBJECT}", '{"issuer":"c","subject":"d"}'],
     [{"issuer": ISSUER, "subject": SUBJECT}, {"issuer": "c", "subject": "d"}]),
    (['{"issuer":"a","subject":"b{1,3}"}'], [{"issuer": "a", "subject": "b{1,3}"}]),  # a comma the JSON form allows
])  # fmt: skip
def test_official_json_form_and_ours(items, expected):
    assert _verify(items) == expected


@pytest.mark.parametrize("item, message", [
    ('{"issuer": "a"}', "'issuer' and 'subject'"),
    ('{"issuer": "a", "subject": 5}', "'issuer' and 'subject'"),
    ("[]", "'issuer' and 'subject'"),
    ('{issuer: "a", subject: "b"}', "not valid JSON"),
    ("issuer=a", "issuer=REGEX,subject=REGEX"),
])  # fmt: skip
def test_malformed_identities_are_refused(item, message):
    with pytest.raises(InvalidArgumentValueError, match=message):
        _verify([item])


# --- --bucket-insecure ------------------------------------------------------------------------------------------------

BUCKET = {"bucket_name": "manifests", "local_auth_ref": "bucket-credentials"}


@pytest.mark.parametrize("url, insecure", [("https://s3.example.com", True), ("http://minio:9000", False)])
def test_bucket_insecure_against_the_scheme_is_sent_with_a_warning(caplog, url, insecure):
    with caplog.at_level(logging.WARNING):
        source = validate_source("bucket", dict(BUCKET, url=url, bucket_insecure=insecure))
    assert source.source["insecure"] is insecure
    assert f"--bucket-insecure {str(insecure).lower()} with --url '{url}'" in caplog.text


def test_bucket_insecure_that_agrees_says_nothing(caplog):
    with caplog.at_level(logging.WARNING):
        source = validate_source("bucket", dict(BUCKET, url="http://minio:9000", bucket_insecure=True))
    assert source.source["insecure"] is True and "bucket-insecure" not in caplog.text


# --- --tls-* ----------------------------------------------------------------------------------------------------------

def test_opaque_base64_tls_values_are_sent_as_given_with_a_warning(caplog):
    with caplog.at_level(logging.WARNING):
        source = validate_source("oci", dict(OCI, **OPAQUE))
    assert source.source["tlsConfig"] == {"clientCertificate": OPAQUE["tls_client_certificate"],
                                          "privateKey": OPAQUE["tls_private_key"],
                                          "caCertificate": OPAQUE["tls_ca_certificate"]}  # fmt: skip
    assert source.secret is True
    for option in ("--tls-client-certificate", "--tls-private-key", "--tls-ca-certificate"):
        assert f"{option} is base64 but not PEM" in caplog.text
    assert not any(value in caplog.text for value in OPAQUE.values())


def test_pem_tls_values_are_encoded_without_a_warning(caplog):
    with caplog.at_level(logging.WARNING):
        source = validate_source("oci", dict(OCI, tls_client_certificate=m.CERT, tls_private_key=m.TLS_KEY))
    assert base64.b64decode(source.source["tlsConfig"]["clientCertificate"]).decode().startswith("-----BEGIN CERT")
    assert "not PEM" not in caplog.text


def test_base64_wrapped_in_lines_is_taken_whole():
    wrapped = OPAQUE["tls_ca_certificate"][:8] + "\n" + OPAQUE["tls_ca_certificate"][8:] + "\n"
    assert validate_source("oci", dict(OCI, tls_ca_certificate=wrapped)).source["tlsConfig"] == {
        "caCertificate": OPAQUE["tls_ca_certificate"]}  # fmt: skip


@pytest.mark.parametrize("value", ["tlsLeak not base64", "tlsLeak*marker!", "-----BEGIN PUBLIC KEY-----\nabc\n"])
def test_values_the_api_could_not_take_are_refused_without_quoting_them(value):
    with pytest.raises(InvalidArgumentValueError) as raised:
        validate_source("oci", dict(OCI, tls_ca_certificate=value))
    assert "is not a PEM certificate" in str(raised.value)
    assert "tlsLeak" not in str(raised.value) and "abc" not in str(raised.value)
