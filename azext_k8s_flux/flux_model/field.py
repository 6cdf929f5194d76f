"""One field of the Flux configuration surface: how it is spelled, parsed, checked, sent and shown.

Like flux2's internal/flags, one object describes a value end to end; everything else (argument registration,
which options a kind takes, file forms, the PUT and PATCH, masking, --debug quieting) reads it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Optional

FILE_NOTE = " Prefer {file}: command lines are visible to other users and in --debug output."


@dataclass(frozen=True)
class SourceField:
    name: str  # the handler's keyword (and the option: --name with '_' as '-')
    kinds: tuple  # the source kinds that take it (API names)
    help: str
    group: Optional[str] = None  # arg_group in the help
    api: Optional[str] = None  # dotted path in the source object; None when the kind's rules compose it
    protected: Optional[str] = None  # configurationProtectedSettings key (base64 value) instead of `api`
    # (value, flag) -> API value: the one check of this value on its own (flux_model/source_values.py). A field with
    # a parser is parsed and placed at `api` (or in the protected settings) by validate_source itself, unless
    # `composed`: then the kind's cross-field rules (validators/flux_configuration/source_kinds.py) place it, calling
    # `parse` once the options it depends on are known to fit together. A field without one is taken as given and
    # placed by those rules.
    parse: Optional[Callable] = None
    composed: bool = False
    secret: bool = False  # masked in output; a request carrying it is kept out of --debug
    file: Optional[str] = None  # "text" or "line" (trailing newline dropped): has a --<option>-file form
    options: tuple = ()  # our other spellings
    aliases: tuple = ()  # spellings of the official k8s-configuration extension
    value: Optional[str] = None  # "flag" (true/false), "list" (one or more items) or None (one string)
    choices: tuple = ()
    default: object = None  # what the service uses when the field is left out (arm-contract 3.2); None: nothing
    api_version: str = "2022-03-01"  # first stable fluxConfigurations API version with the field
    flux_v1: Optional[str] = None  # where `flux migrate` takes it from in a Flux v1 configuration
    extra: dict = field(default_factory=dict)  # further argparse settings

    @property
    def flag(self):
        """The option as messages name it."""
        return "--" + self.name.replace("_", "-")

    @property
    def file_flag(self):
        return self.flag + "-file"

    @property
    def file_name(self):
        return self.name + "_file"

    def api_paths(self, kind_property):
        """(parent object, key) of each place the value lands, for masking: e.g. ('servicePrincipal', 'clientId')."""
        path = [kind_property, *self.api.split(".")] if self.api else []
        return tuple(path[-2:]) if path else None
