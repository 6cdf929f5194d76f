"""Secrets of a configuration, which a policy definition must never hold: an in-cluster secret (localAuthRef) or
Key Vault references that ARM resolves when the policy's deployment runs.

ARM returns no secret values, so what a configuration needs is read from its shape: an SSH URL needs a private
key, an HTTPS user a key, a bucket access key its secret key, an Azure Blob service principal a secret or a
certificate, and so on. The Key Vault reference needs the vault's resource ID (ARM resolves `keyVault.id`, never a
name), and the vault must allow template deployment (enabledForTemplateDeployment).
"""

import difflib
import re
from dataclasses import dataclass

from azure.cli.core.azclierror import (
    InvalidArgumentValueError,
    MutuallyExclusiveArgumentError,
    RequiredArgumentMissingError,
)

from azext_k8s_flux.flux_model import fields
from azext_k8s_flux.flux_model.kinds import BLOB, BUCKET, GIT, KINDS, OCI

VAULT_ID = re.compile(r"^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.KeyVault/vaults/[^/]+$",
                      re.IGNORECASE)  # fmt: skip
_SECRET_NAME = re.compile(r"^[0-9A-Za-z-]{1,127}$")
# Fields an in-cluster secret replaces (Flux reads user names, keys and identities from the secret).
_REPLACED_BY_LOCAL_SECRET = {GIT: ("httpsUser",), BUCKET: ("accessKey",), BLOB: ("servicePrincipal",), OCI: ()}
VAULT_PARAMETER = "keyVaultResourceId"


@dataclass(frozen=True)
class VaultSecret:
    option: str  # the flux create option it stands for, without dashes: https-key
    secret_name: str  # the Key Vault secret
    field: object  # flux_model SourceField
    required = True  # each one named is given (an interchangeable one is chosen by naming it)

    @property
    def parameter(self):
        """The template's securestring parameter."""
        words = self.option.split("-")
        return words[0] + "".join(w.title() for w in words[1:])

    @property
    def name_parameter(self):
        return self.parameter + "SecretName"


def _option(field):
    return field.name.replace("_", "-")


def secret_options(kind):
    return {_option(f): f for f in fields() if f.secret and kind in f.kinds}


def needed(kind, source):
    """Groups of secret options (one of each group is needed) for the source as ARM returned it."""
    if source.get("localAuthRef"):
        return []
    url = str(source.get("url") or "")
    groups = []
    if kind == GIT:
        if (url.startswith("ssh://") or url.startswith("git@")) and not source.get("provider"):
            groups.append(("ssh-private-key",))
        if source.get("httpsUser"):
            groups.append(("https-key",))
    elif kind == BUCKET and source.get("accessKey"):
        groups.append(("bucket-secret-key",))
    elif kind == BLOB and not source.get("managedIdentity"):
        principal = source.get("servicePrincipal") or {}
        if principal.get("clientId"):
            groups.append(("sp-client-secret", "sp-client-cert"))
        else:
            groups.append(("account-key", "sas-token"))
    elif kind == OCI:
        groups += [(option,) for option, f in secret_options(kind).items()
                   if f.api.split(".")[-1] in (source.get("tlsConfig") or {})]  # fmt: skip
    return groups


def parse_vault_secrets(key_vault, items):
    """--key-vault and --key-vault-secret OPTION=SECRET_NAME ..., checked before any request."""
    if items and not key_vault:
        raise RequiredArgumentMissingError("--key-vault-secret needs --key-vault, the resource ID of the vault.")
    if key_vault and not items:
        raise RequiredArgumentMissingError("--key-vault needs --key-vault-secret: which secret of the vault holds "
                                           "which secret of the source (e.g. https-key=git-token).")
    if key_vault and not VAULT_ID.match(key_vault):
        raise InvalidArgumentValueError(
            "--key-vault takes the vault's resource ID, not its name: ARM resolves a Key Vault reference by ID.",
            recommendation="az keyvault show -n VAULT_NAME --query id -o tsv")
    pairs = {}
    for item in items or []:
        option, _, secret_name = item.partition("=")
        option = option.strip().lstrip("-").replace("_", "-").lower()
        if not option or not _SECRET_NAME.match(secret_name):  # the item is not repeated: it may hold a secret
            raise InvalidArgumentValueError(
                "--key-vault-secret takes OPTION=SECRET_NAME (e.g. https-key=git-token), and a Key Vault secret "
                f"name is 1 to 127 letters, digits and hyphens; the item for '{option or '?'}' does not fit.")
        pairs[option] = secret_name
    return pairs


def plan(kind, source, local_auth_ref, key_vault, pairs):
    """The VaultSecrets to reference, after checking that the chosen way covers what the source needs."""
    groups = needed(kind, source)
    if local_auth_ref and (key_vault or pairs):
        raise MutuallyExclusiveArgumentError("Give either --local-auth-ref or --key-vault, not both.")
    if groups and not local_auth_ref and not pairs:
        names = " and ".join(" or ".join(g) for g in groups)
        raise RequiredArgumentMissingError(
            f"This configuration authenticates with a secret ({names}), and a policy definition never holds one.",
            recommendation="Give --local-auth-ref NAME (a Kubernetes secret of that name in the configuration's "
                           "namespace on every cluster) or --key-vault VAULT_RESOURCE_ID --key-vault-secret "
                           f"{groups[0][0]}=SECRET_NAME (a Key Vault that allows template deployment).")  # fmt: skip
    available = secret_options(kind)
    chosen = []
    for option, secret_name in pairs.items():
        if option not in available:
            close = difflib.get_close_matches(option, list(available), n=1)
            raise InvalidArgumentValueError(
                f"'{option}' is not a secret of {KINDS[kind].article()} source."
                + (f" Did you mean '{close[0]}'?" if close else ""),
                recommendation="Secrets of this source: " + ", ".join(available) + ".")
        chosen.append(VaultSecret(option, secret_name, available[option]))
    missing = [g for g in groups if pairs and not set(g) & set(pairs)]
    if missing:
        raise RequiredArgumentMissingError(
            "No --key-vault-secret for " + " and ".join(" or ".join(g) for g in missing) + ".")
    return chosen


def use_local_secret(kind, source, local_auth_ref):
    """The source reading its credentials from the in-cluster secret."""
    kept = {k: v for k, v in source.items() if k not in _REPLACED_BY_LOCAL_SECRET[kind]}
    kept["localAuthRef"] = local_auth_ref
    return kept
