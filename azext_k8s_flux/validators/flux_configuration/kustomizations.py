"""Kustomizations: the `-k key=value ...` syntax, names, durations, booleans, and the dependsOn graph.

A parsed kustomization is a dict in the API's JSON shape (`name`, `path`, `dependsOn`, `timeoutInSeconds`,
`syncIntervalInSeconds`, `retryIntervalInSeconds`, `prune`, `force`, `wait`, `postBuild`), holding only the
fields the user gave.
"""

from azure.cli.core.azclierror import InvalidArgumentValueError, RequiredArgumentMissingError

from azext_k8s_flux._validators import (
    MAX_OBJECT_NAME,
    boolean_word,
    check_dns1123_subdomain,
    kustomization_object_name,
    split_key_value,
)
from azext_k8s_flux.flux_model import kustomization_fields
from azext_k8s_flux.validators.flux_configuration.durations import parse_duration
from azext_k8s_flux.validators.settings_input import load_json_value

KEYS = kustomization_fields.keys()
# Accepted spellings, compared without '-', '_' and case: depends_on, dependsOn, depends-on are one key.
_ALIASES = kustomization_fields.spellings()
_LIST_KEYS = tuple(f.key for f in kustomization_fields.FIELDS if f.parser in ("list", "substitute_from"))
_SUBSTITUTE_FROM_KINDS = {"configmap": "ConfigMap", "secret": "Secret"}
DEFAULT_NAME, DEFAULT_PATH = "kustomization-1", "./"


def canonical_key(key):
    canonical = _ALIASES.get(key.replace("-", "").replace("_", "").lower())
    if canonical is None:
        raise InvalidArgumentValueError(
            f"Unknown kustomization key '{key}'. Allowed keys: {', '.join(KEYS)} "
            "(dependsOn, depends-on, sync-interval ... are accepted too)."
        )
    return canonical


def parse_bool(value, what):
    result = boolean_word(value)
    if result is None:
        raise InvalidArgumentValueError(f"Invalid {what} '{value}': use true or false.")
    return result


def parse_list(value, what):
    """'a,b', 'a b', '["a","b"]', '[a,b]' (PowerShell drops the quotes) or a list -> ['a', 'b']."""
    if isinstance(value, (list, tuple)):
        items = [part for item in value for part in parse_list(item, what)]
        return items
    text = str(value).strip()
    if text.startswith("["):
        loaded = load_json_value(text)
        if isinstance(loaded, list) and all(isinstance(item, str) for item in loaded):
            return [item.strip() for item in loaded if item.strip()]
        if not text.endswith("]"):
            raise InvalidArgumentValueError(f"Invalid {what} '{value}': use a,b or [\"a\",\"b\"].")
        text = text[1:-1]
    return [part.strip().strip("'\"") for part in text.replace(" ", ",").split(",") if part.strip().strip("'\"")]


def _substitute(value):
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    text = str(value).strip()
    if text.startswith("{"):
        loaded = load_json_value(text)
        if isinstance(loaded, dict):
            return {str(k): str(v) for k, v in loaded.items()}
    result = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        pair = split_key_value(item)
        if pair is None:
            raise InvalidArgumentValueError(
                f"Invalid post_build_substitute item '{item}': use post_build_substitute=VAR1=value1,VAR2=value2."
            )
        result[pair[0]] = pair[1]
    return result


def _substitute_from(value):
    result = []
    for item in parse_list(value, "post_build_substitute_from"):
        parts = item.split(":")
        kind = _SUBSTITUTE_FROM_KINDS.get(parts[0].lower()) if len(parts) in (2, 3) else None
        if kind is None or not parts[1] or (len(parts) == 3 and parts[2].lower() != "optional"):
            raise InvalidArgumentValueError(
                f"Invalid post_build_substitute_from item '{item}': use ConfigMap:NAME or Secret:NAME, "
                "with ':optional' when it may be missing (for example ConfigMap:vars,Secret:tokens:optional)."
            )
        entry = {"kind": kind, "name": parts[1]}
        if len(parts) == 3:
            entry["optional"] = True
        result.append(entry)
    return result


def _parsers():
    return {
        "text": lambda value, key: str(value),
        "list": parse_list,
        "duration": parse_duration,
        "bool": lambda value, key: value if isinstance(value, bool) else parse_bool(value, key),
        "substitute": lambda value, key: _substitute(value),
        "substitute_from": lambda value, key: _substitute_from(value),
    }


