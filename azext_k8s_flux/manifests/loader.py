"""Reading YAML documents with their positions (ruamel.yaml round-trip: every node knows its line and column)."""

import re
from dataclasses import dataclass


class ManifestError(Exception):
    """A repository the checker cannot read: unreadable file, invalid YAML, missing kustomize resource."""

    def __init__(self, file, line, message):
        self.file = file
        self.line = line
        self.message = message
        where = f"{file}:{line}" if line else str(file)
        super().__init__(f"{where}: {message}")


@dataclass
class Document:
    file: str  # path relative to the checked folder, with '/' separators
    index: int  # position of the document in its file (0-based)
    data: object  # ruamel CommentedMap (or any other node for non-mapping documents)


@dataclass
class SourceFile:
    path: object  # pathlib.Path on disk
    name: str  # relative name shown in findings
    text: str
    documents: list


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


_YAML = None


def read_text(path, name):
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as err:
        raise ManifestError(name, None, f"not UTF-8 text ({err.reason} at byte {err.start})") from None
    except OSError as err:
        raise ManifestError(name, None, f"cannot read the file: {err.strerror or err}") from None


# A document can only be a Flux object if some apiVersion names a Flux group. Files without one (workloads,
# CRDs, Flux's own gotk-components.yaml) are only checked for valid YAML, with libyaml when it is available:
# the position-keeping parser is pure Python and several times slower.
_FLUX_API_VERSION = re.compile(r"apiVersion['\"]?\s*:\s*['\"]?[\w.-]*(?:fluxcd\.io|flux\.weave\.works)/")


def may_hold_flux_objects(text):
    return _FLUX_API_VERSION.search(text) is not None


def validate_yaml(text, name):
    """Raise ManifestError for invalid YAML, without building anything."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        for _ in yaml.parse(text, Loader=loader):
            pass
    except yaml.MarkedYAMLError as err:
        _raise(err, name)


def _raise(err, name):
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(err, "problem", None) or str(err).splitlines()[0]
    context = getattr(err, "context", None)
    detail = f"{context}: {problem}" if context and "duplicate" not in str(problem) else problem
    raise ManifestError(name, line, f"invalid YAML: {detail}") from None


def parse_documents(text, name):
    """Every document of a (multi-document) YAML text; empty documents are dropped."""
    global _YAML
    from ruamel.yaml.error import YAMLError

    if _YAML is None:
        _YAML = _yaml()
    try:
        documents = list(_YAML.load_all(text))
    except YAMLError as err:
        _raise(err, name)
    return [Document(name, index, data) for index, data in enumerate(documents) if data is not None]


def load_file(path, name):
    text = read_text(path, name)
    return SourceFile(path, name, text, parse_documents(text, name))


def line_of_key(node, key):
    """1-based line of `key` in a mapping node (falls back to the mapping's own line)."""
    try:
        return node.lc.key(key)[0] + 1
    except (AttributeError, KeyError, TypeError):
        return line_of(node)


def line_of(node):
    try:
        return node.lc.line + 1
    except AttributeError:
        return None


def get_path(node, path):
    for key in path:
        if not hasattr(node, "get"):
            return None
        node = node.get(key)
    return node
