"""Every option of the official `az k8s-extension create|update|delete|show|list` (k8s-extension 1.7.0
`_params.py` and the handler signatures of its custom.py, plus --auto-upgrade-mode of 1.8.x) reaches the
handler parameter it names, with the value it was given, through azure-cli's own parser (in-process).

The table is ours, written from the official option lists; the values are our own."""

import functools

import pytest

from azext_k8s_flux.operations import extension as handlers

DEPRECATION = "has been deprecated and will be removed in a future release"

# The options every command shares: (official spellings, parameter, value given, value the handler gets).
CLUSTER = [
    (("--resource-group", "-g"), "resource_group_name", "team-rg", "team-rg"),
    (("--cluster-name", "-c"), "cluster_name", "edge-7", "edge-7"),
    (("--cluster-type", "-t"), "cluster_type", "managedClusters", "managedClusters"),
    (("--cluster-resource-provider", "--cluster-rp"), "cluster_resource_provider", "Microsoft.HybridContainerService",
     "Microsoft.HybridContainerService"),
]  # fmt: skip
NAME = [(("--name", "-n"), "name", "metrics", "metrics")]
SETTINGS = [
    (("--configuration-settings", "--config"), "configuration_settings", "replicas=2", {"replicas": "2"}),
    (("--config-protected-settings", "--config-protected"), "configuration_protected_settings", "apiToken=t0k",
     {"apiToken": "t0k"}),
    (("--config-settings-file", "--config-file"), "configuration_settings_file", "values.json", "values.json"),
    (("--config-protected-file", "--config-protected-settings-file"), "configuration_protected_settings_file",
     "sealed.yaml", "sealed.yaml"),
]  # fmt: skip
# Deprecated official spellings: still accepted, with azure-cli's deprecation warning.
DEPRECATED = [
    ("--config-settings", "configuration_settings", "replicas=2", {"replicas": "2"}),
    ("--configuration-protected-settings", "configuration_protected_settings", "apiToken=t0k", {"apiToken": "t0k"}),
    ("--configuration-settings-file", "configuration_settings_file", "values.json", "values.json"),
    ("--configuration-protected-settings-file", "configuration_protected_settings_file", "sealed.yaml",
     "sealed.yaml"),
]  # fmt: skip
VERSION = [
    (("--auto-upgrade-minor-version", "--auto-upgrade"), "auto_upgrade_minor_version", "false", False),
    (("--auto-upgrade-mode",), "auto_upgrade_mode", "patch", "patch"),
    (("--version",), "version", "2.4.1", "2.4.1"),
    (("--release-train",), "release_train", "Preview", "Preview"),
]
CREATE_ONLY = [
    (("--extension-type",), "extension_type", "contoso.metrics", "contoso.metrics"),
    (("--scope",), "scope", "namespace", "namespace"),
    (("--release-namespace",), "release_namespace", "metrics-system", "metrics-system"),
    (("--target-namespace",), "target_namespace", "team-a", "team-a"),
    (("--plan-name",), "plan_name", "basic-monthly", "basic-monthly"),
    (("--plan-product",), "plan_product", "metrics-offer", "metrics-offer"),
    (("--plan-publisher",), "plan_publisher", "contoso", "contoso"),
]
NO_WAIT = [(("--no-wait",), "no_wait", None, True)]
YES = [(("--yes", "-y"), "yes", None, True)]

OFFICIAL = {
    "create": CLUSTER + NAME + CREATE_ONLY + VERSION + SETTINGS + NO_WAIT,
    "update": CLUSTER + NAME + VERSION + SETTINGS + NO_WAIT + YES,
    "delete": CLUSTER + NAME + NO_WAIT + YES + [(("--force",), "force", None, True)],
    "show": CLUSTER + NAME,
    "list": CLUSTER,
}
HANDLERS = {verb: f"extension_{verb}" for verb in OFFICIAL}
REQUIRED = {
    "resource_group_name": ("-g", "rg1"),
    "cluster_name": ("-c", "cluster1"),
    "cluster_type": ("-t", "connectedClusters"),
    "name": ("-n", "ext1"),
    "extension_type": ("--extension-type", "contoso.other"),
}


def _rows():
    for verb, rows in OFFICIAL.items():
        for options, parameter, given, expected in rows:
            for option in options:
                yield pytest.param(verb, option, parameter, given, expected, id=f"{verb} {option}")


@pytest.fixture
def received(monkeypatch):
    """Replaces the handlers with recorders of the keyword arguments azure-cli hands them (same signature)."""
    calls = []

    for verb, name in HANDLERS.items():
        original = getattr(handlers, name)

        @functools.wraps(original)
        def record(*args, _verb=verb, **kwargs):
            calls.append((_verb, kwargs))

        monkeypatch.setattr(handlers, name, record)
    return calls


def _command(verb, option, parameter, given):
    words = [] if given is None else [given]
    required = [dest for dest in REQUIRED if dest in _parameters(verb)]
    base = [word for dest in required if dest != parameter for word in REQUIRED[dest]]
    return ["k8s-extension", verb, *base, option, *words]


def _parameters(verb):
    import inspect

    return inspect.signature(getattr(handlers, HANDLERS[verb])).parameters


@pytest.mark.parametrize("verb, option, parameter, given, expected", list(_rows()))
def test_official_option_reaches_its_parameter(cli, received, verb, option, parameter, given, expected):
    result = cli(*_command(verb, option, parameter, given))
    assert DEPRECATION not in result.stderr
    [(called, kwargs)] = received
    assert called == verb and kwargs[parameter] == expected


@pytest.mark.parametrize("verb", ["create", "update"])
@pytest.mark.parametrize("option, parameter, given, expected", DEPRECATED)
def test_deprecated_official_option_is_accepted_with_one_warning(cli, received, verb, option, parameter, given,
                                                                 expected):  # fmt: skip
    repeated = [option, given, option, given] if isinstance(expected, dict) else [option, given]
    result = cli(*_command(verb, option, parameter, given)[:-2], *repeated)
    [(called, kwargs)] = received
    assert kwargs[parameter] == expected
    preferred = next(options[0] for options, dest, *_ in SETTINGS if dest == parameter)
    warnings = [line for line in result.stderr.splitlines() if DEPRECATION in line]
    assert len(warnings) == 1 and option in warnings[0] and preferred in warnings[0], result.stderr


@pytest.mark.parametrize("verb", sorted(OFFICIAL))
def test_the_table_covers_every_parameter_of_the_handler(verb):
    """A parameter added to a handler is either in the official table or one of our own additions."""
    ours = {"cmd", "client", "remove_settings", "remove_protected_settings", "wait_for_compliance", "wait_timeout",
            "wait_interval"}  # fmt: skip
    listed = {parameter for _, parameter, *_ in OFFICIAL[verb]}
    assert set(_parameters(verb)) - ours == listed
