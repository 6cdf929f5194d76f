"""A settings word whose part before '=' cannot be a setting name (a JSON document given with @file, say)
is refused without repeating any of it: it used to be taken as a key, so part of a protected value was
printed in the unknown-setting warning and the garbage key was stored."""

import json

import pytest
from azure.cli.core.azclierror import InvalidArgumentValueError

from tests.extension.test_settings_input import parse
from tests.v1.helpers import last_seq

SECRET = "c2VjcmV0S0VZ"


@pytest.mark.parametrize("word", [json.dumps({"sshKey": SECRET + "="}), f"my key={SECRET}", f"'token'={SECRET}"])
def test_a_word_whose_key_is_not_a_name_is_refused_without_repeating_it(word):
    with pytest.raises(InvalidArgumentValueError) as raised:
        parse("--config", word)
    message = str(raised.value)
    assert SECRET not in message and "sshKey" not in message
    assert "not a setting name" in message


def test_json_given_with_at_file_points_at_the_file_option(cli, emulator, new_cluster, tmp_path):
    cluster = new_cluster("connectedClusters")
    protected = tmp_path / "protected.json"
    protected.write_text(json.dumps({"sshKey": SECRET + "=="}))
    since = last_seq(emulator)
    result = cli(f"k8s-extension create {cluster.args} -n flux --extension-type microsoft.flux "
                 f"--config-protected-settings @{protected}", expect=1)
    assert SECRET not in result.output
    assert "--config-protected-file" in result.stderr
    assert [entry for entry in emulator.requests(kind="arm") if entry["seq"] > since] == []
