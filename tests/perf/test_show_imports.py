"""`show` runs a GET and prints it: loading its handler module and the command table must not import the
validators, payload builders, pre-checks or table formatting that only other commands (or -o table) use."""

from tests.harness.imports import imported_by

ONLY_FOR_OTHER_COMMANDS = (
    "azext_k8s_flux.validators",
    "azext_k8s_flux.validators.flux_configuration",
    "azext_k8s_flux.payloads",
    "azext_k8s_flux.operations.flux_inputs",
    "azext_k8s_flux.operations.flux_extension",
    "azext_k8s_flux.operations.wait",
    "azext_k8s_flux.operations._prompts",
    "azext_k8s_flux._format",
    "azext_k8s_flux._secrets",
)


def _offending(modules):
    return [name for name in modules if name.startswith(ONLY_FOR_OTHER_COMMANDS)]


def test_flux_and_extension_handler_modules_import_only_what_show_needs():
    modules = imported_by(
        "import azext_k8s_flux.operations.flux, azext_k8s_flux.operations.extension\n"
        "import azext_k8s_flux.commands"
    )
    assert "azext_k8s_flux.operations.flux" in modules
    assert _offending(modules) == []


def test_show_arguments_import_no_other_group():
    modules = imported_by(
        "from unittest import mock\n"
        "from azext_k8s_flux import _params\n"
        "loader = mock.MagicMock()\n"
        "_params.load_arguments(loader, 'k8s-configuration flux show')\n"
        "_params.load_arguments(loader, 'k8s-extension show')"
    )
    assert "azext_k8s_flux._params_flux" in modules and "azext_k8s_flux._params_extension" in modules
    others = ("azext_k8s_flux._params_source_control", "azext_k8s_flux._params_check_manifests",
              "azext_k8s_flux._params_wait", "azext_k8s_flux.operations.wait")  # fmt: skip
    assert [m for m in modules if m.startswith(others)] == []
