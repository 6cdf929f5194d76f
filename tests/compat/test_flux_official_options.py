"""Every official option of every `az k8s-configuration` command parses, through azure-cli's own parser and
argument validators, to the handler parameter of ours with the same meaning (tests/compat/official_flux_options.py
lists them). The handler is replaced by a recorder: nothing is sent anywhere, only the parse is under test."""

import pytest

from tests.compat.official_flux_options import COMMANDS
from tests.harness.runner import InProcessCli


@pytest.fixture
def parse(extension_wheel, monkeypatch):
    """parse(argv) -> (exit code, the keyword arguments the handler would have received, stderr)."""
    from azure.cli.core.commands import command_operation

    received = {}

    def record(self, command_args):
        received.update(command_args)

    for operation in (command_operation.CommandOperation, command_operation.ShowCommandOperation):
        monkeypatch.setattr(operation, "handler", record)

    def run(argv):
        received.clear()
        result = InProcessCli()(*argv, expect=None)
        return result.exit_code, dict(received), result.stderr

    return run


def _rounds(rows):
    """Command lines that together give every variant of every row once (a row with fewer variants repeats its
    first one, so that required options are always there): [(argv tail, {parameter: expected})]."""
    count = max(len(variants) for _, variants in rows)
    for index in range(count):
        tail, expected = [], {}
        for parameter, variants in rows:
            option, tokens, value = variants[index] if index < len(variants) else variants[0]
            tail.append(option)
            tail.extend([] if tokens is None else [tokens] if isinstance(tokens, str) else tokens)
            expected[parameter] = value
        yield tail, expected


CASES = [pytest.param(command, tail, expected, id=f"{command} #{n}")
         for command, rows in COMMANDS.items() for n, (tail, expected) in enumerate(_rounds(rows))]  # fmt: skip


@pytest.mark.parametrize("command, tail, expected", CASES)
def test_official_options_reach_the_handler_with_their_meaning(parse, command, tail, expected):
    code, received, stderr = parse(["k8s-configuration", *command.split(), *tail])
    assert code == 0, stderr
    wrong = {name: (received.get(name, "<missing>"), value) for name, value in expected.items()
             if received.get(name, "<missing>") != value}  # fmt: skip
    assert not wrong, wrong
    assert "deprecated" not in stderr.lower()  # none of these official spellings is deprecated upstream


def test_the_table_covers_every_official_command():
    assert set(COMMANDS) == {
        "flux create", "flux update", "flux delete", "flux show", "flux list",
        "flux kustomization create", "flux kustomization update", "flux kustomization delete",
        "flux kustomization show", "flux kustomization list", "flux deployed-object list",
        "flux deployed-object show", "list", "show", "delete", "create",
    }  # fmt: skip


@pytest.mark.parametrize("command, option", [
    ("flux create -n a", "--oci-mediatype"),
    ("flux create -n a", "--service-principal-id"),
    ("flux update -n a", "--no-such-option"),
    ("flux kustomization create -n a -k b", "--dependency"),
    ("flux deployed-object show -n a --object-name o", "--object-type"),
    ("show -n a", "--operator-type"),
])  # fmt: skip
def test_unknown_options_are_usage_errors(parse, command, option):
    code, received, stderr = parse(["k8s-configuration", *command.split(), "-g", "rg", "-c", "c",
                                    "-t", "connectedClusters", option, "value"])  # fmt: skip
    assert code == 2 and received == {}
    assert "unrecognized arguments" in stderr or "ambiguous option" in stderr, stderr


def test_hidden_official_spellings_are_named_in_the_help():
    from azext_k8s_flux.flux_model.official_spellings import FLUX_SOURCE
    from tests.flux.examples import help_entry

    for command in ("flux create", "flux update"):
        summary = help_entry(f"k8s-configuration {command}")["long-summary"]
        for spellings in FLUX_SOURCE.values():
            for spelling in spellings:
                assert spelling in summary, (command, spelling)


def test_every_example_line_fits_the_help_width():
    """knack prints examples indented by 8 in 100 columns and wraps longer lines, even inside a word: a wrapped
    command no longer pastes. Lines continue with a backslash instead, and $RG/$CLUSTER keep them short."""
    from tests.flux.examples import examples

    long = [(command, line) for command, example in examples("k8s-configuration")
            for line in example["text"].splitlines() if len(line) > 92]  # fmt: skip
    assert long == []
