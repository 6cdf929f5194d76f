"""The migration plan and outcome as people read them (the JSON result is for scripts)."""


def render_plan(plan):
    from azext_k8s_flux.migrate.mapping import v2_name

    resumed = " (continuing an interrupted migration)" if plan["resumed"] else ""
    lines = [f"Migration plan for {plan['cluster']}{resumed}"]
    lines.append("")
    lines.append("1. Delete the Flux v1 configurations (from here on the cluster pulls no changes):")
    for item in plan["deleteV1"]:
        done = " [already deleted]" if item["status"] == "deleted" else ""
        lines.append(f"   - {item['name']} ({item['repositoryUrl']}){done}")
    lines.append(f"2. Install {plan['installExtension']}.")
    lines.append("3. Create the Flux v2 configurations:")
    for item in plan["createV2"]:
        action = {"create": "", "update": " [exists for the same repository: updated]", "done": " [already created]"}
        renamed = ", renamed with --rename" if item["name"] != v2_name(item["fromV1"]) else ""
        lines.append(f"   - {item['fromV1']} -> {item['name']}{renamed}{action.get(item['action'], '')}")
        props = (item.get("payload") or {}).get("properties") or {}
        git = props.get("gitRepository") or {}
        lines.append(f"     source: {git.get('url')} branch {(git.get('repositoryRef') or {}).get('branch')}, "
                     f"every {git.get('syncIntervalInSeconds')} s; scope {props.get('scope')}, "
                     f"namespace {props.get('namespace')}")
        for key, kustomization in (props.get("kustomizations") or {}).items():
            prune = str(kustomization.get("prune")).lower()
            lines.append(f"     kustomization {key}: path {kustomization.get('path')}, prune {prune}, "
                         f"every {kustomization.get('syncIntervalInSeconds')} s")
        credential = item["credentials"]
        if credential.get("message"):
            lines.append(f"     credentials: {credential['message']}")
        elif credential.get("status") == "given":
            lines.append(f"     credentials: {credential['kind']} given (sent as protected settings)")
        for warning in item["warnings"]:
            lines.append(f"     warning: {warning}")
    if plan["unmapped"]:
        lines.append("")
        lines.append("Not carried over:")
        for item in plan["unmapped"]:
            lines.append(f"   - {item['configuration']}: {item['setting']}: {item['reason']}")
    if plan["blockers"]:
        lines.append("")
        lines.append("Cannot migrate until these are fixed:")
        for item in plan["blockers"]:
            lines.append(f"   - {item['configuration']}: {item['problem']}")
    return "\n".join(lines) + "\n"


def render_outcome(result, cluster_args):
    lines = [
        f"Migrated {len(result['createdV2'])} configuration(s) to Flux v2. The cluster was unmanaged for "
        f"{result['unmanagedWindowSeconds']} s (first v1 deletion to last v2 creation)."
    ]
    for name, key in sorted(result["repositoryPublicKeys"].items()):
        lines.append(f"Add this public key as a deploy key of the repository of '{name}':\n{key}")
    for name in result.get("publicKeysPending", []):
        lines.append(
            f"The public key of '{name}' is not reported yet: read it later with 'az k8s-configuration flux show "
            f"{cluster_args} -n {name} --query properties.repositoryPublicKey -o tsv'."
        )
    return "\n".join(lines) + "\n"
