"""The only module that touches SDK packages: one pinned API version per resource type.

Imports happen inside the functions so that loading the command table and rendering help
never import the SDK.
"""

FLUX_CONFIGURATIONS_API_VERSION = "2025-04-01"
EXTENSIONS_API_VERSION = "2025-03-01"
SOURCE_CONTROL_CONFIGURATIONS_API_VERSION = "2023-05-01"
# The extensiontypes SDK's own version: the newest its models read. The official command calls 2023-05-01-preview,
# whose answers differ only in shape details the models absorb; the SDK has no subscription-scope method.
EXTENSION_TYPES_API_VERSION = "2024-11-01-preview"


def resource_graph_models():
    from azure.mgmt.resourcegraph import models

    return models


def resource_graph_client_class():
    from azure.mgmt.resourcegraph import ResourceGraphClient

    return ResourceGraphClient


def flux_models():
    from azure.mgmt.kubernetesconfiguration.fluxconfigurations import models

    return models


def extension_models():
    from azure.mgmt.kubernetesconfiguration.extensions import models

    return models


def source_control_models():
    from azure.mgmt.kubernetesconfiguration.v2023_05_01 import models

    return models


def flux_client_class():
    from azure.mgmt.kubernetesconfiguration.fluxconfigurations import (
        KubernetesConfigurationFluxConfigurationsMgmtClient,
    )

    return KubernetesConfigurationFluxConfigurationsMgmtClient


def extension_client_class():
    from azure.mgmt.kubernetesconfiguration.extensions import KubernetesConfigurationExtensionsMgmtClient

    return KubernetesConfigurationExtensionsMgmtClient


def extension_types_client_class():
    from azure.mgmt.kubernetesconfiguration.extensiontypes import KubernetesConfigurationExtensionTypesMgmtClient

    return KubernetesConfigurationExtensionTypesMgmtClient


def source_control_client_class():
    from azure.mgmt.kubernetesconfiguration import SourceControlConfigurationClient

    return SourceControlConfigurationClient


def explicit_null():
    """The sentinel that serializes as JSON null (merge-patch 'remove') in SDK models."""
    from azure.core.serialization import NULL

    return NULL


def as_dict(model):
    """Plain JSON-ready dict of an SDK model (what output formatting and comparisons work on)."""
    if model is None:
        return None
    if hasattr(model, "as_dict"):
        return model.as_dict()
    return dict(model)
