"""`flux migrate --rename V1_NAME=V2_NAME`: the v2 names a migration uses instead of the v1 names. Pure, no I/O.

`parse_renames` runs before any request. The `check_*` functions run on the v1 names and plan entries, which the
v1 list the command reads anyway and the saved migration give: they add no request, and run before the v2 list is
read. What was given is repeated in an error only when it is a plain name: it may be a secret given to the wrong
option.
"""

import re

from azure.cli.core.azclierror import InvalidArgumentValueError

from azext_k8s_flux._validators import (
    MAX_OBJECT_NAME,
    is_dns1123_label,
    is_dns1123_subdomain,
    kustomization_object_name,
    split_key_value,
)

OPTION = "--rename"
MAX_NAME = MAX_OBJECT_NAME
_NOT_REPEATED = "The value is not repeated here, as it may be a secret given to the wrong option."


def shown(name):
    """`'name'` when it reads as a configuration name, else a neutral phrase: never a would-be secret."""
    return f"'{name}'" if is_dns1123_subdomain(name) else "a name that is not repeated here"


def _name_problem(name):
    """Why `name` is not a legal Flux configuration name, without repeating it; None when it is legal."""
    if len(name) > MAX_NAME:
        return f"it has {len(name)} characters, more than {MAX_NAME}"
    if name != name.lower():
        return "it has uppercase letters"
    if re.search(r"[^-a-z0-9]", name):
        return "it has characters other than lowercase letters, digits and '-'"
    if not is_dns1123_label(name, MAX_NAME):
        return "it does not start and end with a letter or digit"
    return None


def parse_renames(values):
    """{v1 name: v2 name} of the --rename items (repeated options and space-separated items add up)."""
    renames, owners = {}, {}
    for value in values or []:
        pair = split_key_value(value or "", strip_value=True)
        if pair is None or not pair[1]:
            raise InvalidArgumentValueError(
                f"Invalid {OPTION} value: use {OPTION} V1_NAME=V2_NAME, where V1_NAME is a Flux v1 configuration of "
                f"the cluster and V2_NAME the name of the Flux v2 configuration to create for it (for example "
                f"{OPTION} cluster-config=platform-config). {_NOT_REPEATED}"
            )
        v1, v2 = pair
        problem = _name_problem(v2)
        if problem:
            which = f"for '{v1}'" if is_dns1123_subdomain(v1) else "given"
            raise InvalidArgumentValueError(
                f"Invalid {OPTION} value: the new name {which} is not a valid Flux configuration name ({problem}). "
                f"Use at most {MAX_NAME} lowercase letters, digits and '-', starting and ending with a letter or "
                f"digit. The new name is not repeated here, as it may be a secret given to the wrong option."
            )
        if v1 in renames:
            raise InvalidArgumentValueError(
                f"{OPTION} names {shown(v1)} twice; give one new name per Flux v1 configuration."
            )
        if v2 in owners:
            raise InvalidArgumentValueError(
                f"{OPTION} gives {shown(owners[v2])} and {shown(v1)} the same new name '{v2}': each Flux v2 "
                "configuration needs its own name."
            )
        renames[v1], owners[v2] = v2, v1
    return renames


def check_rename_sources(renames, v1_names):
    """Every renamed configuration must be a Flux v1 configuration of the cluster (or of its saved migration)."""
    for v1 in renames:
        if v1 not in v1_names:
            raise InvalidArgumentValueError(
                f"{OPTION} names {shown(v1)}, which is not a Flux v1 configuration of this cluster "
                f"(nor of its interrupted migration). Known: {', '.join(sorted(v1_names)) or 'none'}. "
                f"V1_NAME is the name of the Flux v1 configuration, as `az k8s-configuration list` shows it."
            )


def check_saved_names(renames, saved_entries, path):
    """An interrupted migration keeps the v2 names of its first run: a different --rename is refused."""
    for entry in saved_entries:
        v1, saved = entry["v1"]["name"], entry["spec"]["name"]
        if v1 in renames and renames[v1] != saved:
            raise InvalidArgumentValueError(
                f"{OPTION} {v1}={renames[v1]} differs from the interrupted migration saved in {path}, which creates "
                f"'{v1}' as Flux v2 configuration '{saved}'. A migration keeps the v2 names of its first run: run "
                f"the command again without {OPTION} for '{v1}' (or with {OPTION} {v1}={saved})."
            )


def check_renamed_entries(renames, entries):
    """A renamed configuration's v2 name is no other configuration's v2 name, and leaves room for the cluster
    object of each of its kustomizations (`<configuration>-<kustomization>`, at most 63 characters)."""
    owners = {}
    for entry in entries:
        owners.setdefault(entry["spec"]["name"], []).append(entry["v1"]["name"])
    for v1, v2 in renames.items():
        others = [name for name in owners.get(v2, []) if name != v1]
        if others:
            raise InvalidArgumentValueError(
                f"{OPTION} {v1}={v2}: '{v2}' is already the Flux v2 name of the Flux v1 configuration '{others[0]}'. "
                f"Choose another name, or rename '{others[0]}' too ({OPTION} {others[0]}=<new-name>)."
            )
    for entry in entries:
        v1, v2 = entry["v1"]["name"], entry["spec"]["name"]
        if v1 not in renames:
            continue
        longest = max((k["name"] for k in entry["spec"]["kustomizations"]), key=len, default="")
        full, fits = kustomization_object_name(v2, longest)
        if not fits:
            raise InvalidArgumentValueError(
                f"{OPTION} {v1}={v2}: the name is too long for the kustomization '{longest}' of '{v1}': its object "
                f"in the cluster, '{full}', would have {len(full)} characters, more than "
                f"{MAX_NAME}. Use a name of at most {MAX_NAME - 1 - len(longest)} characters."
            )
