"""Credentials given again for a migration: `NAME=VALUE` options, secrets read from files only."""

from azure.cli.core.azclierror import InvalidArgumentValueError

from azext_k8s_flux._secrets import read_secret


def _pairs(values, option):
    pairs = {}
    for value in values or []:
        name, separator, item = value.partition("=")
        if not separator or not name.strip() or not item:
            raise InvalidArgumentValueError(
                f"Invalid {option} value '{value.split('=')[0] if separator else value}': use "
                f"{option} CONFIGURATION=VALUE, where CONFIGURATION is the name of the Flux v1 configuration."
            )
        if name.strip() in pairs:
            raise InvalidArgumentValueError(f"{option} names '{name.strip()}' twice; give one value per configuration.")
        pairs[name.strip()] = item
    return pairs


def read_credentials(ssh_private_key_file=None, https_user=None, https_key_file=None):
    """{configuration name: {"sshPrivateKey"|"httpsUser"|"httpsKey": value}} from the migrate options."""
    credentials = {}
    for name, path in _pairs(ssh_private_key_file, "--ssh-private-key-file").items():
        key = read_secret(None, path, "--ssh-private-key", f"--ssh-private-key-file {name}=PATH")
        credentials.setdefault(name, {})["sshPrivateKey"] = key
    for name, user in _pairs(https_user, "--https-user").items():
        credentials.setdefault(name, {})["httpsUser"] = user
    for name, path in _pairs(https_key_file, "--https-key-file").items():
        key = read_secret(None, path, "--https-key", f"--https-key-file {name}=PATH")
        credentials.setdefault(name, {})["httpsKey"] = key.strip()
    return credentials


def credential_keys(credentials):
    """Which credentials were given per configuration (names of keys only: safe to save)."""
    return {name: sorted(values) for name, values in credentials.items()}
