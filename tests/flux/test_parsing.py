"""Accepted spellings: -k keys and aliases, lists, booleans, durations, key material in text or base64."""

import base64

import pytest

from azext_k8s_flux._format import format_duration
from azext_k8s_flux.validators.flux_configuration import keys
from azext_k8s_flux.validators.flux_configuration.durations import parse_duration
from azext_k8s_flux.validators.flux_configuration.kustomizations import find_cycle, parse_kustomization
from tests.flux import material as m


@pytest.mark.parametrize("text,seconds", [("45s", 45), ("10m", 600), ("1h2m3s", 3723), ("1.5h", 5400),
                                          ("90s", 90), ("2h", 7200), ("1500ms", None)])  # fmt: skip
def test_durations(text, seconds):
    if seconds is None:
        with pytest.raises(Exception, match="whole number of seconds"):
            parse_duration(text, "timeout")
    else:
        assert parse_duration(text, "timeout") == seconds
        assert parse_duration(format_duration(seconds), "timeout") == seconds


@pytest.mark.parametrize("token", ["depends_on", "dependsOn", "depends-on", "DEPENDS_ON", "depends"])
@pytest.mark.parametrize("value,expected", [
    ("a,b", ["a", "b"]), ('["a","b"]', ["a", "b"]), ("[a,b]", ["a", "b"]), ("['a', 'b']", ["a", "b"]),
    ("a", ["a"]), ("[]", []),
])  # fmt: skip
def test_depends_on_spellings(token, value, expected):
    assert parse_kustomization(["name=k", f"{token}={value}"])["dependsOn"] == expected


@pytest.mark.parametrize("value,expected", [("true", True), ("false", False), ("True", True), ("no", False),
                                            ("1", True), ("0", False)])  # fmt: skip
def test_booleans(value, expected):
    spec = parse_kustomization(["name=k", f"prune={value}", f"force={value}", f"wait={value}"])
    assert spec["prune"] is expected and spec["force"] is expected and spec["wait"] is expected


def test_disable_health_check_is_not_wait():
    assert parse_kustomization(["name=k", "disable_health_check=true"])["wait"] is False
    assert parse_kustomization(["name=k", "disable-health-check=false", "wait=true"])["wait"] is True


def test_aliases_and_post_build():
    spec = parse_kustomization([
        "name=k", "sync-interval=1m", "retryInterval=30s", "timeout=2m",
        'postBuildSubstitute={"A": "1", "B": "x=y"}', "substitute_from=ConfigMap:vars",
    ])  # fmt: skip
    assert spec == {
        "name": "k", "syncIntervalInSeconds": 60, "retryIntervalInSeconds": 30, "timeoutInSeconds": 120,
        "postBuild": {"substitute": {"A": "1", "B": "x=y"}, "substituteFrom": [{"kind": "ConfigMap", "name": "vars"}]},
    }  # fmt: skip


def test_find_cycle_reports_the_loop():
    assert find_cycle({"a": ["b"], "b": ["c"], "c": ["a"], "d": []}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": ["b"], "b": []}) is None


def test_key_material_in_text_or_base64():
    encoded = base64.b64encode(m.SSH_KEY.encode()).decode()
    assert keys.check_ssh_private_key(m.SSH_KEY, "--ssh-private-key") == encoded
    assert keys.check_ssh_private_key(encoded, "--ssh-private-key") == encoded
    hosts = base64.b64encode(m.KNOWN_HOSTS.encode()).decode()
    assert keys.check_known_hosts(m.KNOWN_HOSTS, "--known-hosts") == hosts
    assert keys.check_known_hosts(hosts, "--known-hosts") == hosts
    rsa_blob = base64.b64encode(len(b"ssh-rsa").to_bytes(4, "big") + b"ssh-rsa" + b"\x00\x00\x00\x01\x01").decode()
    assert keys.check_known_hosts(f"# comment\n@cert-authority *.example.com ssh-rsa {rsa_blob}\n", "--known-hosts")


def test_key_errors_do_not_quote_the_value():
    with pytest.raises(Exception) as raised:
        keys.check_ssh_private_key("supersecretvalue", "--ssh-private-key")
    assert "supersecretvalue" not in str(raised.value)


def test_powershell_split_lists_are_joined():
    # PowerShell turns an unquoted depends_on=infra,db into two arguments.
    spec = parse_kustomization(["name=apps", "depends_on=infra", "db", "prune=true"])
    assert spec["dependsOn"] == ["infra", "db"] and spec["prune"] is True
    spec = parse_kustomization(["name=apps", "post_build_substitute_from=ConfigMap:a", "Secret:b:optional"])
    assert [item["name"] for item in spec["postBuild"]["substituteFrom"]] == ["a", "b"]


def test_urls_in_messages_hide_embedded_credentials():
    from azext_k8s_flux.validators.flux_configuration.urls import check_http_url, display

    assert display("https://user:s3cret@github.com/org/repo") == "https://***@github.com/org/repo"
    assert display("git@github.com:org/repo.git") == "git@github.com:org/repo.git"
    with pytest.raises(Exception) as raised:
        check_http_url("ftp://user:s3cret@host/x", "a Bucket")
    assert "s3cret" not in str(raised.value)


@pytest.mark.parametrize(("tokens", "expected"), [
    # -k "name=infra path=./infra prune=true" (the item quoted whole, or from one variable) is one token.
    (["name=infra path=./infrastructure prune=true"], {"name": "infra", "path": "./infrastructure", "prune": True}),
    (["name=apps  depends_on=infra,web", "prune=false"],
     {"name": "apps", "dependsOn": ["infra", "web"], "prune": False}),
    # A space inside a value that starts no key stays in the value.
    (["name=a post_build_substitute=GREETING=hello world"],
     {"name": "a", "postBuild": {"substitute": {"GREETING": "hello world"}}}),
    (["name=a", "path=./my dir"], {"name": "a", "path": "./my dir"}),
])  # fmt: skip
def test_a_quoted_kustomization_item_is_split_into_its_keys(tokens, expected):
    assert parse_kustomization(tokens) == expected


def test_kustomization_tables_show_intervals_as_flux_users_write_them():
    from azext_k8s_flux.commands import _table

    rows = _table("kustomization_table")([{"name": "apps", "path": "./apps", "dependsOn": ["infra"],
                                           "syncIntervalInSeconds": 3723, "prune": True, "force": False}])  # fmt: skip
    assert rows[0]["SyncInterval"] == "1h2m3s" and rows[0]["DependsOn"] == "infra"
