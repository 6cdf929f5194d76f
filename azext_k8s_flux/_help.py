"""Help entries (YAML). Each command group keeps its entries in a `_help_<group>.py` module."""

from knack.help_files import helps

from azext_k8s_flux import (  # noqa: F401  (each module registers its entries on import)
    _help_check_manifests,
    _help_export,
    _help_extension,
    _help_extension_types,
    _help_fleet,
    _help_flux,
    _help_kustomization,
    _help_source_control,
    _help_wait,
)
from azext_k8s_flux.policy import _help as _help_policy  # noqa: F401

__all__ = ["helps"]
