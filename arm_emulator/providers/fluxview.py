"""How a fluxConfiguration's properties read at a given api-version (see versions.FLUX_CONFIGURATIONS)."""

from __future__ import annotations

import copy
from typing import Any

from ..agent import SOURCE_FIELDS
from .versions import FLUX_GIT_REPOSITORY, FLUX_KUSTOMIZATION, filter_fields


def properties_at(stored: dict[str, Any], api_version: str) -> dict[str, Any]:
    props = copy.deepcopy(stored)
    # Every source object the version defines is answered, null unless it is the live one.
    for field in SOURCE_FIELDS.values():
        props.setdefault(field, None)
    if isinstance(props.get("gitRepository"), dict):
        props["gitRepository"] = filter_fields(props["gitRepository"], FLUX_GIT_REPOSITORY, api_version)
    kustomizations = props.get("kustomizations") or {}
    props["kustomizations"] = {name: filter_fields(k, FLUX_KUSTOMIZATION, api_version)
                               for name, k in kustomizations.items()}
    return props
