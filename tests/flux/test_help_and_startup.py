"""Help for every flux command, and a help/startup path that does not import the SDK."""

from tests.flux.examples import az_invocation, help_entry, shell_lines
from tests.harness.imports import heavy_imports

COMMANDS = [
    "flux create", "flux update", "flux delete", "flux show", "flux list",
    "flux kustomization create", "flux kustomization update", "flux kustomization delete",
    "flux kustomization show", "flux kustomization list",
    "flux deployed-object list", "flux deployed-object show",
]  # fmt: skip


def _help(command):
    return help_entry(f"k8s-configuration {command}")


def test_every_command_has_a_runnable_looking_example():
    for command in COMMANDS:
        entry = _help(command)
        assert entry["short-summary"], command
        assert entry["examples"], command
        for example in entry["examples"]:
            assert example["text"].startswith(f"az k8s-configuration {command} "), (command, example["text"])


def test_seed_example_and_quoting_notes():
    entry = _help("flux create")
    texts = " ".join(e["text"] for e in entry["examples"])
    assert "-k name=infra path=./infrastructure prune=true" in texts
    assert "-k name=apps path=./apps/staging prune=true depends_on=infra" in texts
    for shell in ("bash", "zsh", "PowerShell"):
        assert shell in entry["long-summary"]


def test_operations_do_not_import_the_sdk_at_load_time():
    assert heavy_imports(
        "azext_k8s_flux.operations.flux", "azext_k8s_flux.operations.kustomization",
        "azext_k8s_flux.operations.deployed_object", "azext_k8s_flux.operations.flux_extension",
        "azext_k8s_flux._params_flux", "azext_k8s_flux._help_flux", "azext_k8s_flux._actions",
    ) == []  # fmt: skip


def _declared_options(command):
    """Every option the command accepts: its handler's parameters, spelled as _params/_params_flux declare."""
    import contextlib
    import importlib
    import inspect
    from types import SimpleNamespace

    from azext_k8s_flux import _params_flux, _params_wait

    scopes, extras = {}, {}

    @contextlib.contextmanager
    def argument_context(scope):
        def argument(name, *args, **kwargs):
            scopes.setdefault(scope, {})[name] = kwargs.get("options_list")

        def extra(name, *args, **kwargs):  # options outside the signature (source options, official spellings)
            argument(name, *args, **kwargs)
            extras.setdefault(scope, []).extend(kwargs.get("options_list") or [])

        yield SimpleNamespace(argument=argument, extra=extra)

    for params in (_params_flux, _params_wait):
        params.load_arguments(SimpleNamespace(argument_context=argument_context))
    shared = {"resource_group_name": ["-g", "--resource-group"], "cluster_name": ["-c", "--cluster-name"],
              "cluster_type": ["-t", "--cluster-type"],
              "cluster_resource_provider": ["--cluster-rp", "--cluster-resource-provider"]}  # fmt: skip
    module, handler = {
        "flux": ("flux", "flux_"), "flux kustomization": ("kustomization", "kustomization_"),
        "flux deployed-object": ("deployed_object", "deployed_object_"),
    }[command.rsplit(" ", 1)[0]]  # fmt: skip
    function = getattr(importlib.import_module(f"azext_k8s_flux.operations.{module}"), handler + command.split()[-1])
    full = f"k8s-configuration {command}"
    options = {"-o", "--output", "--query", "--debug", "--only-show-errors"}
    for name in list(inspect.signature(function).parameters)[2:]:
        matching = [s for s in scopes if full.startswith(s) and name in scopes[s]]
        declared = scopes[max(matching, key=len)][name] if matching else None
        options.update(declared or shared.get(name) or ["--" + name.replace("_", "-")])
    for scope, spellings in extras.items():
        if full.startswith(scope):
            options.update(spellings)
    return options


def test_examples_use_only_declared_options():
    for command in COMMANDS:
        options = _declared_options(command)
        for example in _help(command)["examples"]:
            for argv, *_ in filter(None, map(az_invocation, shell_lines(example["text"]))):
                unknown = [t for t in argv if t.startswith("-") and t not in options]
                assert not unknown, (command, unknown)
