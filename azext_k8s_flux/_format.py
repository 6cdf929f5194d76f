"""Table transformers: the columns that matter for each resource, in the order people read them."""

from collections import OrderedDict


def _props(resource):
    # azure-cli flattens the SDK models' `properties` into the resource; raw ARM JSON nests them.
    return resource.get("properties") or resource


def _one_or_many(transform):
    def table(result):
        if isinstance(result, list):
            return [transform(item) for item in result]
        return transform(result)

    return table


def _extension_row(ext):
    props = _props(ext)
    return OrderedDict(
        [
            ("Name", ext.get("name")),
            ("ExtensionType", props.get("extensionType")),
            ("Version", props.get("currentVersion") or props.get("version")),
            ("ProvisioningState", props.get("provisioningState")),
            ("ReleaseTrain", props.get("releaseTrain")),
            ("AutoUpgrade", props.get("autoUpgradeMinorVersion")),
        ]
    )




def _source_ref(source):
    """'branch=main', 'tag=v1.2.0', 'branch=main commit=1a2b3c' ... of a Git or OCI source; '' for buckets."""
    from azext_k8s_flux.flux_model import fields

    ref = source.get("repositoryRef") or {}
    keys = [f.api.split(".")[1] for f in fields() if (f.api or "").startswith("repositoryRef.")]
    return " ".join(f"{key}={ref[key]}" for key in keys if ref.get(key))


def _flux_row(config):
    props = _props(config)
    kind = props.get("sourceKind") or "GitRepository"
    from azext_k8s_flux.flux_model.kinds import GIT, KINDS

    source = props.get(KINDS.get(kind, KINDS[GIT]).property) or {}
    return OrderedDict(
        [
            ("Name", config.get("name")),
            ("Namespace", props.get("namespace")),
            ("Scope", props.get("scope")),
            ("SourceKind", kind),
            ("Url", source.get("url")),
            ("SourceRef", _source_ref(source)),
            ("ComplianceState", props.get("complianceState")),
            ("ProvisioningState", props.get("provisioningState")),
        ]
    )


def _flux_row_with_kustomizations(config):
    """kustomization create|update|delete print the configuration, as the official commands do; its row names
    the kustomizations it now has, so the table shows what the command changed."""
    row = _flux_row(config)
    row["Kustomizations"] = ", ".join(_props(config).get("kustomizations") or {})
    return row


def format_duration(seconds):
    """The Go spelling of a number of seconds (1h2m3s), as Flux users write intervals."""
    if seconds is None:
        return None
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    text = (f"{hours}h" if hours else "") + (f"{minutes}m" if minutes else "") + (f"{secs}s" if secs else "")
    return text or "0s"


def _kustomization_row(kustomization):
    return OrderedDict(
        [
            ("Name", kustomization.get("name")),
            ("Path", kustomization.get("path")),
            ("DependsOn", ", ".join(kustomization.get("dependsOn") or [])),
            ("SyncInterval", format_duration(kustomization.get("syncIntervalInSeconds"))),
            ("Timeout", format_duration(kustomization.get("timeoutInSeconds"))),
            ("Prune", kustomization.get("prune")),
            ("Force", kustomization.get("force")),
        ]
    )


def _failing_message(status):
    for condition in status.get("statusConditions") or []:
        if str(condition.get("status")).lower() == "false":
            return condition.get("message")
    return ""


def _deployed_object_row(status):
    return OrderedDict(
        [
            ("Kind", status.get("kind")),
            ("Name", status.get("name")),
            ("Namespace", status.get("namespace")),
            ("ComplianceState", status.get("complianceState")),
            ("Message", _failing_message(status)),
        ]
    )


def _source_control_row(config):
    props = _props(config)
    return OrderedDict(
        [
            ("Name", config.get("name")),
            ("RepositoryUrl", props.get("repositoryUrl")),
            ("OperatorNamespace", props.get("operatorNamespace")),
            ("Scope", props.get("operatorScope")),
            ("ComplianceState", (props.get("complianceStatus") or {}).get("complianceState")),
            ("ProvisioningState", props.get("provisioningState")),
        ]
    )


extension_table = extension_list_table = _one_or_many(_extension_row)
flux_list_table = _one_or_many(_flux_row)


def flux_table(result):
    """`flux show|create|update`; with --what-if, create and update print their changes instead (one row each)."""
    from azext_k8s_flux.document.what_if import is_what_if, table_rows

    return table_rows(result) if is_what_if(result) else flux_list_table(result)


flux_kustomizations_table = _one_or_many(_flux_row_with_kustomizations)
kustomization_table = kustomization_list_table = _one_or_many(_kustomization_row)
deployed_object_table = deployed_object_list_table = _one_or_many(_deployed_object_row)
source_control_table = source_control_list_table = _one_or_many(_source_control_row)


def check_manifests_table(findings):
    """`flux check-manifests`: one row per finding, in file and line order."""
    return [
        OrderedDict(
            [
                ("File", finding.get("file")),
                ("Line", finding.get("line")),
                ("Rule", finding.get("rule")),
                ("Object", finding.get("object")),
                ("Problem", finding.get("problem")),
                ("Fix", finding.get("fix")),
            ]
        )
        for finding in findings or []
    ]


def migrate_table(result):
    """`flux migrate`: the plan (--dry-run) one row per Flux v1 configuration, or the outcome one row per
    Flux v2 configuration created; the JSON output has the details."""
    if "createV2" in result:
        status = {item.get("name"): item.get("status") for item in result.get("deleteV1") or []}
        blockers = [item.get("configuration") for item in result.get("blockers") or []]
        return [
            OrderedDict(
                [
                    ("V1Configuration", item.get("fromV1")),
                    ("V1Status", status.get(item.get("fromV1"))),
                    ("V2Configuration", item.get("name")),
                    ("V2Action", item.get("action")),
                    ("Credentials", (item.get("credentials") or {}).get("kind")),
                    ("Blockers", blockers.count(item.get("fromV1"))),
                ]
            )
            for item in result["createV2"]
        ]
    if "createdV2" in result:
        keys = result.get("repositoryPublicKeys") or {}
        return [
            OrderedDict([("V2Configuration", name), ("Status", "Created"), ("PublicKey", keys.get(name))])
            for name in result["createdV2"]
        ]
    return [OrderedDict([("Status", result.get("status")), ("Message", result.get("message"))])]


def _extension_type_row(extension_type):
    props = extension_type.get("properties") or {}
    scopes = props.get("supportedScopes") or {}
    cluster_scope = scopes.get("clusterScopeSettings") or {}
    cluster_scope = cluster_scope.get("properties") or cluster_scope  # raw 2024-11-01-preview JSON nests them
    return OrderedDict(
        [
            ("Name", extension_type.get("name")),
            ("Publisher", props.get("publisher")),
            ("DefaultScope", scopes.get("defaultScope")),
            ("ClusterTypes", ", ".join(props.get("supportedClusterTypes") or [])),
            ("ReleaseNamespace", cluster_scope.get("defaultReleaseNamespace")),
            ("MultipleInstances", cluster_scope.get("allowMultipleInstances")),
        ]
    )


def _extension_type_version_row(version):
    props = version.get("properties") or {}
    return OrderedDict(
        [
            ("Version", props.get("version") or version.get("name")),
            ("ClusterTypes", ", ".join(props.get("supportedClusterTypes") or [])),
        ]
    )


extension_types_table = _one_or_many(_extension_type_row)
extension_type_versions_table = _one_or_many(_extension_type_version_row)
