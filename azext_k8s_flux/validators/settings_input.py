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


def _parse_mapping(text, origin):
    try:
        data = json.loads(text)
    except ValueError:
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError:
            # The parser's message can quote the file's content, which may be secret: keep it out.
            raise InvalidArgumentValueError(f"{origin} is neither valid JSON nor valid YAML.") from None
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
