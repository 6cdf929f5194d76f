"""Help and the command table must not pay for the SDK: the v1 and migration modules import none of it."""

from tests.harness.imports import heavy_imports


def test_operations_modules_import_no_sdk():
    assert heavy_imports(
        "azext_k8s_flux.operations.source_control", "azext_k8s_flux.migrate.command",
        "azext_k8s_flux._params_source_control", "azext_k8s_flux._help_source_control",
    ) == []  # fmt: skip
