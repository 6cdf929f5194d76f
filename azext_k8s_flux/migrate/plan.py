"""The migration plan: every v1 deletion, every v2 configuration (secrets redacted), every setting left
behind with why, the credentials each repository needs again, and what blocks the migration. Pure."""

from azext_k8s_flux.migrate.mapping import is_renamed, map_v1_configuration, redacted_payload, validate_spec
from azext_k8s_flux.validators.flux_configuration import urls
from azext_k8s_flux.validators.flux_configuration.urls import is_ssh_url

FLUX_EXTENSION = "microsoft.flux (extension 'flux', cluster scope, namespace flux-system), unless already installed"


def v1_summary(v1):
    props = v1.get("properties") or {}
    return {
        "name": v1.get("name"),
        "repositoryUrl": urls.display(props.get("repositoryUrl")) or None,  # a token in it is never persisted
        "operatorNamespace": props.get("operatorNamespace"),
        "operatorScope": props.get("operatorScope"),
    }


def entry_for(v1, rename=None):
    """Everything the plan needs to know about one v1 configuration, without secrets (safe to persist);
    `rename` is its v2 name from --rename."""
    spec, warnings, unmapped, problems = map_v1_configuration(v1, rename)
    return {"v1": v1_summary(v1), "spec": spec, "warnings": warnings, "unmapped": unmapped, "problems": problems}


def keyed_by_v1(credentials, entries):
    """(credentials keyed on the v1 name they belong to, sorted names that belong to no configuration).

    The credential options key on the v1 name. A v2 name is accepted too when it was derived from the v1 name
    (the secret options cannot take a v1 name that is not a legal v2 name), never when it was chosen with
    --rename: it may be another v1 configuration's name."""
    v1_names = {entry["v1"]["name"] for entry in entries}
    derived = {entry["spec"]["name"]: entry["v1"]["name"] for entry in entries if not is_renamed(entry["spec"])}
    resolved, unknown = {}, []
    for name, values in credentials.items():
        owner = name if name in v1_names else derived.get(name)
        if owner is None:
            unknown.append(name)
        else:
            resolved.setdefault(owner, {}).update(values)
    return resolved, sorted(unknown)


def credentials_for(entry, credentials):
    """The credentials of one configuration; `credentials` are keyed on v1 names (see keyed_by_v1)."""
    return credentials.get(entry["spec"]["v1Name"]) or {}


def _credential_plan(entry, given):
    spec = entry["spec"]
    url, name = spec["url"] or "", spec["v1Name"]
    if is_ssh_url(url):
        if given.get("sshPrivateKey"):
            return {"kind": "ssh-private-key", "status": "given"}, None
        return {
            "kind": "ssh-generated-key",
            "status": "generated",
            "message": "Flux generates a new SSH key pair; its public key is printed after the migration: add "
            f"it as a deploy key of {url} (or pass --ssh-private-key-file {name}=PATH to reuse a key).",
        }, None
    if given.get("httpsKey"):
        return {"kind": "https", "status": "given", "httpsUser": given.get("httpsUser")}, None
    known = set(spec.get("credentialsKnown") or [])
    if known & {"httpsUser", "httpsKey"}:
        return {"kind": "https", "status": "missing"}, (
            f"the v1 configuration used HTTPS credentials, which ARM never returns: pass "
            f"--https-user {name}=USER and --https-key-file {name}=PATH."
        )
    return {
        "kind": "none",
        "status": "unknown",
        "message": "ARM does not return v1 credentials; if this repository is private, pass "
        f"--https-user {name}=USER and --https-key-file {name}=PATH.",
    }, None


def _v2_action(spec, existing, created):
    """What happens to the v2 name: create, update (already there for the same repository), or done."""
    name = spec["name"]
    if name in created:
        return "done", None
    current = existing.get(name.lower())
    if current is None:
        return "create", None
    current_url = (((current.get("properties") or {}).get("gitRepository")) or {}).get("url")
    if (current_url or "").rstrip("/").lower() == (spec["url"] or "").rstrip("/").lower():
        return "update", None
    return "blocked", (
        f"a Flux v2 configuration named '{name}' already exists for another source ({current_url}); delete it "
        "(az k8s-configuration flux delete) or move it aside before migrating, or create this one under another "
        f"name with --rename {spec['v1Name']}=<new-name>."
    )


def _missing_again(entry, given, required):
    """Credentials given to the interrupted run that must be given again (secrets are never saved)."""
    name = entry["spec"]["v1Name"]
    missing = [key for key in required.get(name, []) if not given.get(key)]
    if not missing:
        return None
    from azext_k8s_flux.flux_model import credential_option

    wanted = " and ".join(f"{credential_option(key)} {name}=..." for key in missing)
    return f"the interrupted run was given credentials for it, which are never saved: pass {wanted} again."


def build_plan(cluster_id, entries, existing_v2, credentials, deleted=(), created=(), resumed=False, required=None):
    """The plan for `entries` (from entry_for or a saved migration) on a cluster whose Flux v2
    configurations are `existing_v2` (ARM JSON list); `deleted`/`created` are names already done;
    `required` lists per configuration the credential keys an interrupted run was given."""
    existing = {(item.get("name") or "").lower(): item for item in existing_v2}
    plan = {
        "cluster": cluster_id,
        "resumed": resumed,
        "deleteV1": [],
        "installExtension": FLUX_EXTENSION,
        "createV2": [],
        "unmapped": [],
        "blockers": [],
    }
    seen = {}
    for entry in entries:
        spec, v1_name = entry["spec"], entry["v1"]["name"]
        given = credentials_for(entry, credentials)
        plan["deleteV1"].append({**entry["v1"], "status": "deleted" if v1_name in deleted else "pending"})
        problems = list(entry["problems"])
        credential, missing = _credential_plan(entry, given)
        problems += [missing] if missing else []
        action, collision = _v2_action(spec, existing, set(created))
        problems += [collision] if collision else []
        again = _missing_again(entry, given, required or {}) if action != "done" else None
        problems += [again] if again else []
        if spec["name"] in seen:
            problems.append(f"its v2 name '{spec['name']}' is also the v2 name of '{seen[spec['name']]}': give one "
                            f"of them another name, for example --rename {v1_name}=<new-name>.")
        seen[spec["name"]] = v1_name
        if not entry["problems"]:
            problems += validate_spec(spec, given)
        plan["createV2"].append(
            {
                "name": spec["name"],
                "fromV1": v1_name,
                "action": action,
                "credentials": credential,
                "warnings": entry["warnings"],
                "payload": redacted_payload(spec, given) if spec["url"] else None,
            }
        )
        plan["unmapped"] += [{"configuration": v1_name, **item} for item in entry["unmapped"]]
        plan["blockers"] += [{"configuration": v1_name, "problem": problem} for problem in problems]
    return plan
