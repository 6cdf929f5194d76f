"""A source option's own check is its field's parser (flux_model/source_values.py): the kind rules place composed
fields through it, so swapping a field's parser in the description changes what validate_source accepts and sends,
for fields the description places and for those a kind's rules place alike."""

import dataclasses

import pytest
from azure.cli.core.azclierror import InvalidArgumentValueError

from azext_k8s_flux import flux_model
from azext_k8s_flux.flux_model import source_fields, source_values
from azext_k8s_flux.validators.flux_configuration.sources import validate_source
from tests.flux import material as m

GIT = {"url": "https://dev.azure.com/org/project/_git/fleet", "branch": "main"}
OCI = {"url": "oci://ghcr.io/org/manifests", "tag": "v1"}
BLOB = {"url": "https://fleetstore.blob.core.windows.net", "container_name": "manifests"}
SP = dict(BLOB, sp_client_id=m.GUID, sp_tenant_id=m.GUID, sp_client_secret=m.SP_SECRET)

# (field, kind, options, where its parsed value lands in the source object)
CASES = [
    ("commit", "git", dict(GIT, commit=m.COMMIT), ("repositoryRef", "commit")),
    ("provider", "git", dict(GIT, provider="azure"), ("provider",)),
    ("known_hosts", "git", dict(GIT, url="ssh://git@github.com/org/fleet", known_hosts=m.KNOWN_HOSTS),
     ("sshKnownHosts",)),
    ("https_ca_cert", "git", dict(GIT, https_ca_cert=m.CERT), ("httpsCACert",)),
    ("timeout", "git", dict(GIT, timeout="3m"), ("timeoutInSeconds",)),
    ("sas_token", "azureblob", dict(BLOB, sas_token="?" + m.SAS_TOKEN), ("sasToken",)),
    ("mi_client_id", "azureblob", dict(BLOB, mi_client_id=m.GUID), ("managedIdentity", "clientId")),
    ("sp_tenant_id", "azureblob", SP, ("servicePrincipal", "tenantId")),
    ("digest", "oci", dict(OCI, digest=m.DIGEST, tag=None), ("repositoryRef", "digest")),
    ("layer_selector_operation", "oci", dict(OCI, layer_selector_operation="COPY"), ("layerSelector", "operation")),
    ("service_account_name", "oci", dict(OCI, service_account_name="flux-puller"), ("serviceAccountName",)),
    ("verification_provider", "oci", dict(OCI, verification_provider="Cosign"), ("verify", "provider")),
    ("match_oidc_identity", "oci", dict(OCI, verification_provider="cosign",
                                        match_oidc_identity=["issuer=a,subject=b"]), ("verify", "matchOidcIdentity")),
]  # fmt: skip


def _at(source, path):
    for key in path:
        source = source[key]
    return source


@pytest.mark.parametrize("name, kind, options, path", CASES, ids=[case[0] for case in CASES])
def test_the_fields_parser_decides_the_value_sent(name, kind, options, path):
    field = flux_model.field_named(name)
    expected = field.parse(options[name], field.flag)
    assert _at(validate_source(kind, options).source, path) == expected


@pytest.mark.parametrize("name, kind, options, path", CASES, ids=[case[0] for case in CASES])
def test_swapping_the_parser_on_the_field_changes_it(name, kind, options, path, monkeypatch):
    calls = []

    def refuse(value, flag):
        calls.append(flag)
        raise InvalidArgumentValueError(f"{flag} refused by the swapped parser")

    swapped = [dataclasses.replace(f, parse=refuse) if f.name == name else f for f in source_fields.FIELDS]
    monkeypatch.setattr(source_fields, "FIELDS", swapped)
    with pytest.raises(InvalidArgumentValueError, match="refused by the swapped parser"):
        validate_source(kind, options)
    assert calls == [flux_model.field_named(name).flag]


def test_every_parser_in_the_description_comes_from_source_values():
    for field in flux_model.fields():
        if field.parse is not None:
            assert field.parse.__module__ == source_values.__name__, field.name


def test_choices_and_their_parser_agree():
    for field in flux_model.fields():
        if field.choices:
            assert field.parse.allowed == field.choices, field.name
            for choice in field.choices:
                field.parse(choice.upper(), field.flag)
            with pytest.raises(InvalidArgumentValueError, match=f"Invalid {field.flag} 'other': use "):
                field.parse("other", field.flag)
