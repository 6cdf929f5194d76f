"""Source objects of a Flux configuration: validated source (API JSON shape) -> SDK model, PUT or PATCH."""

from azext_k8s_flux import _sdk

_MODELS = {
    "GitRepository": ("GitRepositoryDefinition", "GitRepositoryPatchDefinition"),
    "Bucket": ("BucketDefinition", "BucketPatchDefinition"),
    "AzureBlob": ("AzureBlobDefinition", "AzureBlobPatchDefinition"),
    "OCIRepository": ("OCIRepositoryDefinition", "OCIRepositoryPatchDefinition"),
}
# FluxConfigurationProperties / FluxConfigurationPatchProperties attribute of each source kind.
SOURCE_ATTRIBUTE = {
    "GitRepository": "git_repository",
    "Bucket": "bucket",
    "AzureBlob": "azure_blob",
    "OCIRepository": "oci_repository",
}


def build_source(kind, source):
    """The PUT model of a source object (`source` in API JSON shape)."""
    return getattr(_sdk.flux_models(), _MODELS[kind][0])(dict(source))


def build_source_patch(kind, source):
    """The PATCH model of a source object: given keys change, None values are sent as null (removed)."""
    return getattr(_sdk.flux_models(), _MODELS[kind][1])(dict(source))