def kustomization_from_values(values, what="--kustomization"):
    """{canonical key: raw value} -> a kustomization in API JSON shape (only the given fields), each field parsed
    and placed as flux_model.kustomization_fields describes it."""
    spec, parsers = {}, _parsers()
    for key, value in values.items():
        described = kustomization_fields.field_for_key(key)
        if value is None or described.api is None:
            continue  # disable_health_check: after the loop, it is the opposite of wait
        *parents, leaf = described.api.split(".")
        node = spec
        for parent in parents:
            node = node.setdefault(parent, {})
        node[leaf] = parsers[described.parser](value, key)
    if values.get("disable_health_check") is not None:
        raw = values["disable_health_check"]
        wait = not (raw if isinstance(raw, bool) else parse_bool(raw, "disable_health_check"))
        if spec.get("wait", wait) != wait:
            raise InvalidArgumentValueError("wait and disable_health_check contradict each other: give one of them.")
        spec["wait"] = wait
    if "name" not in spec:
        raise RequiredArgumentMissingError(f"{what} needs name=NAME (for example -k name=infra path=./infrastructure).")
    return spec


def _is_key(key):
    return key.replace("-", "").replace("_", "").lower() in _ALIASES


def _split_quoted(token):
    """`-k "name=infra path=./infra"` (the whole item quoted, or one variable holding it) arrives as a single
    token: split it where a known key starts. Text that does not start a key (a value with a space in it)
    stays with the item before it."""
    pieces = str(token).split()
    if len(pieces) < 2 or sum(1 for piece in pieces if _is_key(piece.partition("=")[0]) and "=" in piece) < 2:
        return [token]
    items = []
    for piece in pieces:
        key, sep, _ = piece.partition("=")
        if items and not (sep and _is_key(key)):
            items[-1] += " " + piece
        else:
            items.append(piece)
    return items


def parse_kustomization(tokens):
    """The tokens of one `-k` (['name=infra', 'path=./infrastructure', 'prune=true']) -> API JSON shape."""
    values = {}
    previous = None
    for token in [item for given in tokens for item in _split_quoted(given)]:
        key, sep, value = str(token).partition("=")
        if not sep and previous in _LIST_KEYS:
            # PowerShell passes an unquoted `depends_on=a,b` as two arguments: 'depends_on=a' and 'b'.
            values[previous] += "," + str(token).strip()
            continue
        if not sep:
            raise InvalidArgumentValueError(
                f"Invalid --kustomization item '{token}': use key=value, for example "
                "-k name=infra path=./infrastructure prune=true."
            )
        canonical = canonical_key(key.strip())
        if canonical in values:
            raise InvalidArgumentValueError(f"--kustomization gives '{canonical}' twice: give each key once.")
        values[canonical] = value.strip()
        previous = canonical
    return kustomization_from_values(values)


def check_kustomization_names(config_name, names):
    seen = set()
    for name in names:
        check_dns1123_subdomain(name, "kustomization name", max_length=MAX_OBJECT_NAME)  # as the official command does
        if name in seen:
            raise InvalidArgumentValueError(f"Kustomization '{name}' is given twice: names must be unique.")
        seen.add(name)
        full, fits = kustomization_object_name(config_name, name)
        if not fits:
            raise InvalidArgumentValueError(
                f"Kustomization '{name}' of configuration '{config_name}' is too long: the object in the cluster is "
                f"named '{full}' ({len(full)} characters), which must fit in {MAX_OBJECT_NAME}. Use a shorter name."
            )


def check_depends_on(graph):
    """`graph` maps every kustomization name to its dependsOn list: each must exist, and no cycle may form."""
    for name, deps in graph.items():
        for dep in deps or []:
            if dep not in graph:
                raise InvalidArgumentValueError(
                    f"Kustomization '{name}' depends on '{dep}', which does not exist. "
                    f"Known kustomizations: {', '.join(sorted(graph)) or 'none'}."
                )
    cycle = find_cycle(graph)
    if cycle:
        raise InvalidArgumentValueError(f"dependsOn forms a cycle: {' -> '.join(cycle)}. Remove one of these links.")


def find_cycle(graph):
    """One cycle of the dependsOn graph as [a, b, ..., a], or None."""
    state = {}

    def visit(node, path):
        state[node] = "open"
        path.append(node)
        for dep in graph.get(node) or []:
            if state.get(dep) == "open":
                return path[path.index(dep) :] + [dep]
            if dep not in state:
                found = visit(dep, path)
                if found:
                    return found
        path.pop()
        state[node] = "done"
        return None

    for node in graph:
        if node not in state:
            found = visit(node, [])
            if found:
                return found
    return None


def validate_kustomizations(config_name, specs, existing=None):
    """Names and the dependsOn graph of `specs` (new or changed kustomizations) over `existing` ones."""
    check_kustomization_names(config_name, [spec["name"] for spec in specs])
    graph = {name: list((definition or {}).get("dependsOn") or []) for name, definition in (existing or {}).items()}
    for spec in specs:
        graph[spec["name"]] = list(spec.get("dependsOn", graph.get(spec["name"], [])) or [])
    check_depends_on(graph)
