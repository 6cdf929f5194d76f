"""Every k8s-extension command has help with runnable examples, including the multi-tenancy opt-out."""

import shlex

import pytest
import yaml

from azext_k8s_flux import _help_extension  # noqa: F401  (registers the entries)
from azext_k8s_flux._help import helps

COMMANDS = ("create", "update", "delete", "show", "list")


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_examples_that_parse_as_az_commands(command):
    entry = yaml.safe_load(helps[f"k8s-extension {command}"])
    assert entry["type"] == "command" and entry["short-summary"]
    assert entry["examples"]
    for example in entry["examples"]:
        words = shlex.split(example["text"])
        assert words[:3] == ["az", "k8s-extension", command]
        assert {"-g", "-c", "-t"} <= set(words)


def test_every_example_line_fits_the_help_width():
    """knack wraps example lines past 92 characters, even inside a word: lines continue with a backslash."""
    from azext_k8s_flux import _help_extension_types  # noqa: F401  (registers the entries)

    long = [(command, line) for command, entry in helps.items() if command.startswith("k8s-extension")
            for example in yaml.safe_load(entry).get("examples") or [] for line in example["text"].splitlines()
            if len(line) > 92]  # fmt: skip
    assert long == []


def test_the_multi_tenancy_opt_out_is_shown_for_create_and_update():
    for command in ("create", "update"):
        texts = [example["text"] for example in yaml.safe_load(helps[f"k8s-extension {command}"])["examples"]]
        assert any("multiTenancy.enforce=false" in text for text in texts)
