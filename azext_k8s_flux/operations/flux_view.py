"""What the flux commands print of a configuration: write-only values masked.

ARM never returns protected settings or the secret source fields (they are write-only, `x-ms-secret`), so this
changes nothing today; it keeps a service change, an older API version or a proxy that echoes request bodies from
putting a key on the user's screen. Masked values read "" (set, not shown), as the extension commands show
protected settings.
"""

_SECRET_FIELDS = {
    "azureBlob": ("accountKey", "sasToken"),
    "servicePrincipal": ("clientSecret", "clientCertificate", "clientCertificatePassword"),
    "tlsConfig": ("clientCertificate", "privateKey", "caCertificate"),
}


def _mask(node):
    if isinstance(node, list):
        for item in node:
            _mask(item)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key == "configurationProtectedSettings" and isinstance(value, dict):
            node[key] = {name: "" for name in value}
            continue
        if isinstance(value, dict):
            for field in _SECRET_FIELDS.get(key, ()):
                if value.get(field):
                    value[field] = ""
        _mask(value)


def public_configuration(result):
    """A configuration (SDK model or dict; a list of them; None) as azure-cli renders it, secrets masked."""
    if result is None:
        return None
    from azure.cli.core.util import todict

    rendered = todict(result)
    _mask(rendered)
    return rendered
