"""Flux v1 -> Flux v2: map each sourceControlConfiguration to a fluxConfiguration. Pure, no I/O.

`map_v1_configuration` turns one v1 resource (ARM JSON) into a *spec*: plain values for a v2 Git
configuration, plus the warnings and the settings that could not be carried over, each with why.
`build_v2_configuration` turns a spec and its secrets into the SDK model. Specs hold no secrets, so a
migration can persist them before it deletes anything.
"""

import re

from azext_k8s_flux import _sdk
from azext_k8s_flux._validators import MAX_OBJECT_NAME, is_dns1123_label, kustomization_object_name
from azext_k8s_flux.migrate import rules
from azext_k8s_flux.migrate.v1_params import (
    V1_DEFAULTS,
    convert_repository_url,
    duration_seconds,
    parse_operator_params,
)
from azext_k8s_flux.validators.flux_configuration.keys import b64encode
from azext_k8s_flux.validators.flux_configuration.urls import is_ssh_url

MAX_NAME = MAX_OBJECT_NAME
REDACTED = "<redacted>"
_NOT_NAME_CHARS = re.compile(r"[^a-z0-9]+")


def v2_name(v1_name):
    """A legal fluxConfiguration name (DNS-1123 label) for a v1 configuration name."""
    return _NOT_NAME_CHARS.sub("-", (v1_name or "").lower()).strip("-")[:MAX_NAME].rstrip("-")


def is_renamed(spec):
    """Whether the v2 name was chosen with --rename rather than derived from the v1 name."""
    return spec["name"] != v2_name(spec["v1Name"])


def kustomization_names(config_name, paths):
    """One legal, unique kustomization name per path; `<config>-<name>` must stay a legal object name."""
    room = MAX_NAME - len(config_name) - 1
    names = []
    for index, path in enumerate(paths, start=1):
        base = _NOT_NAME_CHARS.sub("-", path.lower()).strip("-") or f"kustomization-{index}"
        name = base[:room].strip("-")
        if not name or name in names:
            short = f"k{index}"
            stem = base[: max(room - len(short) - 1, 0)].strip("-")
            name = f"{stem}-{short}" if stem else short
        names.append(name)
    return names


def _v2_path(path):
    path = path.strip().strip("/")
    while path.startswith("./"):
        path = path[2:]
    return "./" if path in ("", ".") else f"./{path}"


def _flag_text(flag, value):
    if value is True:
        return f"--{flag}"
    if value is False:
        return f"--{flag}=false"
    return f"--{flag}={value}" if value != "" else f"--{flag}"


def _read_flags(params_text, unmapped):
    """The settings the mapping uses, from the operator parameters; everything else goes to `unmapped`."""
    flags, problems = parse_operator_params(params_text)
    for problem in problems:
        unmapped.append({"setting": "operatorParams", "reason": problem + "; it is not carried over."})
    settings = {"git-readonly": False, "sync-garbage-collection": False, "paths": []}
    durations = ("git-poll-interval", "git-timeout", "sync-interval", "sync-timeout")
    for flag, value in flags:
        if flag in ("git-readonly", "sync-garbage-collection", "manifest-generation", "registry-disable-scanning"):
            if isinstance(value, bool):
                settings[flag] = value
                if flag == "manifest-generation" and value:
                    unmapped.append({"setting": _flag_text(flag, value), "reason": rules.reason_for(flag)})
                if flag == "registry-disable-scanning" and not value:
                    unmapped.append({"setting": _flag_text(flag, value), "reason": rules.IMAGE_SCANNING})
                continue
            unmapped.append({"setting": _flag_text(flag, value), "reason": "the value is not true or false."})
        elif flag == "git-branch":
            if value:
                settings[flag] = value
            else:
                reason = "it has no value; Flux v1's default branch master is used."
                unmapped.append({"setting": "--git-branch", "reason": reason})
        elif flag == "git-path":
            settings["paths"].extend(p.strip() for p in value.split(",") if p.strip())
        elif flag in durations:
            seconds = duration_seconds(value)
            if seconds is None or seconds <= 0:
                unmapped.append(
                    {"setting": _flag_text(flag, value), "reason": "not a positive duration such as 5m or 90s."}
                )
            else:
                settings[flag] = seconds
        else:
            unmapped.append({"setting": _flag_text(flag, value), "reason": rules.reason_for(flag)})
    if not settings["git-readonly"]:
        unmapped.append({"setting": "git write access (no --git-readonly)", "reason": rules.GIT_WRITE_ACCESS})
    return settings


