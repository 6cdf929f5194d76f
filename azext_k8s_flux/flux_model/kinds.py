"""The four source kinds of a Flux configuration: their API names, `--kind` spellings and SDK models."""

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceKind:
    api: str  # properties.sourceKind
    property: str  # the source object in the API JSON (properties.<property>)
    option: str  # the --kind value shown in messages
    spellings: tuple  # other --kind values accepted (compared without '-', '_' and case)
    attribute: str  # FluxConfigurationProperties / ...PatchProperties attribute in the SDK
    model: str  # SDK model of the PUT; the PATCH model is the same name with "Patch" before "Definition"
    api_version: str  # first stable fluxConfigurations API version with this kind

    @property
    def patch_model(self):
        return self.model.replace("Definition", "PatchDefinition")

    def article(self):
        return ("an " if self.api[0] in "AEIOU" else "a ") + self.api


GIT, BUCKET, BLOB, OCI = "GitRepository", "Bucket", "AzureBlob", "OCIRepository"
KINDS = {
    GIT: SourceKind(GIT, "gitRepository", "git", ("gitrepository",), "git_repository", "GitRepositoryDefinition",
                    "2022-03-01"),
    BUCKET: SourceKind(BUCKET, "bucket", "bucket", (), "bucket", "BucketDefinition", "2022-03-01"),
    BLOB: SourceKind(BLOB, "azureBlob", "azblob", ("azureblob", "blob"), "azure_blob", "AzureBlobDefinition",
                     "2022-07-01"),
    OCI: SourceKind(OCI, "ociRepository", "oci", ("ocirepository",), "oci_repository", "OCIRepositoryDefinition",
                    "2024-11-01"),
}  # fmt: skip


def kind_named(value):
    """The API kind of a --kind value (git, bucket, azblob, oci and their long forms), or None."""
    wanted = str(value).replace("-", "").replace("_", "").lower()
    for kind in KINDS.values():
        if wanted in (kind.option, *kind.spellings):
            return kind.api
    return None
