"""How settings arrive: key=value words and JSON/YAML files (booleans as true/false, never True)."""

import argparse
import json

import pytest
from azure.cli.core.azclierror import FileOperationError, InvalidArgumentValueError

from azext_k8s_flux.validators.settings_input import KeyValueAction, merge_settings, read_settings_file


def parse(*argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", dest="settings", action=KeyValueAction, nargs="+")
    return parser.parse_args(list(argv)).settings


def test_key_value_words_space_separated_and_repeated():
    assert parse("--config", "a=1", "b=x=y", "--config", "c=") == {"a": "1", "b": "x=y", "c": ""}


@pytest.mark.parametrize("word", ["s3cretword", "=s3cretword"])
def test_an_entry_without_key_or_equals_sign_is_refused_without_repeating_it(word):
    with pytest.raises(InvalidArgumentValueError) as raised:
        parse("--config", word)
    assert "key=value" in str(raised.value)
    assert "s3cretword" not in str(raised.value)


def test_json_file_booleans_and_numbers_are_sent_as_text(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"multiTenancy.enforce": False, "useKubeletIdentity": True, "x.concurrent": 4}))
    assert read_settings_file(str(path), "--config-settings-file") == {
        "multiTenancy.enforce": "false",
        "useKubeletIdentity": "true",
        "x.concurrent": "4",
    }


def test_yaml_file_booleans_are_sent_as_true_false(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("multiTenancy.enforce: False\nhelm-controller.detectDrift: yes\nname: flux\n")
    assert read_settings_file(str(path), "--config-settings-file") == {
        "multiTenancy.enforce": "false",
        "helm-controller.detectDrift": "true",
        "name": "flux",
    }


def test_nested_values_are_refused_with_the_fix(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("helm-controller:\n  enabled: true\n")
    with pytest.raises(InvalidArgumentValueError, match="flatten nested values into dotted keys"):
        read_settings_file(str(path), "--config-settings-file")


def test_a_file_that_is_not_a_mapping_is_refused(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("- a\n- b\n")
    with pytest.raises(InvalidArgumentValueError, match="must hold a mapping"):
        read_settings_file(str(path), "--config-settings-file")


def test_an_unparsable_file_is_refused_without_quoting_its_content(tmp_path):
    path = tmp_path / "protected.yaml"
    path.write_text("token: [hunter2-secret\n")
    with pytest.raises(InvalidArgumentValueError) as raised:
        read_settings_file(str(path), "--config-protected-file")
    assert "hunter2" not in str(raised.value) and "neither valid JSON nor valid YAML" in str(raised.value)


def test_a_missing_file_is_a_file_error(tmp_path):
    with pytest.raises(FileOperationError, match="Cannot read --config-settings-file"):
        read_settings_file(str(tmp_path / "missing.json"), "--config-settings-file")


def test_inline_settings_override_the_file(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"a": "1", "b": "2"}')
    assert merge_settings({"b": "3"}, str(path), "--config-settings-file") == {"a": "1", "b": "3"}
    assert merge_settings(None, None, "--config-settings-file") is None