def map_v1_configuration(v1, rename=None):
    """Spec of the v2 configuration equivalent to one v1 configuration (ARM JSON as returned by GET);
    `rename` is the v2 name chosen with --rename: only the configuration's name changes, not its kustomizations'."""
    props = v1.get("properties") or {}
    v1_name = v1.get("name") or ""
    warnings, unmapped, problems = [], [], []
    derived = v2_name(v1_name)
    name = rename or derived
    if name == derived and name != v1_name:
        warnings.append(f"the v2 configuration is named '{name}': '{v1_name}' is not a legal Flux v2 name.")
    url, url_warning, url_problem = convert_repository_url(props.get("repositoryUrl"))
    warnings += [url_warning] if url_warning else []
    problems += [url_problem] if url_problem else []
    settings = _read_flags(props.get("operatorParams"), unmapped)
    paths = settings["paths"] or [""]
    if len(paths) > 1:
        warnings.append(
            "Flux v1 applied all paths together; Flux v2 reconciles each path as its own kustomization "
            "(add dependsOn if one must wait for another)."
        )
    known_hosts = props.get("sshKnownHostsContents") or None
    if known_hosts and url and not is_ssh_url(url):
        unmapped.append({"setting": "sshKnownHostsContents", "reason": rules.KNOWN_HOSTS_HTTPS})
        known_hosts = None
    if props.get("enableHelmOperator") in (True, "true", "True"):
        unmapped.append({"setting": "enableHelmOperator", "reason": rules.HELM_OPERATOR})
        helm = props.get("helmOperatorProperties") or {}
        for key in ("chartVersion", "chartValues"):
            if helm.get(key):
                unmapped.append(
                    {"setting": f"helmOperatorProperties.{key}={helm[key]}", "reason": rules.HELM_OPERATOR_SETTING}
                )
    instance = props.get("operatorInstanceName")
    if instance and instance != v1_name:
        unmapped.append(
            {"setting": f"operatorInstanceName={instance}", "reason": f"no v2 equivalent; the v2 name is '{name}'."}
        )
    names = kustomization_names(derived, paths)
    spec = {
        "v1Name": v1_name,
        "name": name,
        "scope": props.get("operatorScope") or "cluster",
        "namespace": props.get("operatorNamespace") or "default",
        "url": url,
        "branch": settings.get("git-branch", V1_DEFAULTS["git-branch"]),
        "sourceSyncSeconds": settings.get("git-poll-interval", duration_seconds(V1_DEFAULTS["git-poll-interval"])),
        "sourceTimeoutSeconds": settings.get("git-timeout"),
        "knownHosts": known_hosts,
        "kustomizations": [
            {
                "name": kustomization,
                "path": _v2_path(path),
                "prune": settings["sync-garbage-collection"],
                "syncSeconds": settings.get("sync-interval", duration_seconds(V1_DEFAULTS["sync-interval"])),
                "timeoutSeconds": settings.get("sync-timeout"),
            }
            for kustomization, path in zip(names, paths, strict=True)
        ],
        "credentialsKnown": sorted((props.get("configurationProtectedSettings") or {}).keys()),
    }
    return spec, warnings, unmapped, problems


def validate_spec(spec, credentials=None):
    """Problems that would make ARM or Flux refuse the v2 configuration (empty when it is sound)."""
    problems = []
    credentials = credentials or {}
    if not is_dns1123_label(spec["name"], MAX_NAME):
        problems.append(f"'{spec['name']}' is not a legal Flux v2 configuration name.")
    if not is_dns1123_label(spec["namespace"]):
        problems.append(f"namespace '{spec['namespace']}' is not a legal Kubernetes namespace name.")
    if spec["scope"] not in ("cluster", "namespace"):
        problems.append(f"scope '{spec['scope']}' is neither cluster nor namespace.")
    if not spec["url"] or not spec["url"].lower().startswith(("https://", "http://", "ssh://")):
        problems.append(f"repository URL '{spec['url']}' is not an http(s):// or ssh:// URL.")
    if not spec["kustomizations"]:
        problems.append("it has no kustomization.")
    for kustomization in spec["kustomizations"]:
        full, fits = kustomization_object_name(spec["name"], kustomization["name"])
        if not is_dns1123_label(kustomization["name"]) or not fits:
            problems.append(f"kustomization name '{kustomization['name']}' is not legal (object name '{full}').")
    ssh = is_ssh_url(spec["url"])
    if credentials.get("sshPrivateKey") and not ssh:
        problems.append("an SSH private key was given but the repository URL is not ssh://.")
    if (credentials.get("httpsUser") or credentials.get("httpsKey")) and ssh:
        problems.append("HTTPS credentials were given but the repository URL is ssh://.")
    if credentials.get("sshPrivateKey"):
        problems += _ssh_key_problems(credentials["sshPrivateKey"])
    if bool(credentials.get("httpsUser")) != bool(credentials.get("httpsKey")):
        problems.append("give both --https-user and --https-key-file for it, or neither.")
    return problems


