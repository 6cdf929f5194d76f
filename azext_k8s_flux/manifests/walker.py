"""Which files a Flux Kustomization would apply from a folder.

A folder with a kustomization.yaml contributes its `resources` (and legacy `bases`, and `components`), followed
into sub-folders; a folder without one contributes every *.yaml/*.yml file and its sub-folders, the way
kustomize-controller generates a kustomization for it. Helm charts (a folder with Chart.yaml) and Helm-style
templates (files with `{{` that are not plain YAML) are skipped with a note: Helm renders them, not kustomize.
"""

import os
from dataclasses import dataclass
from pathlib import Path

from azext_k8s_flux.manifests.loader import ManifestError, get_path, line_of_key, load_file, read_text

KUSTOMIZATION_FILES = ("kustomization.yaml", "kustomization.yml", "Kustomization")
YAML_SUFFIXES = (".yaml", ".yml")
_LIST_FIELDS = ("resources", "bases", "components")


@dataclass
class NamespaceOverride:
    """A kustomization.yaml `namespace:` field: kustomize sets it on every namespaced object it builds."""

    namespace: str
    file: str
    line: int


@dataclass
class Entry:
    path: Path
    name: str
    text: str
    override: object  # NamespaceOverride or None
    patch: bool = False  # a strategic-merge patch of a kustomization: partial objects, not resources


class Walker:
    def __init__(self, root):
        self.root = Path(root)
        self.entries = []
        self.notes = []
        self._seen_files = set()
        self._seen_dirs = set()

    def name(self, path):
        return Path(os.path.relpath(path, self.root)).as_posix()

    def walk(self):
        if not self.root.exists():
            raise ManifestError(str(self.root), None, "no such file or folder")
        if self.root.is_file():
            self.root, single = self.root.parent, self.root
            self.add_file(single, None)
        else:
            self.visit_dir(self.root, None)
        return self.entries, self.notes

    def visit_dir(self, folder, override):
        folder = folder.resolve()
        if folder in self._seen_dirs:
            return
        self._seen_dirs.add(folder)
        if (folder / "Chart.yaml").is_file():
            self.notes.append(f"{self.name(folder)}: Helm chart skipped (Helm renders its templates, not kustomize)")
            return
        kustomization = next((folder / n for n in KUSTOMIZATION_FILES if (folder / n).is_file()), None)
        if kustomization is not None:
            self.visit_kustomization(kustomization, override)
            return
        try:
            children = sorted(folder.iterdir())
        except OSError as err:
            raise ManifestError(self.name(folder), None, f"cannot list the folder: {err.strerror or err}") from None
        for child in children:
            if child.name.startswith("."):
                continue
            if child.is_dir():
                self.visit_dir(child, override)
            elif child.suffix in YAML_SUFFIXES:
                self.add_file(child, override)

    def visit_kustomization(self, path, override):
        name = self.name(path)
        documents = load_file(path, name).documents
        spec = documents[0].data if documents else {}
        if not hasattr(spec, "get"):
            raise ManifestError(name, None, "a kustomization file must be a YAML mapping")
        namespace = spec.get("namespace")
        if override is None and isinstance(namespace, str) and namespace:
            override = NamespaceOverride(namespace, name, line_of_key(spec, "namespace"))
        for field in _LIST_FIELDS:
            items = get_path(spec, (field,)) or []
            for index, item in enumerate(items if isinstance(items, list) else []):
                self.visit_resource(path.parent, str(item), override, name, _line_of_item(items, index))
        for item, line in _patch_files(spec):
            target = (path.parent / item).resolve()
            if not target.is_file():
                raise ManifestError(name, line, f"patch '{item}' does not exist")
            self.add_file(target, None, patch=True)

    def visit_resource(self, folder, item, override, kustomization, line):
        if "://" in item or item.startswith(("github.com/", "git@", "ssh:")):
            self.notes.append(f"{kustomization}:{line}: remote resource '{item}' skipped (not in this folder)")
            return
        target = (folder / item).resolve()
        if target.is_dir():
            self.visit_dir(target, override)
        elif target.is_file():
            self.add_file(target, override)
        else:
            raise ManifestError(kustomization, line, f"resource '{item}' does not exist")

    def add_file(self, path, override, patch=False):
        path = path.resolve()
        if path in self._seen_files:
            return
        self._seen_files.add(path)
        name = self.name(path)
        self.entries.append(Entry(path, name, read_text(path, name), override, patch))


def _patch_files(spec):
    """(file, line) of every patch given as a file: `patches[].path` and `patchesStrategicMerge` entries."""
    patches = spec.get("patches")
    for index, patch in enumerate(patches if isinstance(patches, list) else []):
        if hasattr(patch, "get") and isinstance(patch.get("path"), str):
            yield patch["path"], _line_of_item(patches, index)
    merges = spec.get("patchesStrategicMerge")
    for index, patch in enumerate(merges if isinstance(merges, list) else []):
        if isinstance(patch, str) and "\n" not in patch and patch.endswith(YAML_SUFFIXES):
            yield patch, _line_of_item(merges, index)


def _line_of_item(items, index):
    try:
        return items.lc.item(index)[0] + 1
    except (AttributeError, KeyError, TypeError):
        return None


def collect(root):
    """(entries, notes): every file to check, in a stable order, and what was skipped."""
    return Walker(root).walk()
