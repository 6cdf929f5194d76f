"""The api-versions each Microsoft.KubernetesConfiguration type accepts, and how each version shapes a body.

One table per type; handlers, the provider registration document and the tests all read these.
Evidence: the provider registration and the bodies in the official extensions' recorded traffic
(2020-07-01-preview … 2023-05-01), and the REST spec folders and examples (up to flux 2025-04-01,
extensions 2025-03-01). A field missing from a table is shown at every version.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


def version_key(version: str) -> tuple[str, int]:
    """Chronological order; a preview sorts before the stable version of the same date."""
    return version[:10], 0 if "preview" in version.lower() else 1


@dataclass(frozen=True)
class Field:
    since: str | None = None  # first api-version that shows the field
    until: str | None = None  # first api-version that no longer shows it
    omit_null: bool = False  # the service leaves it out while it is null

    def shown_at(self, version: str) -> bool:
        key = version_key(version)
        return ((self.since is None or key >= version_key(self.since))
                and (self.until is None or key < version_key(self.until)))


@dataclass(frozen=True)
class TypeTable:
    name: str  # resource type as ARM names it in errors
    versions: tuple[str, ...]  # oldest first
    envelope: Mapping[str, Field] = field(default_factory=dict)
    properties: Mapping[str, Field] = field(default_factory=dict)
    synchronous_until: str | None = None  # versions before this answer writes at once, without an LRO
    listed_properties: Mapping[str, Field] = field(default_factory=dict)  # further rules for list items

    def accepts(self, version: str) -> bool:
        return version in self.versions

    def at_least(self, version: str, since: str) -> bool:
        return version_key(version) >= version_key(since)

    def synchronous(self, version: str) -> bool:
        return self.synchronous_until is not None and not self.at_least(version, self.synchronous_until)

    def accepted(self, body: dict[str, Any], version: str) -> dict[str, Any]:
        """A request body as ``version`` reads it: properties that version does not define are ignored."""
        props = body.get("properties")
        if not isinstance(props, dict):
            return body
        kept = {k: v for k, v in props.items() if k not in self.properties or self.properties[k].shown_at(version)}
        return {**body, "properties": kept}

    def shape(self, body: dict[str, Any], version: str, listed: bool = False) -> dict[str, Any]:
        """The body as ``version`` shows it: fields it does not define dropped, omitted nulls left out."""
        out = filter_fields(body, self.envelope, version)
        if isinstance(out.get("properties"), dict):
            out["properties"] = filter_fields(out["properties"], self.properties, version)
            if listed:
                out["properties"] = filter_fields(out["properties"], self.listed_properties, version)
        return out


def filter_fields(values: dict[str, Any], table: Mapping[str, Field], version: str) -> dict[str, Any]:
    """``values`` without the keys ``table`` hides at ``version``."""
    out = {}
    for key, value in values.items():
        rule = table.get(key)
        if rule is not None and (not rule.shown_at(version) or (rule.omit_null and value is None)):
            continue
        out[key] = value
    return out


EXTENSIONS = TypeTable(
    name="extensions",
    versions=("2020-07-01-preview", "2021-05-01-preview", "2021-09-01", "2022-03-01", "2022-07-01", "2022-11-01",
              "2023-05-01", "2024-11-01", "2025-03-01"),
    envelope={
        "systemData": Field(since="2021-05-01-preview"),
        "plan": Field(since="2022-11-01", omit_null=True),
        "managedBy": Field(since="2025-03-01", omit_null=True),
        "identity": Field(omit_null=True),
    },
    properties={
        # 2020-07-01-preview: a synchronous API with its own status fields.
        "installState": Field(until="2022-11-01"),
        "creationTime": Field(until="2021-05-01-preview"),
        "lastModifiedTime": Field(until="2021-05-01-preview"),
        "lastStatusTime": Field(until="2021-05-01-preview"),
        "provisioningState": Field(since="2021-05-01-preview"),
        "configurationProtectedSettings": Field(since="2021-05-01-preview"),
        "aksAssignedIdentity": Field(since="2021-05-01-preview"),
        "errorInfo": Field(omit_null=True),
        "customLocationSettings": Field(since="2021-05-01-preview", omit_null=True),
        "packageUri": Field(since="2021-05-01-preview", omit_null=True),
        "isSystemExtension": Field(since="2022-11-01"),
        "currentVersion": Field(since="2023-05-01"),
        "autoUpgradeMode": Field(since="2025-03-01", omit_null=True),
        "extensionState": Field(since="2025-03-01", omit_null=True),
        "managementDetails": Field(since="2025-03-01", omit_null=True),
        "additionalDetails": Field(since="2025-03-01", omit_null=True),
    },
    synchronous_until="2021-05-01-preview",
    # 2020-07-01-preview lists leave out settings and statuses.
    listed_properties={"configurationSettings": Field(since="2021-05-01-preview"),
                       "statuses": Field(since="2021-05-01-preview")},
)

FLUX_CONFIGURATIONS = TypeTable(
    name="fluxConfigurations",
    versions=("2021-06-01-preview", "2021-11-01-preview", "2022-01-01-preview", "2022-03-01", "2022-07-01",
              "2022-11-01", "2023-05-01", "2024-04-01-preview", "2024-11-01", "2025-04-01"),
    properties={
        "azureBlob": Field(since="2022-07-01"),
        "ociRepository": Field(since="2024-04-01-preview"),
        "waitForReconciliation": Field(since="2023-05-01", omit_null=True),
        "reconciliationWaitDuration": Field(since="2023-05-01", omit_null=True),
    },
)
# Nested flux fields that arrived later than their parent object.
FLUX_KUSTOMIZATION = {"postBuild": Field(since="2023-05-01"), "wait": Field(since="2023-05-01")}
FLUX_GIT_REPOSITORY = {"provider": Field(since="2024-11-01")}
FLUX_GITHUB_PROVIDER_SINCE = "2025-04-01"
FLUX_OCI_SINCE = "2024-04-01-preview"

SOURCE_CONTROL_CONFIGURATIONS = TypeTable(
    name="sourceControlConfigurations",
    versions=("2019-11-01-preview", "2020-07-01-preview", "2020-10-01-preview", "2021-03-01", "2021-05-01-preview",
              "2022-03-01", "2022-07-01", "2022-11-01", "2023-05-01"),
)

TABLES = {
    "extensions": EXTENSIONS,
    "fluxConfigurations": FLUX_CONFIGURATIONS,
    "sourceControlConfigurations": SOURCE_CONTROL_CONFIGURATIONS,
}

# Body of a synchronous 200 DELETE (extensions forceDelete, sourceControlConfigurations): the service
# serializes its own HTTP response message; recorded traffic shows exactly these keys.
DELETED_BODY = {"content": None, "statusCode": 200, "headers": [], "version": "1.1", "reasonPhrase": "OK",
                "trailingHeaders": [], "requestMessage": None, "isSuccessStatusCode": True}