def _ssh_key_problems(key):
    """What is wrong with a given SSH key, checked as `flux create` checks its --ssh-private-key (the messages
    never quote the key)."""
    from azure.cli.core.azclierror import InvalidArgumentValueError

    from azext_k8s_flux.validators.flux_configuration.keys import check_ssh_private_key

    try:
        check_ssh_private_key(key, "--ssh-private-key")
    except InvalidArgumentValueError as error:
        return [f"the --ssh-private-key-file given for it: {error.error_msg}"]
    return []


def build_v2_configuration(spec, credentials=None):
    """The SDK model of the v2 configuration; `credentials` maps sshPrivateKey/httpsUser/httpsKey to values."""
    models = _sdk.flux_models()
    protected, git_fields = _v2_credentials(credentials or {})
    git = models.GitRepositoryDefinition({**_git_source(spec), **git_fields})  # API JSON: the model reads it
    kustomizations = {}
    for item in spec["kustomizations"]:
        kustomization = models.KustomizationDefinition(
            path=item["path"], prune=item["prune"], sync_interval_in_seconds=item["syncSeconds"]
        )
        if item.get("timeoutSeconds"):
            kustomization.timeout_in_seconds = item["timeoutSeconds"]
        kustomizations[item["name"]] = kustomization
    properties = models.FluxConfigurationProperties(
        scope=spec["scope"],
        namespace=spec["namespace"],
        source_kind="GitRepository",
        git_repository=git,
        kustomizations=kustomizations,
    )
    if protected:
        properties.configuration_protected_settings = protected
    return models.FluxConfiguration(properties=properties)


def _v2_credentials(credentials):
    """(protected settings, Git fields by API name) of the given Flux v1 credentials, placed where the description
    puts the field each one becomes (flux_model: a field's flux_v1 origin)."""
    from azext_k8s_flux import flux_model

    protected, git = {}, {}
    for v1_key, field in flux_model.v1_credential_fields().items():
        value = credentials.get(v1_key)
        if not value:
            continue
        if field.protected:
            protected[field.protected] = b64encode(value)
        else:
            git[field.api] = value
    return protected, git


# The spec's key of each mapped source field (the field's flux_v1 says where the value came from), and whether a
# value of 0 or "" is left out (the service's default then applies).
_SPEC_SOURCE = {"url": ("url", False), "branch": ("branch", False), "sourceSyncSeconds": ("sync_interval", False),
                "sourceTimeoutSeconds": ("timeout", True), "knownHosts": ("known_hosts", True)}  # fmt: skip


def _git_source(spec):
    """The Git source (API JSON) of a spec, each value at the API path the description gives its field."""
    from azext_k8s_flux import flux_model

    source = {}
    for key, (name, optional) in _SPEC_SOURCE.items():
        value = spec.get(key)
        if optional and not value:
            continue
        field = flux_model.field_named(name)
        assert field.flux_v1, name  # only fields that map from Flux v1
        *parents, leaf = field.api.split(".")
        target = source
        for parent in parents:
            target = target.setdefault(parent, {})
        target[leaf] = value
    return source


def redacted_payload(spec, credentials=None):
    """The v2 request body as the plan shows it: secrets replaced by a marker, never their values."""
    credentials = credentials or {}
    payload = _sdk.as_dict(build_v2_configuration(spec, {"httpsUser": credentials.get("httpsUser")}))
    protected = {key: REDACTED for key in ("sshPrivateKey", "httpsKey") if credentials.get(key)}
    if protected:
        payload["properties"]["configurationProtectedSettings"] = protected
    return payload
