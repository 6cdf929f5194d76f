"""azure-cli loads the arguments of the one command being run; `_params` then imports only the group
modules that command needs. Each command must still get exactly the arguments that loading every group
gives it."""

import pytest

from azext_k8s_flux import K8sFluxCommandsLoader, _params


def _loader():
    from azure.cli.core.mock import DummyCli

    loader = K8sFluxCommandsLoader(cli_ctx=DummyCli())
    loader.load_command_table(None)
    return loader


def _normalized(value):
    from knack.deprecation import Deprecated

    if isinstance(value, Deprecated):  # a deprecated option spelling: a new object at every load
        return ("deprecated", value.target, value.redirect)
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', repr(value))}"
    if isinstance(value, (list, tuple)):
        return [_normalized(item) for item in value]
    return value


def _arguments(loader, command, loaded_as):
    """{dest: settings} of `command` after loader.load_arguments(loaded_as), scopes applied as azure-cli does."""
    loader.command_name = command
    loader.skip_applicability = True  # register every context; get_cli_argument below applies the scopes
    loader.load_arguments(loaded_as)
    registry = loader.argument_registry
    dests = {dest for scope in registry.arguments.values() for dest in scope}
    return {
        dest: {key: _normalized(value) for key, value in registry.get_cli_argument(command, dest).settings.items()}
        for dest in dests
        if registry.get_cli_argument(command, dest).settings
    }


COMMANDS = sorted(_loader().command_table)


def test_every_command_is_served_by_some_group():
    assert len(COMMANDS) > 20
    for command in COMMANDS:
        assert _params.group_modules(command), command
    assert _params.group_modules("") == _params.ALL_GROUP_MODULES


@pytest.mark.parametrize("command", COMMANDS)
def test_scoped_loading_gives_the_same_arguments_as_loading_every_group(command):
    scoped = _arguments(_loader(), command, command)
    everything = _arguments(_loader(), command, "")
    assert scoped == everything
    assert "cluster_name" in scoped or command.endswith("check-manifests")


def test_flux_show_loads_no_other_group():
    modules = _params.group_modules("k8s-configuration flux show")
    assert modules == ("_params_flux",)
    assert _params.group_modules("k8s-extension show") == ("_params_extension",)
    assert _params.group_modules("k8s-extension update") == ("_params_extension", "_params_wait")
