"""Option spellings of the official k8s-configuration extension that differ from ours.

Our names stay primary; these are accepted as aliases with the same meaning, so that scripts written for the
official extension keep working. The argument declarations and each command's help read these tables.
"""

import argparse

from azext_k8s_flux.flux_model import kustomization_fields, official_aliases

# Handler parameter -> the official spellings it also accepts (from source_fields.py and kustomization_fields.py).
FLUX_SOURCE = official_aliases()
KUSTOMIZATION = {f.key: f.aliases for f in kustomization_fields.FIELDS if f.aliases}
FLUX_V1_CREATE = {
    "enable_helm_operator": ("--enable-hop",),
    "helm_operator_params": ("--hop-params",),
    "helm_operator_chart_version": ("--hop-chart-version",),
}
# Too long for the option column of the help (knack pads every row to the longest): accepted, left out of the
# column, and named in the command's long-summary instead.
_OUT_OF_COLUMN = ("--service-principal-", "--oci-layer-selector-")


def _in_column(option):
    return not option.startswith(_OUT_OF_COLUMN)


def aliases(table, name):
    """The official spellings of `name` shown with it in the help's option column."""
    return [option for option in table.get(name, ()) if _in_column(option)]


def add_hidden_aliases(c, table, name, arg_type=None, arg_group=None):
    """Accept the long official spellings of `name` as a second, hidden argument that stores into `name`."""
    hidden = [option for option in table.get(name, ()) if not _in_column(option)]
    if not hidden:
        return
    base = arg_type.settings.get("action") if arg_type is not None else None
    dest = name + "_official_spelling"
    c.extra(dest, arg_type=arg_type, options_list=hidden, action=_store_into(name, base), help=argparse.SUPPRESS,
            arg_group=arg_group, validator=_forget(dest))  # fmt: skip


def _forget(dest):
    """A validator that drops the hidden argument's own attribute, so that the handler never receives it."""

    def forget(namespace):
        namespace.__dict__.pop(dest, None)

    return forget


def _store_into(dest, base_action):
    """An argparse action that stores into `dest` (as `base_action` would), leaving its own dest unset."""

    class StoreIntoAction(argparse.Action):
        def __call__(self, parser, namespace, values, option_string=None):
            if base_action is None:
                setattr(namespace, dest, values)
            else:
                base = base_action(self.option_strings, dest, nargs=self.nargs, const=self.const, type=self.type,
                                   choices=self.choices)  # fmt: skip
                base(parser, namespace, values, option_string)

    return StoreIntoAction


def help_note(table):
    """One sentence for a command's long-summary: which official spellings it also takes, for which option."""
    pairs = [f"{' / '.join(spellings)} for --{name.replace('_', '-')}" for name, spellings in table.items()]
    return "Also accepts the official k8s-configuration spellings " + "; ".join(pairs) + "."
