"""k8s-extension delete asks for confirmation where the official command does: for every extension type
except the two Azure Monitor ones, whose official delete never prompts. microsoft.flux keeps its own
safety check (refused while Flux configurations exist, unless --force) before any prompt."""

import pytest
from azure.cli.core.azclierror import NoTTYError, ValidationError

from tests.extension.handler_helpers import delete, flux_body


def _extension(extension_type):
    return {"name": "ext", "properties": {"extensionType": extension_type, "provisioningState": "Succeeded"}}


@pytest.mark.parametrize("extension_type", ["microsoft.azuremonitor.containers",
                                            "Microsoft.AzureMonitor.Containers.Metrics"])  # fmt: skip
def test_azure_monitor_extensions_are_deleted_without_a_prompt(fakes, extension_type):
    fakes.extensions.store["ext"] = _extension(extension_type)
    delete(fakes, name="ext")  # no --yes and no terminal: a prompt would raise NoTTYError
    assert fakes.extensions.methods() == ["get", "begin_delete"]


@pytest.mark.parametrize("extension_type", ["microsoft.flux", "microsoft.dapr", "microsoft.openservicemesh",
                                            "microsoft.azureml.kubernetes", "contoso.anything",
                                            "microsoft.azuremonitor"])  # fmt: skip
def test_other_extension_types_ask_first(fakes, extension_type):
    fakes.extensions.store["ext"] = _extension(extension_type)
    with pytest.raises(NoTTYError) as raised:
        delete(fakes, name="ext")
    assert "--yes" in raised.value.recommendations[0]
    assert fakes.extensions.methods() == ["get"]


def test_flux_with_configurations_is_refused_before_any_prompt(fakes):
    fakes.extensions.store["flux"] = flux_body()
    fakes.flux.names = ["cluster-config"]
    with pytest.raises(ValidationError, match="cluster-config"):
        delete(fakes, yes=True)
    assert fakes.extensions.methods() == ["get"]


def test_the_prompt_names_what_is_deleted(fakes, monkeypatch):
    asked = []
    monkeypatch.setattr("knack.prompting.prompt_y_n", lambda message, default=None: asked.append(message) or True)
    fakes.extensions.store["ext"] = _extension("microsoft.dapr")
    delete(fakes, name="ext")
    assert len(asked) == 1 and "'ext'" in asked[0] and "microsoft.dapr" in asked[0]
    assert fakes.extensions.methods() == ["get", "begin_delete"]
