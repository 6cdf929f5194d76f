"""Reading a document file (YAML, or JSON: a JSON text is YAML too) with the line of every key, and naming a key
and its line in messages. ruamel.yaml is imported here only, when a command is given --file."""

import os
from dataclasses import dataclass

from azure.cli.core.azclierror import FileOperationError, InvalidArgumentValueError


@dataclass
class Document:
    file: str  # as given on the command line
    data: object  # ruamel CommentedMap: keys keep their lines

    @property
    def folder(self):
        return os.path.dirname(os.path.abspath(os.path.expanduser(self.file)))

    def line(self, path):
        """1-based line of the key at `path` (a tuple of keys as written), or None."""
        from azext_k8s_flux.manifests.loader import line_of_key

        node = self.data
        for key in path[:-1]:
            if not hasattr(node, "get"):
                return None
            node = node.get(key)
        return line_of_key(node, path[-1]) if path and hasattr(node, "lc") else None

    def where(self, path):
        """"key 'gitRepository.url' (line 7 of F)", as errors name a place in the document."""
        line = self.line(path)
        at = f"line {line} of {self.file}" if line else self.file
        return f"key '{'.'.join(str(p) for p in path)}' ({at})"


def read_document(file):
    """The document in `file`: one mapping; malformed YAML/JSON is an error naming the line."""
    from azext_k8s_flux.manifests.loader import ManifestError, parse_documents, read_text

    if not str(file or "").strip():
        raise InvalidArgumentValueError("--file is empty: give the path of a YAML or JSON document.")
    path = os.path.expanduser(file)
    if not os.path.isfile(path):
        raise FileOperationError(f"--file '{file}' does not exist or is not a file.")
    try:
        documents = parse_documents(read_text(path, file), file)
    except ManifestError as error:
        at = f"line {error.line} of {file}" if error.line else file
        raise InvalidArgumentValueError(
            f"--file: {at} is not valid YAML or JSON: {error.message.removeprefix('invalid YAML: ')}.",
            "Check the indentation, quotes and brackets at that line.",
        ) from None
    if len(documents) != 1 or not hasattr(documents[0].data, "lc") or not hasattr(documents[0].data, "items"):
        raise InvalidArgumentValueError(
            f"--file {file} must hold one document, a mapping of keys such as sourceKind, gitRepository and "
            "kustomizations (the shape `az k8s-configuration flux show -o json` prints)."
        )
    return Document(file, documents[0].data)
