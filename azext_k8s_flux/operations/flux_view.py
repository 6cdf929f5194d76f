"""What the flux commands print of a configuration: write-only values masked.

ARM never returns protected settings or the secret source fields (they are write-only, `x-ms-secret`), so this
changes nothing today; it keeps a service change, an older API version or a proxy that echoes request bodies from
putting a key on the user's screen. Masked values read "" (set, not shown), as the extension commands show
protected settings. Which fields are secret: the description (flux_model.source_fields).
"""

from azext_k8s_flux._secrets import masked


def _mask(node, secret_fields):
    if isinstance(node, list):
        for item in node:
            _mask(item, secret_fields)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key == "configurationProtectedSettings" and isinstance(value, dict):
            node[key] = masked(value)
            continue
        if isinstance(value, dict):
            for field in secret_fields.get(key, ()):
                if value.get(field):
                    value[field] = masked(value[field])
        _mask(value, secret_fields)


def public_configuration(result):
    """A configuration (SDK model or dict; a list of them; None) as azure-cli renders it, secrets masked."""
    if result is None:
        return None
    from azure.cli.core.util import todict

    from azext_k8s_flux.flux_model import masked_fields

    rendered = todict(result)
    _mask(rendered, masked_fields())
    return rendered
