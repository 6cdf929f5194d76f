"""Checks shared by every command group: pure, no I/O, typed azure-cli errors."""

import re

from azure.cli.core.azclierror import InvalidArgumentValueError, RequiredArgumentMissingError

# Kubernetes object names (RFC 1123 subdomain label rules as Flux applies them).
_DNS1123_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
_DNS1123_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")


def split_key_value(item, strip_value=False):
    """The one key=value reader: (key, value), or None when there is no '=' or no key. The key is trimmed;
    `strip_value` trims the value too (names and keys), otherwise it stays as given (a value may hold spaces)."""
    key, separator, value = str(item).partition("=")
    if not separator or not key.strip():
        return None
    return key.strip(), value.strip() if strip_value else value


# The one boolean vocabulary. `strict`: microsoft.flux settings, which the chart compares as the strings
# true/false; `go`: fluxd's flags, read by Go's strconv.ParseBool, which also takes t and f.
_TRUE_WORDS, _FALSE_WORDS = ("true", "yes", "1"), ("false", "no", "0")


def boolean_word(text, strict=False, go=False):
    """True, False, or None when `text` is not a yes/no word of the vocabulary."""
    lowered = str(text).strip().lower()
    if strict:
        return {"true": True, "false": False}.get(lowered)
    words = dict.fromkeys(_TRUE_WORDS + (("t",) if go else ()), True)
    words.update(dict.fromkeys(_FALSE_WORDS + (("f",) if go else ()), False))
    return words.get(lowered)


# The one name rule of Flux objects: a configuration name and the cluster object of each kustomization
# (`<configuration>-<kustomization>`) fit in a DNS label's 63 characters.
MAX_OBJECT_NAME = 63


def kustomization_object_name(config_name, kustomization_name):
    """(name of a kustomization's object in the cluster, whether it fits in MAX_OBJECT_NAME)."""
    full = f"{config_name}-{kustomization_name}"
    return full, len(full) <= MAX_OBJECT_NAME


def is_dns1123_label(value, max_length=63):
    return bool(value) and len(value) <= max_length and bool(_DNS1123_LABEL.match(value))


def check_dns1123_label(value, what, max_length=63):
    if not is_dns1123_label(value, max_length):
        raise InvalidArgumentValueError(
            f"Invalid {what} '{value}': use at most {max_length} lowercase letters, digits and '-', "
            "starting and ending with a letter or digit."
        )


def is_dns1123_subdomain(value, max_length=253):
    return bool(value) and len(value) <= max_length and bool(_DNS1123_SUBDOMAIN.match(value))


def check_dns1123_subdomain(value, what, max_length=253):
    if not is_dns1123_subdomain(value, max_length):
        raise InvalidArgumentValueError(
            f"Invalid {what} '{value}': use at most {max_length} lowercase letters, digits, '-' and '.', "
            "starting and ending with a letter or digit."
        )


# ARM's name lengths (the REST specs' maxLength): longer names never reach a URL, where the service's non-JSON
# answer would only confuse.
RESOURCE_GROUP_MAX_LENGTH = 90
CLUSTER_NAME_MAX_LENGTH = {"managedClusters": 63, "connectedClusters": 63, "provisionedClusters": 63}
OTHER_NAME_MAX_LENGTH = 260  # ARM's bound for any resource name
# ARM refuses these in every resource name; braces would also break the SDK's URL template.
_NOT_IN_ARM_NAMES = re.compile(r"[<>%&:\\?/#{}*]")


def _unsendable_character(value):
    """True when `value` holds a character no resource name holds: a control character, or a byte that was
    not UTF-8 on the command line (Python hands those over as lone surrogates)."""
    import unicodedata

    return any(unicodedata.category(char) in ("Cc", "Cs") for char in value)  # C0/C1 controls, surrogates


def require_value(value, option, what, max_length=OTHER_NAME_MAX_LENGTH):
    """Refuse an empty or blank required value (an unset variable in a script) before it reaches a URL, where
    it would address another resource (an empty -n turns a GET of one resource into a LIST); and a name that
    is longer than ARM allows or holds characters that cannot be sent (the value itself is never repeated)."""
    if value is None or not str(value).strip():
        raise RequiredArgumentMissingError(f"{option} is empty: give the name of the {what}.")
    if _unsendable_character(str(value)):
        raise InvalidArgumentValueError(
            f"{option} holds a control character or bytes that are not UTF-8 text: give the name of the {what} "
            "as plain text."
        )
    if _NOT_IN_ARM_NAMES.search(str(value)):
        raise InvalidArgumentValueError(
            f"{option} holds a character that Azure resource names never hold (< > % & : \\ ? / # {{ }} *): give "
            f"the name of the {what}."
        )
    if len(str(value)) > max_length:
        raise InvalidArgumentValueError(
            f"{option} is {len(str(value))} characters long: the name of the {what} has at most {max_length}."
        )


def check_command_line(args):
    """Refuse, before argparse, what it would mishandle: bytes that are not UTF-8 (Python passes them on as lone
    surrogates, which no request and no message can carry; the option is named, never the value, which may be a
    secret), and `--option=--` (argparse hands the handler an empty list for it)."""
    from azure.cli.core.azclierror import ArgumentUsageError

    def undecodable(text):
        return any("\ud800" <= char <= "\udfff" for char in text)

    for index, arg in enumerate(args):
        if undecodable(arg):
            option = next((a for a in reversed(args[:index + 1]) if a.startswith("-")), "an argument")
            option = option.split("=", 1)[0] if option == arg else option
            option = "an argument" if undecodable(option) else option
            raise InvalidArgumentValueError(
                f"The value of {option} holds bytes that are not UTF-8 text: give it as UTF-8 text (set a UTF-8 "
                "locale, or give secrets and keys with their file options)."
            )
        option, equals, value = arg.partition("=")
        if equals and value == "--" and option.startswith("-"):
            raise ArgumentUsageError(f"argument {option}: '--' is not a value (it ends the options). Give a value.")
