"""Secret values in a document: always a reference, read at apply time, never echoed; an export writes one for
each secret it must leave out.

{file: PATH} reads the file (relative to the document's folder); a one-line secret (the field's `file` is "line")
loses its trailing newline, keys and certificates are taken as they are. {env: NAME} reads an environment variable.
An export names keys and certificates as a file beside the document and tokens and passwords as a variable named
after the option (--https-key -> FLUX_HTTPS_KEY).
"""

import os

from azure.cli.core.azclierror import FileOperationError, InvalidArgumentValueError, RequiredArgumentMissingError

FORMS = "{file: PATH} (relative to the document's folder) or {env: VARIABLE}"


def is_reference(value):
    return hasattr(value, "items") and len(value) == 1 and next(iter(value)) in ("file", "env")


def resolve(document, path, value, field):
    """The text a reference at `path` names, for the source field `field`."""
    if not is_reference(value):
        what = "a secret written inline" if isinstance(value, str) else "not a reference"
        raise InvalidArgumentValueError(
            f"{document.where(path)} is {what}: a secret is given only as {FORMS}.",
            f"For example: {path[-1]}: {{file: ./{path[-1]}.txt}}. Documents are kept in repositories and logs; "
            "the secret itself stays in a file or variable.",
        )
    (form, target), = value.items()
    if not isinstance(target, str) or not target.strip():
        raise InvalidArgumentValueError(f"{document.where(path)}: {{{form}: ...}} needs a {form} name as text.")
    if form == "env":
        text = os.environ.get(target)
        if text is None:
            raise RequiredArgumentMissingError(
                f"{document.where(path)} reads the environment variable {target}, which is not set."
            )
    else:
        text = _read(document, path, target)
    return text.rstrip("\r\n") if field.file == "line" else text


def _read(document, path, target):
    from azext_k8s_flux._secrets import read_text_file

    full = os.path.join(document.folder, os.path.expanduser(target))
    if not os.path.isfile(full):
        raise FileOperationError(
            f"{document.where(path)} reads the file '{target}', which does not exist (paths are relative to the "
            f"document's folder, {document.folder})."
        )
    return read_text_file(full, document.where(path))


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
