"""How an export names a secret it must leave out: a reference to fill in, never a value.

Keys and certificates (fields read as text from a file) are referenced as a file beside the document; tokens and
passwords (one line) as an environment variable named after the option: --https-key -> FLUX_HTTPS_KEY.
"""


def reference(field):
    """The document's reference for a secret field (flux_model SourceField): {file: PATH} or {env: NAME}."""
    if field.file == "text":
        return {"file": f"./{field.name.replace('_', '-')}.pem"}
    return {"env": "FLUX_" + field.name.upper()}


def place(field, document, source_key):
    """Where the field's reference goes in a document: (the dict that holds it, its key)."""
    if field.protected:
        return document.setdefault("configurationProtectedSettings", {}), field.protected
    *parents, leaf = field.api.split(".")
    node = document.setdefault(source_key, {})
    for part in parents:
        node = node.setdefault(part, {})
    return node, leaf
