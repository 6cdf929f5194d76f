"""argparse reads a prefix as the longer option it starts, so `--config-settings-f x` would be taken for
`--config-settings-file`, and before the official `--config-settings` was declared, `--config-settings a=b`
was read as a settings file. On our commands an option is either spelled in full or refused as a usage
error (exit 2); a prefix never means another option."""

import contextlib
import io

import pytest

EXTENSION_REQUIRED = ["-g", "rg1", "-c", "cluster1", "-t", "connectedClusters", "-n", "ext1"]
FLUX_REQUIRED = ["-g", "rg1", "-c", "cluster1", "-t", "connectedClusters", "-n", "config1"]
# Commands of both groups, with the options that make a complete command line.
COMMANDS = {
    "k8s-extension create": [*EXTENSION_REQUIRED, "--extension-type", "contoso.other"],
    "k8s-extension update": EXTENSION_REQUIRED,
    "k8s-extension delete": EXTENSION_REQUIRED,
    "k8s-configuration flux create": [*FLUX_REQUIRED, "-u", "https://example.com/repo.git", "--branch", "main"],
    "k8s-configuration flux update": FLUX_REQUIRED,
    "k8s-configuration flux kustomization create": [*FLUX_REQUIRED, "-k", "apps", "--path", "./apps"],
    "k8s-configuration show": FLUX_REQUIRED,
}


def _parser(command):
    """The command's parser as azure-cli builds it for a run of that command (`-h` loads its arguments)."""
    from azure.cli.core.mock import DummyCli

    cli = DummyCli()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
        cli.invoke([*command.split(), "-h"], out_file=io.StringIO())
    return cli.invocation.parser.subparser_map[command]


def _prefixes(option_strings, taken):
    """Every prefix of every long option that is neither an option itself nor a prefix of a `taken` one."""
    for option in option_strings:
        for end in range(3, len(option)):
            prefix = option[:end]
            if option.startswith("--") and prefix not in option_strings and not any(t.startswith(prefix)
                                                                                      for t in taken):
                yield prefix


def _global_options(parser):
    """azure-cli's own options (--output, --query, --subscription): their destinations start with '_'."""
    return {o for o, action in parser._option_string_actions.items() if action.dest.startswith("_")}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_no_prefix_of_an_option_is_read_as_that_option(az_env, command):
    parser = _parser(command)
    options = set(parser._option_string_actions)
    prefixes = sorted(set(_prefixes(options - _global_options(parser), _global_options(parser))))
    assert "--cluster-na" in prefixes
    for prefix in prefixes:
        _, unknown = parser.parse_known_args([*COMMANDS[command], prefix, "value"])
        assert prefix in unknown, f"{command}: {prefix} was read as an option"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_azure_cli_options_keep_their_prefixes(az_env, command):
    """`--out table` and `--sub ID` work on every az command; ours are no exception."""
    parser = _parser(command)
    parsed, unknown = parser.parse_known_args([*COMMANDS[command], "--out", "tsv", "--sub", "0000", "--que", "id"])
    assert unknown == []
    assert (parsed._output_format, parsed._subscription) == ("tsv", "0000")
    assert parsed._jmespath_query is not None  # azure-cli compiles the query as it parses


@pytest.mark.parametrize("verb, words", [
    ("create", "--extension-type contoso.other --config-settings-f values.json"),
    ("create", "--extension-t contoso.other"),
    ("update", "--config-protected-s apiToken=t0k"),
    ("update", "--remove-sett a"),
    ("delete", "--forc"),
    ("show", "--cluster-r Microsoft.Kubernetes"),
])  # fmt: skip
def test_an_abbreviated_extension_option_is_a_usage_error(cli, verb, words):
    result = cli("k8s-extension", verb, *EXTENSION_REQUIRED, *words.split(), expect=2)
    assert "unrecognized arguments" in result.stderr or "the following arguments are required" in result.stderr


@pytest.mark.parametrize("words", [
    "flux create -u https://example.com/repo.git --branch main --namesp team-a",
    "flux create -u https://example.com/repo.git --bra main",
    "flux update --interv 5m",
    "flux kustomization create -k apps --pa ./apps",
    "flux delete --ye",
    "show --cluster-ty connectedClusters",
])  # fmt: skip
def test_an_abbreviated_configuration_option_is_a_usage_error(cli, words):
    result = cli("k8s-configuration", *words.split(), *FLUX_REQUIRED, expect=2)
    assert "unrecognized arguments" in result.stderr or "the following arguments are required" in result.stderr


def test_an_official_option_that_is_a_prefix_of_another_means_itself(cli, new_cluster):
    """`--config` is an option of its own (settings), not the start of --config-settings-file."""
    cluster = new_cluster("connectedClusters")
    result = cli(f"k8s-extension create {cluster.args} -n tuner --extension-type contoso.tuner "
                 "--config mode=fast --config-settings level=3").json
    assert result["configurationSettings"] == {"mode": "fast", "level": "3"}
