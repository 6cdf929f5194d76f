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


def test_the_multi_tenancy_opt_out_is_shown_for_create_and_update():
    for command in ("create", "update"):
        texts = [example["text"] for example in yaml.safe_load(helps[f"k8s-extension {command}"])["examples"]]
        assert any("multiTenancy.enforce=false" in text for text in texts)
