"""Source objects of a Flux configuration: validated source (API JSON shape) -> SDK model, PUT or PATCH.
The SDK model and attribute of each kind come from the description (flux_model.kinds)."""

from azext_k8s_flux import _sdk
from azext_k8s_flux.flux_model.kinds import KINDS


def source_attribute(kind):
    """FluxConfigurationProperties / FluxConfigurationPatchProperties attribute of a source kind."""
    return KINDS[kind].attribute


def build_source(kind, source):
    """The PUT model of a source object (`source` in API JSON shape)."""
    return getattr(_sdk.flux_models(), KINDS[kind].model)(dict(source))


def build_source_patch(kind, source):
    """The PATCH model of a source object: given keys change, None values are sent as null (removed)."""
    return getattr(_sdk.flux_models(), KINDS[kind].patch_model)(dict(source))
