"""How configuration settings arrive: `key=value` words on the command line, or a JSON/YAML file.

Values reach the API as strings. A settings file may hold real booleans and numbers; they are sent as
`true`/`false` and plain digits (never Python's `True`), so that Helm values read the same on the cluster.
"""

import argparse
import json
import re

from azure.cli.core.azclierror import InvalidArgumentValueError

# Setting names never hold spaces, quotes or braces (they are Helm value paths such as a.b-c[0].d).
_NOT_A_NAME = re.compile(r"[\s\"'{}]")
_FILE_OPTIONS = {
    "configuration_settings": "--config-settings-file",
    "configuration_protected_settings": "--config-protected-file",
}


class KeyValueAction(argparse.Action):
    """`--configuration-settings a=1 b=2 --configuration-settings c=3` -> {"a": "1", "b": "2", "c": "3"}.

    Nothing of an entry is repeated in an error: the same action parses protected settings.
    """

    def __call__(self, parser, namespace, values, option_string=None):
        settings = getattr(namespace, self.dest, None) or {}
        for item in values if isinstance(values, list) else [values]:
            key, sep, value = item.partition("=")
            key = key.strip()
            if not sep or not key or _NOT_A_NAME.search(key):
                raise InvalidArgumentValueError(self._invalid(item, key, sep, option_string))
            settings[key] = value
        setattr(namespace, self.dest, settings)

    def _invalid(self, item, key, sep, option_string):
        if not sep:
            shown = "a value without '='"
        elif not key:
            shown = "empty key"
        else:
            # Never repeat it: a JSON document given with @file would put part of a value in the "key".
            shown = "the part before '=' is not a setting name"
        message = f"Invalid {option_string} entry ({shown}): use key=value, for example multiTenancy.enforce=false."
        if item.lstrip().startswith(("{", "[")) or _NOT_A_NAME.search(key):
            message += f" For a JSON or YAML file of settings use {_FILE_OPTIONS.get(self.dest, 'the file option')}."
        return message


def setting_value_text(key, value, origin):
    """The API string for one value read from a file (bool -> 'true'/'false', numbers -> digits)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return value
    kind = "an empty value" if value is None else f"a {type(value).__name__}"
    raise InvalidArgumentValueError(
        f"Setting '{key}' in {origin} has {kind}: every setting needs a single string, number or boolean "
        "value (flatten nested values into dotted keys such as helm-controller.resources.limits.memory)."
    )


def read_settings_file(path, option, secret=False):
    """Read a flat JSON or YAML mapping of settings from `path`; values come back as API strings.

    With `secret` (protected settings) messages name the option but not the path: what was given as the path
    may be the settings themselves (`--config-protected-file @file` puts the file's content there).
    """
    from azext_k8s_flux._secrets import read_text_file

    origin = option if secret else f"{option} '{path}'"
    data = _parse_mapping(read_text_file(path, option, show_path=not secret), origin)
    return {str(key): setting_value_text(key, value, origin) for key, value in data.items()}


# Bounds of every settings file and JSON-looking value: far beyond real settings, short of what makes
# the parsers recurse out of stack or Python refuse an integer (4,300 digits).
MAX_DOCUMENT_SIZE = 4 * 1024 * 1024  # ARM refuses request bodies beyond 4 MB anyway
MAX_NESTING = 64


def nesting_depth(text):
    """The deepest nesting of [ and { in `text` outside quoted strings (a bound, not a parser)."""
    depth = deepest = 0
    quote = None
    escaped = False
    for char in text:
        if quote:
            escaped = not escaped and char == "\\" and quote == '"'
            if char == quote and not escaped:
                quote = None
            continue
        if char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    return deepest


def _too_much(text, origin):
    """Why `text` is beyond what a settings document holds, or None."""
    if len(text) > MAX_DOCUMENT_SIZE:
        return f"{origin} is larger than {MAX_DOCUMENT_SIZE // (1024 * 1024)} MB"
    if nesting_depth(text) > MAX_NESTING:
        return f"{origin} is nested more than {MAX_NESTING} levels deep"
    return None


def parse_json_or_yaml(text, origin):
    """The document in `text` (JSON, else YAML), refusing sizes, depths and numbers no settings hold.

    The one bounded parser for settings files and JSON-looking values: the parsers' own errors can quote
    the content, which may be secret, so they never reach the message.
    """
    reason = _too_much(text, origin)
    if reason:
        raise InvalidArgumentValueError(f"{reason}: give a flat mapping of setting names to values.")
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        pass
    import yaml

    try:
        return yaml.safe_load(text)
    except (ValueError, RecursionError):  # an integer beyond Python's 4,300 digits, YAML block nesting
        raise InvalidArgumentValueError(
            f"{origin} is beyond what a settings document holds (a number of thousands of digits, or hundreds of "
            "levels of nesting): give a flat mapping of setting names to values."
        ) from None
    except yaml.YAMLError:
        raise InvalidArgumentValueError(f"{origin} is neither valid JSON nor valid YAML.") from None


def load_json_value(text):
    """A JSON-looking option value (a list or object given inline) parsed within the same bounds; None when it
    is not JSON (the caller then reads it its own way)."""
    if _too_much(text, "the value"):
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _parse_mapping(text, origin):
    data = parse_json_or_yaml(text, origin)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InvalidArgumentValueError(
            f"{origin} must hold a mapping of setting names to values, such as "
            '{"multiTenancy.enforce": false}.'
        )
    return data


def merge_settings(inline, path, file_option, secret=False):
    """Settings from the file variant, overridden key by key by the inline option; None when neither was given."""
    if path is None:
        return inline
    merged = read_settings_file(path, file_option, secret)
    merged.update(inline or {})
    return merged
