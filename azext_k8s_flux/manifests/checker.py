"""Checking a folder: walk it, parse every document, find the Flux objects, run the rules."""

from dataclasses import dataclass, field

from azext_k8s_flux.manifests import kinds
from azext_k8s_flux.manifests.findings import ERROR, sort_key
from azext_k8s_flux.manifests.loader import (
    Document,
    ManifestError,
    may_hold_flux_objects,
    parse_documents,
    validate_yaml,
)
from azext_k8s_flux.manifests.markers import marker_findings
from azext_k8s_flux.manifests.rules import FluxObject, check_object, check_patch
from azext_k8s_flux.manifests.walker import collect


@dataclass
class CheckedFile:
    entry: object  # walker.Entry
    documents: list


@dataclass
class Report:
    namespace: str
    files: list = field(default_factory=list)  # CheckedFile
    objects: list = field(default_factory=list)  # FluxObject
    findings: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    @property
    def errors(self):
        return [f for f in self.findings if f.severity == ERROR]

    def summary(self):
        errors = len(self.errors)
        warnings = len(self.findings) - errors
        return (
            f"Checked {len(self.files)} file(s), {len(self.objects)} Flux object(s) for namespace {self.namespace}: "
            f"{errors} error(s), {warnings} warning(s)."
        )


def _documents(entry, notes):
    """The file's documents, with positions when it may hold Flux objects ([] otherwise, once validated)."""
    read = parse_documents if may_hold_flux_objects(entry.text) else validate_yaml
    if "{{" in entry.text:
        try:
            return read(entry.text, entry.name) or []
        except ManifestError:
            notes.append(f"{entry.name}: Helm-style template skipped (it is not YAML until it is rendered)")
            return []
    return read(entry.text, entry.name) or []


def flux_object(document, override, patch=False):
    data = document.data
    if not hasattr(data, "get"):
        return None
    group, version = kinds.split_api_version(data.get("apiVersion"))
    kind = data.get("kind")
    if not (kinds.is_flux_kind(group, kind) or kinds.is_flux_v1_helm_release(group, kind)):
        return None
    metadata = data.get("metadata")
    metadata = metadata if hasattr(metadata, "get") else {}
    namespace = metadata.get("namespace")
    return FluxObject(
        document.file, data, group, version, kind, metadata.get("name"),
        namespace if isinstance(namespace, str) and namespace else None, override, patch,
    )


def scan(root, namespace):
    """Report with every file and Flux object under `root` (no findings yet). Raises ManifestError."""
    entries, notes = collect(root)
    report = Report(namespace, notes=list(notes))
    if not entries:
        report.notes.append(f"no YAML file to check under {root}: is --path right?")
    for entry in entries:
        documents = _documents(entry, report.notes)
        report.files.append(CheckedFile(entry, documents))
        for document in documents:
            obj = flux_object(document, entry.override, entry.patch)
            if obj is not None:
                report.objects.append(obj)
    return report


def check(root, namespace):
    """Every finding for the Flux objects under `root`, sorted by file and line. Raises ManifestError."""
    report = scan(root, namespace)
    resources = [obj for obj in report.objects if not obj.patch]
    defined = {(obj.kind, obj.name) for obj in resources}
    for obj in resources:
        report.findings.extend(check_object(obj, namespace, defined))
    # A patch must follow the object it patches: it is rewritten only when --fix moves that object.
    moved = {(f.kind, f.name, f.namespace) for f in report.findings if f.rule == "MT001" and f.fixable}
    for obj in report.objects:
        if obj.patch:
            report.findings.extend(check_patch(obj, namespace, defined, moved))
    for checked in report.files:
        report.findings.extend(marker_findings(checked.entry, namespace))
    report.findings.sort(key=sort_key)
    return report


__all__ = ["Document", "Report", "check", "scan"]
