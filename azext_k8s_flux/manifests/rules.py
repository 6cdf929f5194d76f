"""The rules: what multi-tenancy (and current Flux) would do with each Flux object, and how to fix it.

With multi-tenancy on, microsoft.flux runs the Flux controllers with --no-cross-namespace-refs and makes them
impersonate the `flux-applier` service account of each object's own namespace; that account exists only in
the configuration's namespace. So every Flux object must live there and every reference must point there.
"""

from dataclasses import dataclass

from azext_k8s_flux.manifests import kinds
from azext_k8s_flux.manifests.findings import Finding, InsertKey, SetScalar
from azext_k8s_flux.manifests.loader import get_path, line_of, line_of_key


@dataclass
class FluxObject:
    file: str
    data: object  # the document's CommentedMap
    group: str
    version: str
    kind: str
    name: object
    namespace: object  # metadata.namespace as written
    override: object  # walker.NamespaceOverride or None
    patch: bool = False  # a kustomize patch of the object, not the object itself

    @property
    def api_version(self):
        return f"{self.group}/{self.version}"

    @property
    def effective_namespace(self):
        return self.override.namespace if self.override else self.namespace

    @property
    def metadata(self):
        return self.data.get("metadata")

    @property
    def spec(self):
        return self.data.get("spec")

    def finding(self, rule, line, problem, fix, edits=()):
        return Finding(
            self.file, line, rule, self.kind, self.name, self.effective_namespace, self.api_version, problem, fix,
            list(edits),
        )


def _templated(value):
    return isinstance(value, str) and "{{" in value


def check_object(obj, namespace, defined):
    """Findings for one Flux object; `defined` holds (kind, name) of every Flux object in the scanned files."""
    if kinds.is_flux_v1_helm_release(obj.group, obj.kind):
        return [_flux_v1(obj, namespace)]
    findings = []
    removed = kinds.removed_in(obj.group, obj.version)
    if removed:
        current = kinds.current_api_version(obj.group, obj.kind)
        findings.append(
            obj.finding(
                "API001", line_of_key(obj.data, "apiVersion"),
                f"{obj.api_version} is deprecated and removed in Flux {removed}: microsoft.flux releases "
                "with that Flux cannot apply it.",
                f"Use apiVersion: {current} (see the Flux upgrade notes for renamed fields).",
            )
        )
    findings.extend(_namespace_findings(obj, namespace))
    findings.extend(_reference_findings(obj, namespace, defined))
    return findings


def check_patch(obj, namespace, defined, moved):
    """Findings for a kustomize patch of a Flux object: it names the object by namespace, so it must move too."""
    findings = _reference_findings(obj, namespace, defined)
    current = obj.namespace
    if current is None or _templated(current) or current == namespace:
        return findings
    target = f"{obj.kind} {current}/{obj.name}"
    if (obj.kind, obj.name, current) in moved:
        fix, edits = f"Set metadata.namespace: {namespace} here too.", [SetScalar(obj.metadata, "namespace", namespace)]
    else:
        fix, edits = f"Change it together with {target} (see that object's findings).", []
    problem = f"Patch of {target}: once that object moves to {namespace}, this patch no longer matches it."
    return [obj.finding("MT005", _namespace_line(obj), problem, fix, edits)] + findings


def _flux_v1(obj, namespace):
    return obj.finding(
        "V1001", line_of_key(obj.data, "apiVersion"),
        f"{obj.api_version} is Flux v1 (helm-operator): microsoft.flux runs Flux v2, which ignores it; "
        "the chart is never installed.",
        f"Rewrite it as a {kinds.current_api_version(kinds.HELM, 'HelmRelease')} HelmRelease in {namespace} "
        f"with a HelmRepository or OCIRepository source in {namespace}.",
    )


