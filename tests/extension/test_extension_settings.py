"""The description of the microsoft.flux settings (flux_model/extension_settings.py) is the one place a setting is
declared: its values, default, first extension version and cluster types are checked against the documentation, and
a setting added to it (a made-up one here) is validated, warned about on the wrong cluster type and listed in the
help with no other edit."""

import importlib
import re

import pytest
from azure.cli.core.azclierror import InvalidArgumentValueError

from azext_k8s_flux.flux_model import extension_settings as described
from azext_k8s_flux.flux_model.extension_settings import BOOL, DURATION, KNOWN_SETTINGS, FluxSetting
from azext_k8s_flux.validators.extension_args import check_settings

OPTION = "--configuration-settings"


@pytest.mark.parametrize("key, default, since, cluster_types", [
    ("multiTenancy.enforce", "true", "1.0.0", ()),  # multi-tenancy came with 1.0.0, on unless opted out
    ("useKubeletIdentity", "false", "1.6.1", ("managedClusters",)),
    ("helm-controller.detectDrift", "false", "1.7.5", ()),
    ("helm-controller.outOfMemoryWatch.enabled", "false", "1.7.5", ()),
    ("helm-controller.outOfMemoryWatch.memoryThreshold", "95", "1.7.5", ()),
    ("helm-controller.outOfMemoryWatch.interval", "500ms", "1.7.5", ()),
    ("setKubeServiceHostFqdn", "false", "1.11.1", ()),
    ("source-controller.enabled", "true", None, ()),
    ("notification-controller.enabled", "true", None, ()),
    ("image-automation-controller.enabled", "false", None, ()),  # the image controllers are installed on request
    ("image-reflector-controller.enabled", "false", None, ()),
    ("fluxconfig-agent.log-level", "info", "1.9.1", ()),
])  # fmt: skip
def test_documented_defaults_versions_and_cluster_types(key, default, since, cluster_types):
    setting = KNOWN_SETTINGS[key]
    assert (setting.default, setting.since, setting.cluster_types) == (default, since, cluster_types)


def test_every_default_is_a_value_its_own_type_takes_as_it_is():
    for setting in KNOWN_SETTINGS.values():
        if setting.default is not None:
            assert setting.parse(setting.default) == setting.default, setting.key


def test_closed_value_sets_are_named_by_their_type():
    assert KNOWN_SETTINGS["multiTenancy.enforce"].allowed == ("true", "false")
    assert KNOWN_SETTINGS["source-controller.log-level"].allowed == ("debug", "info", "error")
    assert KNOWN_SETTINGS["source-controller.resources.limits.memory"].allowed == ()


@pytest.fixture
def made_up_setting(monkeypatch):
    """An Arc-only duration setting, known since a made-up version."""
    setting = FluxSetting("fluxconfig-agent.heartbeat", DURATION, "How often the agent reports (made up).",
                          default="1m", since="9.9.9", cluster_types=("connectedClusters",))  # fmt: skip
    monkeypatch.setattr(described, "SETTINGS", (*described.SETTINGS, setting))
    monkeypatch.setitem(KNOWN_SETTINGS, setting.key, setting)
    monkeypatch.setitem(described.KNOWN_BY_LOWER, setting.key.lower(), setting.key)
    return setting


def test_an_added_setting_is_validated(made_up_setting):
    assert check_settings({"fluxconfig-agent.heartbeat": " 90s "}, None, True, "connectedClusters")[0] == {
        "fluxconfig-agent.heartbeat": "90s"}  # fmt: skip
    with pytest.raises(InvalidArgumentValueError, match="'fluxconfig-agent.heartbeat' in --configuration-settings: "
                                                        "use a duration such as 30s"):
        check_settings({"fluxconfig-agent.heartbeat": "often"}, None, True, "connectedClusters")


def test_an_added_setting_is_warned_about_on_other_cluster_types(made_up_setting, warnings_log):
    check_settings({"fluxconfig-agent.heartbeat": "90s"}, None, True, "managedClusters")
    assert warnings_log() == ["fluxconfig-agent.heartbeat=90s applies to Azure Arc-enabled clusters "
                              "(connectedClusters) only; on managedClusters it has no effect."]  # fmt: skip
    check_settings({"fluxconfig-agent.heartbeat": "1m"}, None, True, "managedClusters")  # the default: no effect
    assert len(warnings_log()) == 1


def _help(cli, capsys):
    """`k8s-extension create -h` as one line: knack wraps the text, also after a hyphen."""
    from azext_k8s_flux import _help_extension

    importlib.reload(_help_extension)  # the entry as written, so that it takes the description as it is now
    cli("k8s-extension create -h")
    return " ".join(re.sub(r"-\n\s*", "-", capsys.readouterr().out).split())


def test_an_added_setting_is_in_the_help(made_up_setting, cli, capsys, monkeypatch):
    try:
        help_text = _help(cli, capsys)
    finally:
        monkeypatch.undo()  # the description as it was, and the help built from it again for the tests after this
        _help(cli, capsys)
    assert "fluxconfig-agent.heartbeat (duration, default 1m, connectedClusters only, since 9.9.9)" in help_text
    assert "fluxconfig-agent.heartbeat" not in _help(cli, capsys)


def test_the_help_lists_each_setting_once_with_what_it_takes(cli, capsys):
    help_text = _help(cli, capsys)
    for phrase in ("multiTenancy.enforce (true|false, default true, since 1.0.0)",
                   "useKubeletIdentity (true|false, default false, managedClusters only, since 1.6.1)",
                   "workloadIdentity.enable (true|false, default false)",
                   "<c>.enabled (true|false, default true (image-automation-controller, image-reflector-controller: "
                   "false))",
                   "<c>.log-level (debug|info|error, default info, since 1.9.1; also fluxconfig-agent, "
                   "fluxconfig-controller)"):  # fmt: skip
        assert phrase in help_text
    assert help_text.count("source-controller.enabled") == 0  # per-controller settings are listed once as <c>.


def test_bool_is_the_one_yes_no_vocabulary():
    assert [BOOL.check(word) for word in ("TRUE", " false ", "yes", "1")] == ["true", "false", None, None]
