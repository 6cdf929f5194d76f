"""The "looks like a secret" warning fires on names that say they hold a secret, not on any name that
merely contains "key" or "token" somewhere (keyVault.enabled, monkey, toleration-keys)."""

import pytest

from azext_k8s_flux.validators.extension_args import check_settings
from azext_k8s_flux.validators.secret_names import looks_like_a_secret

SECRETS = ["gitToken", "azure.clientSecret", "proxy.password", "sshPrivateKey", "storage.accountKey",
           "api-key", "API_KEY", "SAS_TOKEN", "db.connectionString", "registry.credentials", "smtp.passwd",
           "signing_key", "apikey", "HTTPSProxyPassword"]  # fmt: skip
NOT_SECRETS = ["keyVault.enabled", "monkey", "toleration-keys", "source-controller.ssh-host-key-args",
               "secretName", "tokenFile", "publicKey", "hotkeys", "turkey.count", "keyboard.layout",
               "tokenizer.mode", "passwordPolicy.minLength", "secrets.enabled", "keys[0].id"]  # fmt: skip


@pytest.mark.parametrize("name", SECRETS)
def test_names_that_say_secret(name):
    assert looks_like_a_secret(name)


@pytest.mark.parametrize("name", NOT_SECRETS)
def test_names_that_only_contain_a_secret_word(name):
    assert not looks_like_a_secret(name)


def test_the_warning_for_a_generic_extension_names_the_key_only(warnings_log):
    check_settings({"keyVault.enabled": "true", "monkey": "1", "vault.token": "v4lue-xyz"}, None, flux=False)
    lines = [line for line in warnings_log() if "looks like a secret" in line]
    assert len(lines) == 1 and "vault.token" in lines[0]
    assert not any("v4lue-xyz" in line for line in warnings_log())


def test_a_flux_setting_named_like_a_key_vault_switch_is_not_a_secret(warnings_log):
    check_settings({"keyVault.enabled": "true"}, None, flux=True)
    assert not any("looks like a secret" in line for line in warnings_log())
