"""The source options among a handler's arguments, with every secret's file form read (the only I/O step
before validation)."""

from azext_k8s_flux._secrets import read_secret
from azext_k8s_flux.validators.flux_configuration.sources import SOURCE_OPTIONS, flag

# Options that have a `--x-file` form; True when a trailing newline of the file is not part of the value.
FILE_OPTIONS = {
    "ssh_private_key": False,
    "known_hosts": False,
    "https_key": True,
    "https_ca_cert": False,
    "bucket_secret_key": True,
    "account_key": True,
    "sas_token": True,
    "sp_client_secret": True,
    "sp_client_cert": False,
    "sp_client_cert_password": True,
    "tls_client_certificate": False,
    "tls_private_key": False,
    "tls_ca_certificate": False,
}


def source_options(arguments):
    """{source option: value or None} from a handler's locals()."""
    options = {name: arguments.get(name) for name in SOURCE_OPTIONS}
    for name, strip_newline in FILE_OPTIONS.items():
        value = read_secret(arguments.get(name), arguments.get(name + "_file"), flag(name), flag(name) + "-file")
        options[name] = value.rstrip("\r\n") if value is not None and strip_newline else value
    return options
