"""`az k8s-extension -h` imports every handler module: they must not pull in the SDK, azure.core or YAML."""

from tests.harness.imports import heavy_imports


def test_extension_modules_import_no_heavy_packages():
    assert heavy_imports(
        "azext_k8s_flux.operations.extension", "azext_k8s_flux.operations.flux_extension",
        "azext_k8s_flux._params_extension", "azext_k8s_flux._help_extension",
    ) == []  # fmt: skip
