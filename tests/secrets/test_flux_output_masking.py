"""The flux commands mask write-only values in what they print, should the service ever return them (ARM does
not: the emulator omits them, so these tests use fake clients that answer with secrets)."""

import copy
import json

from azext_k8s_flux.operations.flux import flux_list, flux_show, flux_update
from tests.flux.cases import CLUSTER, arguments
from tests.flux.existing import git_configuration
from tests.flux.fakes import FakeFluxClient
from tests.harness.fake_cmd import fake_cmd
from tests.secrets import material as m


def _echoing_service():
    """A configuration as a service that echoed every secret would return it."""
    configuration = copy.deepcopy(git_configuration())
    properties = configuration["properties"]
    properties["configurationProtectedSettings"] = {"httpsKey": m.b64(m.HTTPS_KEY), "sshPrivateKey": m.b64(m.SSH_KEY)}
    properties["azureBlob"] = {"url": "https://acct.blob.core.windows.net", "accountKey": m.ACCOUNT_KEY,
                               "sasToken": m.SAS_TOKEN,
                               "servicePrincipal": {"clientId": m.GUID, "clientSecret": m.SP_SECRET,
                                                    "clientCertificate": m.b64(m.SP_CERT),
                                                    "clientCertificatePassword": m.SP_CERT_PASSWORD}}
    properties["ociRepository"] = {"url": "oci://registry.example.com/app",
                                   "tlsConfig": {"clientCertificate": m.b64(m.CERT),
                                                 "privateKey": m.b64(m.PRIVATE_KEY)}}  # fmt: skip
    return configuration


def _assert_masked(output):
    text = json.dumps(output)
    m.assert_no_leak(text)
    items = output if isinstance(output, list) else [output]
    for item in items:
        assert item["configurationProtectedSettings"] == {"httpsKey": "", "sshPrivateKey": ""}
        assert item["azureBlob"]["accountKey"] == "" and item["azureBlob"]["servicePrincipal"]["clientId"] == m.GUID
        assert item["ociRepository"]["tlsConfig"] == {"clientCertificate": "", "privateKey": "", "caCertificate": None}


def test_show_and_list_mask_secrets_a_service_returned():
    client = FakeFluxClient(_echoing_service())
    _assert_masked(flux_show(fake_cmd(), client, **arguments()))
    _assert_masked(flux_list(fake_cmd(), client, **CLUSTER))


def test_update_masks_a_response_that_echoes_the_request(tmp_path):
    """The fake service answers the PATCH with the request body, which holds the new token (base64)."""
    token = tmp_path / "token"
    token.write_text(m.HTTPS_KEY)
    client = FakeFluxClient(git_configuration())
    result = flux_update(fake_cmd(), client, **arguments(https_user="git", https_key_file=str(token)))
    sent = client.writes()[0][1][-1]
    assert m.b64(m.HTTPS_KEY) in json.dumps(sent.as_dict())  # the secret really was in the echoed body
    assert result["configurationProtectedSettings"] == {"httpsKey": ""}
    m.assert_no_leak(json.dumps(result))
