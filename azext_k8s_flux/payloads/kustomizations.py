"""Kustomizations: parsed kustomization (API JSON shape) -> SDK model, PUT or PATCH."""

from azext_k8s_flux import _sdk


def _body(spec):
    return {key: value for key, value in spec.items() if key != "name"}  # the name is the map key


def build_kustomization(spec):
    return _sdk.flux_models().KustomizationDefinition(_body(spec))


def build_kustomization_patch(spec):
    return _sdk.flux_models().KustomizationPatchDefinition(_body(spec))


def build_kustomizations(specs):
    """{name: KustomizationDefinition} for a PUT, in the order given."""
    return {spec["name"]: build_kustomization(spec) for spec in specs}


def build_kustomizations_patch(changes):
    """{name: patch or None}: None removes the kustomization (JSON null in the merge-patch)."""
    return {name: None if spec is None else build_kustomization_patch(spec) for name, spec in changes.items()}
