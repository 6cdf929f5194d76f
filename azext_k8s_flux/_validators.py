"""Checks shared by every command group: pure, no I/O, typed azure-cli errors."""

import re

from azure.cli.core.azclierror import InvalidArgumentValueError, RequiredArgumentMissingError

# Kubernetes object names (RFC 1123 subdomain label rules as Flux applies them).
_DNS1123_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
_DNS1123_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")


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


def require_value(value, option, what):
    """Refuse an empty or blank required value (an unset variable in a script) before it reaches a URL, where
    it would address another resource (an empty -n turns a GET of one resource into a LIST)."""
    if value is None or not str(value).strip():
        raise RequiredArgumentMissingError(f"{option} is empty: give the name of the {what}.")
