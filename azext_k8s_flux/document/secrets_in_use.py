"""The secrets a configuration evidently uses, inferred from what the service returns (it never returns them).

A GET answers without configurationProtectedSettings and without the secret source fields, so the fields around
them tell: an HTTPS user goes with an HTTPS key, a bucket access key with its secret key, a service principal
without a certificate chain with a client secret, an SSH URL with no generated public key with a private key, and
OCI TLS material the service reports as set (values redacted) with the same fields. An Azure Blob source with no
identity and no local secret uses an account key or a SAS token: the response cannot tell which, so both are
named and one is enough.
"""

from dataclasses import dataclass
from typing import Optional

from azext_k8s_flux.document.writable import find, source_kind, value_at
from azext_k8s_flux.flux_model.kinds import BLOB, BUCKET, GIT, OCI


def camel(name):
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


@dataclass(frozen=True)
class SecretInUse:
    field: object  # flux_model.field.SourceField
    alternative: Optional[str] = None  # the field name of the other secret that can stand in for this one

    @property
    def parameter(self):
        """The template parameter's name: the option in camelCase, e.g. httpsKey."""
        return camel(self.field.name)

    @property
    def required(self):
        return self.alternative is None


def _git(source, properties):
    names = []
    if value_at(source, "httpsUser"):
        names.append("https_key")
    url = str(value_at(source, "url") or "")
    ssh = url.startswith(("ssh://", "git@"))
    if ssh and not value_at(source, "localAuthRef") and not find(properties, "repositoryPublicKey")[1]:
        names.append("ssh_private_key")  # the service generates a key pair (and shows its public half) otherwise
    return [(n, None) for n in names]


def _bucket(source, _properties):
    return [("bucket_secret_key", None)] if value_at(source, "accessKey") else []


def _blob(source, _properties):
    if value_at(source, "servicePrincipal"):
        cert = value_at(source, "servicePrincipal.clientCertificateSendChain")
        return [("sp_client_cert" if cert else "sp_client_secret", None)]
    if value_at(source, "managedIdentity") or value_at(source, "localAuthRef"):
        return []
    return [("account_key", "sas_token"), ("sas_token", "account_key")]


def _oci(source, _properties):
    """TLS material is answered as set (masked or redacted, never the value), unset ones as null or absent."""
    from azext_k8s_flux.flux_model import fields

    return [(f.name, None) for f in fields()
            if OCI in f.kinds and f.secret and f.api and value_at(source, f.api) is not None]  # fmt: skip


_RULES = {GIT: _git, BUCKET: _bucket, BLOB: _blob, OCI: _oci}


def secrets_in_use(properties):
    """[SecretInUse] of a configuration's properties (flattened `flux show` output or API `properties`)."""
    from azext_k8s_flux.flux_model import field_named, fields

    kind = source_kind(properties)
    if kind is None:
        return []
    source = find(properties, kind.property)[1] or {}
    found = _RULES[kind.api](source, properties)
    # A service that answers with the protected keys (values blanked, as extensions do) names them itself.
    answered = find(properties, "configurationProtectedSettings")[1] or {}
    found += [(f.name, None) for f in fields() if kind.api in f.kinds and f.protected in answered
              and f.name not in {name for name, _ in found}]  # fmt: skip
    return [SecretInUse(field_named(name), alternative) for name, alternative in found]
