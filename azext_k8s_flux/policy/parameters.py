"""Which fields of a configuration may become policy parameters, and the user's choice of them.

Every scalar the definition writes can be a parameter: the configuration's own fields (namespace, scope,
suspend, ...), each field of its source (url, branch, syncIntervalInSeconds, ...), each field of each
kustomization (`apps.path`, `infra.prune`, ...), each microsoft.flux setting (`settings.multiTenancy.enforce`),
plus `effect`. What is not chosen is written as a literal.
"""

import difflib
from dataclasses import dataclass

from azure.cli.core.azclierror import InvalidArgumentValueError

from azext_k8s_flux.flux_model.kinds import KINDS

MAX_PARAMETERS = 20  # Azure Policy's limit per definition and per assignment
EFFECTS = ("DeployIfNotExists", "AuditIfNotExists", "Disabled")
DEFAULT_TOKENS = ("url", "branch", "tag", "semver", "commit", "digest", "namespace", "effect")
_TOP_LEVEL = ("namespace", "scope", "suspend", "waitForReconciliation", "reconciliationWaitDuration")
_ALLOWED = {("scope",): ["cluster", "namespace"]}


@dataclass(frozen=True)
class Candidate:
    token: str  # what --parameters takes
    name: str  # the policy (and template) parameter name
    path: tuple  # where the value sits in the configuration's properties; () for effect
    value: object  # the configuration's current value: the parameter's default
    extension: bool = False  # the path is in the microsoft.flux extension's properties instead

    @property
    def policy_type(self):
        if isinstance(self.value, bool):
            return "Boolean"
        return "Integer" if isinstance(self.value, int) else "String"

    @property
    def template_type(self):
        return {"Boolean": "bool", "Integer": "int", "String": "string"}[self.policy_type]

    def definition(self, configuration_name):
        where = ".".join(self.path) if self.path else "the policy effect"
        owner = "its microsoft.flux extension" if self.extension else "the Flux configuration"
        spec = {"type": self.policy_type, "defaultValue": self.value,
                "metadata": {"displayName": self.token,
                             "description": f"{where} of {owner} ('{configuration_name}')."}}
        if self.token == "effect":
            spec["allowedValues"] = list(EFFECTS)
            spec["metadata"]["description"] = ("DeployIfNotExists creates or repairs what is missing or different, "
                                               "AuditIfNotExists only reports, Disabled switches the policy off.")
        if self.path in _ALLOWED:
            spec["allowedValues"] = _ALLOWED[self.path]
        return spec


def _camel(*parts):
    words = [w for part in parts for w in part.replace("-", " ").replace("_", " ").replace(".", " ").split()]
    return words[0][:1].lower() + words[0][1:] + "".join(w[:1].upper() + w[1:] for w in words[1:])


def _leaves(node, prefix=()):
    for key, value in node.items():
        if isinstance(value, dict):
            yield from _leaves(value, (*prefix, key))
        elif not isinstance(value, list):
            yield (*prefix, key), value


def candidates(properties, extension_properties):
    """{token lower-cased: Candidate} of a configuration's and its extension's writable properties."""
    found = [Candidate("effect", "effect", (), "DeployIfNotExists")]
    found += [Candidate(k, k, (k,), properties[k]) for k in _TOP_LEVEL if k in properties]
    source_key = KINDS[properties["sourceKind"]].property
    leaves = list(_leaves(properties.get(source_key) or {}))
    last_names = [path[-1] for path, _ in leaves]
    for path, value in leaves:
        token = path[-1] if last_names.count(path[-1]) == 1 else _camel(*path)
        found.append(Candidate(token, token, (source_key, *path), value))
    for name, body in (properties.get("kustomizations") or {}).items():
        for path, value in _leaves(body):
            found.append(Candidate(f"{name}.{'.'.join(path)}", _camel("kustomization", name, *path),
                                   ("kustomizations", name, *path), value))
    for key, value in (extension_properties.get("configurationSettings") or {}).items():
        found.append(Candidate(f"settings.{key}", _camel("setting", key), ("configurationSettings", key), value,
                               extension=True))
    return {c.token.lower(): c for c in found}


def select(tokens, available, extra_count=0):
    """The chosen candidates (default: url, the source ref, namespace, effect), checked against the limit;
    `extra_count` parameters (Key Vault) come on top."""
    if tokens is None:
        chosen = [available[t] for t in DEFAULT_TOKENS if t in available]
    else:
        chosen = []
        for token in tokens:
            candidate = available.get(token.lower()) or _unknown(token, available)
            if candidate not in chosen:
                chosen.append(candidate)
    total = len(chosen) + extra_count
    if total > MAX_PARAMETERS:
        raise InvalidArgumentValueError(
            f"{total} policy parameters were requested ({len(chosen)} from --parameters"
            + (f", {extra_count} for Key Vault" if extra_count else "")
            + f"); Azure Policy allows at most {MAX_PARAMETERS} per definition.",
            recommendation="Name fewer fields in --parameters: the others are written into the definition "
                           "as the configuration has them.")  # fmt: skip
    names = [c.name.lower() for c in chosen]
    clash = next((c for c in chosen if names.count(c.name.lower()) > 1), None)
    if clash is not None:
        raise InvalidArgumentValueError(f"Two chosen fields would share the policy parameter name '{clash.name}'.",
                                        recommendation="Choose only one of them in --parameters.")
    return chosen


def _unknown(token, available):
    tokens = sorted(c.token for c in available.values())
    close = difflib.get_close_matches(token.lower(), list(available), n=1, cutoff=0.6)
    hint = f" Did you mean '{available[close[0]].token}'?" if close else ""
    raise InvalidArgumentValueError(f"'{token}' is not a field of this configuration that can be a policy "
                                    f"parameter.{hint}", recommendation="Fields this configuration has: "
                                    + ", ".join(tokens) + ".")  # fmt: skip
