"""Credentials given again for a migration: `NAME=VALUE` options, secrets read from files only."""

from azure.cli.core.azclierror import InvalidArgumentValueError

from azext_k8s_flux._secrets import read_secret
from azext_k8s_flux._validators import is_dns1123_subdomain


def _pairs(values, option, secret=False):
    """{NAME: VALUE} of `option`'s NAME=VALUE items. For a secret option nothing of an item that does not start
    with a configuration name is repeated: `--https-key-file @token.txt` puts the token itself there."""
    pairs = {}
    for value in values or []:
        name, separator, item = value.partition("=")
        if secret and not is_dns1123_subdomain(name.strip()):
            raise InvalidArgumentValueError(
                f"Invalid {option} value: use {option} CONFIGURATION=PATH, where CONFIGURATION is the name of the "
                "Flux v1 configuration and PATH a file holding the secret (not the secret itself, and without "
                "'@'). The value is not repeated here, as it may be the secret."
            )
        if not separator or not name.strip() or not item:
            # A lowercase token (an Azure DevOps PAT) reads as a configuration name: a secret option's is not shown.
            shown = "" if secret else f" '{value.split('=')[0] if separator else value}'"
            raise InvalidArgumentValueError(
                f"Invalid {option} value{shown}: use "
                f"{option} CONFIGURATION=VALUE, where CONFIGURATION is the name of the Flux v1 configuration."
            )
        if name.strip() in pairs:
            raise InvalidArgumentValueError(f"{option} names '{name.strip()}' twice; give one value per configuration.")
        pairs[name.strip()] = item
    return pairs


def read_credentials(ssh_private_key_file=None, https_user=None, https_key_file=None):
    """{configuration name: {"sshPrivateKey"|"httpsUser"|"httpsKey": value}} from the migrate options."""
    credentials = {}
    for name, path in _pairs(ssh_private_key_file, "--ssh-private-key-file", secret=True).items():
        key = read_secret(None, path, "--ssh-private-key", f"--ssh-private-key-file {name}=PATH")
        credentials.setdefault(name, {})["sshPrivateKey"] = key
    for name, user in _pairs(https_user, "--https-user").items():
        credentials.setdefault(name, {})["httpsUser"] = user
    for name, path in _pairs(https_key_file, "--https-key-file", secret=True).items():
        key = read_secret(None, path, "--https-key", f"--https-key-file {name}=PATH")
        credentials.setdefault(name, {})["httpsKey"] = key.strip()
    return credentials


def credential_keys(credentials):
    """Which credentials were given per configuration (names of keys only: safe to save)."""
    return {name: sorted(values) for name, values in credentials.items()}