def _namespace_findings(obj, namespace):
    current = obj.effective_namespace
    if _templated(current) or current == namespace:
        return []
    metadata = obj.metadata
    if current is None:
        edits = [InsertKey(metadata, "namespace", namespace, after="name")] if hasattr(metadata, "get") else []
        return [
            obj.finding(
                "MT003", line_of(metadata) or line_of(obj.data),
                "No metadata.namespace: it lands wherever the Kustomization applying it puts it; "
                f"multi-tenancy accepts Flux objects only in {namespace}.",
                f"Set metadata.namespace: {namespace}.",
                edits,
            )
        ]
    if obj.kind in kinds.APPLIERS:
        problem = (
            f"In namespace {current}: blocked by multi-tenancy (Flux applies it as the flux-applier account of "
            f"the object's namespace, and only {namespace} has one)."
        )
    else:
        problem = (
            f"In namespace {current}: with multi-tenancy nothing in {namespace} may refer to it (no "
            "cross-namespace references), so what uses it is blocked."
        )
    keep = ""
    if obj.kind in kinds.DEPLOYS_INTO_OWN_NAMESPACE and not _has(obj.spec, "targetNamespace"):
        keep = f" and set spec.targetNamespace: {current} so that it still deploys into {current}"
        if not _has(obj.spec, "releaseName"):
            keep += f" (with spec.releaseName: {obj.name} to keep the Helm release name)"
    if obj.override is not None:
        o = obj.override
        fix = (
            f"{o.file}:{o.line} sets 'namespace: {current}' on everything it builds: remove it and set "
            f"metadata.namespace on each object instead ({namespace} for Flux objects, {current} for the rest)"
            f"; then move this {obj.kind} to {namespace}{keep}."
        )
        return [obj.finding("MT001", _namespace_line(obj), problem, fix)]
    return [
        obj.finding(
            "MT001", _namespace_line(obj), problem, f"Move it to namespace {namespace}{keep}.",
            _move_edits(obj, namespace, current),
        )
    ]


def _move_edits(obj, namespace, current):
    edits = [SetScalar(obj.metadata, "namespace", namespace)]
    spec = obj.spec
    if obj.kind not in kinds.DEPLOYS_INTO_OWN_NAMESPACE or _has(spec, "targetNamespace"):
        return edits
    if not hasattr(spec, "get"):
        return []  # no spec to add targetNamespace to: moving alone would change where it deploys
    if _has(spec, "releaseName"):
        return edits + [InsertKey(spec, "targetNamespace", current, after="releaseName")]
    return edits + [InsertKey(spec, "releaseName", obj.name), InsertKey(spec, "targetNamespace", current)]


def _reference_findings(obj, namespace, defined):
    findings = []
    for path, is_list in kinds.REFERENCES.get(obj.kind, ()):
        node = get_path(obj.data, path)
        refs = (node if isinstance(node, list) else []) if is_list else [node]
        for index, ref in enumerate(refs):
            if not hasattr(ref, "get"):
                continue
            ref_namespace = ref.get("namespace")
            if not isinstance(ref_namespace, str) or _templated(ref_namespace) or ref_namespace == namespace:
                continue
            where = ".".join(path) + (f"[{index}]" if is_list else "")
            ref_kind = ref.get("kind") or (obj.kind if path[-1] == "dependsOn" else _implied_kind(path))
            target = f"{ref_kind} {ref_namespace}/{ref.get('name')}"
            fix = f"Point it at namespace {namespace} and keep {ref_kind} {ref.get('name')} there."
            if ref.get("name") == "*":
                fix = f"Point it at namespace {namespace}: only the {ref_kind} objects there can be selected."
            elif (ref_kind, ref.get("name")) not in defined:
                fix += (
                    f" {target} is not in these manifests: make sure it exists in {namespace} (a Flux "
                    "configuration's own source is the GitRepository or Bucket named after it)."
                )
            findings.append(
                obj.finding(
                    "MT002", line_of_key(ref, "namespace"),
                    f"{where} points to {target}: multi-tenancy rejects cross-namespace references.",
                    fix,
                    [SetScalar(ref, "namespace", namespace)],
                )
            )
    return findings


def _namespace_line(obj):
    metadata = obj.metadata
    if not hasattr(metadata, "get"):
        return line_of(obj.data)
    return line_of_key(metadata, "namespace" if "namespace" in metadata else "name")


def _implied_kind(path):
    return {"imageRepositoryRef": "ImageRepository", "providerRef": "Provider"}.get(path[-1], "object")


def _has(mapping, key):
    return hasattr(mapping, "get") and mapping.get(key) not in (None, "")
