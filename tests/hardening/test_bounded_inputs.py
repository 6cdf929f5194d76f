"""Each input that once crashed a command ("The command failed with an unexpected error") is refused with a
typed error that names the option, before any write; never a traceback or a logging error."""

import base64

import pytest

from tests.flux import material as m
from tests.v1.helpers import last_seq

FLUX = "k8s-configuration flux"
REPO = "https://github.com/contoso/fleet"
CRASH_SIGNS = ("Traceback", "unexpected error", "--- Logging error ---")


@pytest.fixture
def cluster(new_cluster):
    return new_cluster("connectedClusters")


def _refused(cli, emulator, argv, fragment, expect=1):
    since = last_seq(emulator)
    result = cli(*argv, expect=expect)
    assert fragment in result.stderr, result
    assert not any(sign in result.stdout + result.stderr for sign in CRASH_SIGNS), result
    writes = [e for e in emulator.requests(kind="arm") if e["seq"] > since and e["method"] != "GET"]
    assert writes == [], writes
    return result


# 1. Durations and timeouts: one finiteness rule, checked by argparse before the handler runs.
@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-0", "1e400", "Infinity"])
@pytest.mark.parametrize("command", [
    f"{FLUX} create {{args}} -n c1 --namespace c1 -u {REPO} --branch main --wait --wait-timeout",
    f"{FLUX} update {{args}} -n c1 --branch dev --wait --wait-interval",
    f"{FLUX} kustomization create {{args}} -n c1 -k k2 --path ./k --wait-for-compliance --wait-timeout",
    "k8s-extension create {args} -n flux --extension-type microsoft.flux --wait --wait-timeout",
    "k8s-extension update {args} -n flux --config a=b --wait --wait-timeout",
    f"{FLUX} wait {{args}} -n c1 --timeout",
    f"{FLUX} wait {{args}} -n c1 --interval",
])  # fmt: skip
def test_a_wait_time_that_no_clock_can_wait_is_refused_before_any_write(cli, emulator, cluster, command, value):
    *argv, option = command.format(args=cluster.args).split()
    result = _refused(cli, emulator, [*argv, f"{option}={value}"], f"argument {option}:", expect=2)
    assert "not a number of seconds" in result.stderr or "too large" in result.stderr


def test_wait_times_are_bounded_and_finite():
    from azext_k8s_flux.validators.flux_configuration.durations import MAX_WAIT_SECONDS, finite_seconds

    assert finite_seconds("600", 1) == 600.0 and finite_seconds(" 2.5 ", 1) == 2.5
    for bad in ("nan", "inf", "-0", "-0.0", "0", "1e309", "9" * 5000, "ten"):
        with pytest.raises(ValueError):
            finite_seconds(bad, 1)
    with pytest.raises(ValueError, match="too large"):
        finite_seconds(str(MAX_WAIT_SECONDS + 1), 1)


def test_a_go_duration_of_thousands_of_digits_is_refused():
    from azure.cli.core.azclierror import InvalidArgumentValueError

    from azext_k8s_flux.validators.flux_configuration.durations import parse_duration

    for bad in ("9" * 5000 + "s", "1h" * 100, "1" * 200 + "." + "1" * 200 + "s"):
        with pytest.raises(InvalidArgumentValueError, match="Invalid --sync-interval"):
            parse_duration(bad, "--sync-interval")


# 2 and 8. Key material: ASCII only, PEM blocks with nothing around them; the secret is never repeated.
NBSP_KEY = m.SSH_KEY.replace("b3Bl", "b3\u00a0Bl")
KEY_CASES = {
    "ssh key with a no-break space": ("--ssh-private-key", NBSP_KEY, "line 2, column 3"),
    "ssh key after a prompt": ("--ssh-private-key", "$ cat id_ed25519\n" + m.SSH_KEY, "text before '-----BEGIN'"),
    "ssh key with a trailer": ("--ssh-private-key", m.SSH_KEY + "copied from the wiki", "after '-----END'"),
    "known_hosts with a smart quote": ("--known-hosts", m.KNOWN_HOSTS.replace("github.com", "\u201cgithub.com"),
                                       "line 1, column 1"),
    "ca cert with a bag attributes header": ("--https-ca-cert", "Bag Attributes\n" + m.CERT, "text before"),
    "ca cert as base64 of non-ascii": ("--https-ca-cert", base64.b64encode(("\u00e9" + m.CERT).encode()).decode(),
                                       "(once decoded from base64)"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(KEY_CASES))
@pytest.mark.parametrize("form", ["value", "file"])
def test_key_material_is_ascii_and_strictly_framed(cli, emulator, cluster, tmp_path, case, form):
    option, value, fragment = KEY_CASES[case]
    url = "ssh://git@github.com/contoso/fleet" if option in ("--ssh-private-key", "--known-hosts") else REPO
    given = [option, value]
    if form == "file":
        path = tmp_path / "material"
        path.write_text(value, encoding="utf-8")
        given = [option + "-file", str(path)]
    argv = [*f"{FLUX} create {cluster.args} -n c1 --namespace c1 -u {url} --branch main".split(), *given]
    result = _refused(cli, emulator, argv, fragment)
    assert option in result.stderr
    body = [line for line in value.splitlines() if len(line) > 20][0]
    assert body not in result.stdout + result.stderr


@pytest.mark.parametrize("check, option", [("check_certificate", "--tls-client-certificate"),
                                           ("check_pem_private_key", "--tls-private-key"),
                                           ("pem_bundle", "--sp-client-cert"),
                                           ("check_known_hosts", "--known-hosts"),
                                           ("check_ssh_private_key", "--ssh-private-key")])  # fmt: skip
@pytest.mark.parametrize("junk", ["\u00a0", "\u2019", "\udcff", "\x00", "\u202e"])
def test_every_key_option_refuses_what_no_key_holds(check, option, junk):
    from azure.cli.core.azclierror import InvalidArgumentValueError

    from azext_k8s_flux.validators.flux_configuration import keys

    material = {"check_known_hosts": m.KNOWN_HOSTS, "check_ssh_private_key": m.SSH_KEY,
                "check_pem_private_key": m.TLS_KEY, "pem_bundle": m.SP_CERT}.get(check, m.CERT)  # fmt: skip
    getattr(keys, check)(material, option)  # the material itself is accepted
    with pytest.raises(InvalidArgumentValueError, match="holds a character that key material never holds"):
        getattr(keys, check)(material[:12] + junk + material[12:], option)


def test_pem_framing_accepts_chains_and_refuses_junk():
    from azure.cli.core.azclierror import InvalidArgumentValueError

    from azext_k8s_flux.validators.flux_configuration import keys

    chain = keys.check_certificate("\n" + m.CERT + "\n" + m.CERT + "\n", "--https-ca-cert")
    assert base64.b64decode(chain).decode() == (m.CERT + "\n" + m.CERT).strip() + "\n"
    for framed_badly in ("subject=/CN=x\n" + m.CERT, m.CERT + "\n-- \nsignature", m.CERT[:-5]):
        with pytest.raises(InvalidArgumentValueError):
            keys.check_certificate(framed_badly, "--https-ca-cert")


# 3, 4 and 9. Settings files and JSON-looking values: bounded depth, size and numbers.
@pytest.mark.parametrize("content, fragment", [
    ("[" * 1000 + "]" * 1000, "nested more than 64 levels"),
    ('{"a":' * 1000 + "1" + "}" * 1000, "nested more than 64 levels"),
    ("".join(" " * n + "a:\n" for n in range(1000)), "beyond what a settings document holds"),
    ('{"a": ' + "7" * 5000 + "}", "beyond what a settings document holds"),
    ("a: " + "7" * 5000 + "\n", "beyond what a settings document holds"),
])  # fmt: skip
def test_settings_files_are_parsed_within_bounds(cli, emulator, cluster, tmp_path, content, fragment):
    path = tmp_path / "settings.json"
    path.write_text(content)
    argv = ["k8s-extension", "create", *cluster.args.split(), "-n", "mon", "--extension-type", "contoso.monitor",
            "--config-settings-file", str(path)]  # fmt: skip
    _refused(cli, emulator, argv, fragment)


@pytest.mark.parametrize("item", ["depends_on=" + "[" * 1000, "post_build_substitute=" + '{"a":' * 1000 + "1",
                                  "post_build_substitute=" + "{" * 1000])  # fmt: skip
def test_json_looking_kustomization_values_are_parsed_within_bounds(cli, emulator, cluster, item):
    argv = [*f"{FLUX} create {cluster.args} -n c1 --namespace c1 -u {REPO} --branch main -k name=k path=./k".split(),
            item]  # fmt: skip
    _refused(cli, emulator, argv, "Invalid")


def test_a_huge_number_in_a_flux_integer_setting_or_version_is_refused(cli, emulator, cluster):
    create = f"k8s-extension create {cluster.args} -n flux --extension-type microsoft.flux".split()
    _refused(cli, emulator, [*create, "--config", "kustomize-controller.concurrent=" + "9" * 5000],
             "kustomize-controller.concurrent")
    _refused(cli, emulator, [*create, "--version", "1." + "1" * 5000 + ".0", "--auto-upgrade", "false"], "--version")


# 5. Bytes that are not UTF-8 (Python hands them over as lone surrogates): named, never repeated.
@pytest.mark.parametrize("option", ["-g", "-c", "-n", "--cluster-rp", "--https-key", "--bucket-secret-key"])
def test_bytes_that_are_not_utf8_are_refused_by_option(cli, emulator, cluster, option):
    argv = [*f"{FLUX} create {cluster.args} -n c1 --namespace c1 -u {REPO} --branch main --https-user u".split(),
            option, "caf\udce9"]  # fmt: skip
    result = _refused(cli, emulator, argv, f"The value of {option} holds bytes that are not UTF-8 text")
    assert "\udce9" not in result.stderr


def test_control_characters_in_names_are_refused():
    from azure.cli.core.azclierror import InvalidArgumentValueError

    from azext_k8s_flux._cluster import cluster_ref

    for name in ("a\x00b", "a\nb", "a\x1b[31m"):
        with pytest.raises(InvalidArgumentValueError, match="control character"):
            cluster_ref("rg", name, "connectedClusters")


# 6. ARM's name lengths, before the URL is built.
@pytest.mark.parametrize("options, fragment", [
    ("-g " + "g" * 91 + " -c c1 -t connectedClusters", "-g/--resource-group is 91 characters long"),
    ("-g tests-rg -c " + "c" * 64 + " -t connectedClusters", "-c/--cluster-name is 64 characters long"),
    ("-g tests-rg -c " + "c" * 64 + " -t managedClusters", "the name of the cluster has at most 63"),
])  # fmt: skip
@pytest.mark.parametrize("command", ["k8s-extension list {options}", f"{FLUX} list {{options}}",
                                     "k8s-extension create {options} -n flux --extension-type microsoft.flux"])
def test_names_beyond_arm_limits_never_reach_a_url(cli, emulator, options, fragment, command):
    since = last_seq(emulator)
    result = cli(command.format(options=options), expect=1)
    assert fragment in result.stderr
    assert [e for e in emulator.requests(kind="arm") if e["seq"] > since] == []


def test_names_at_arm_limits_are_sent(cli, arm):
    arm.ensure_resource_group("g" * 90)
    result = cli("k8s-extension list -g " + "g" * 90 + " -c " + "c" * 63 + " -t connectedClusters", expect=3)
    assert "was not found" in result.stderr  # the cluster does not exist: Azure was asked


# 7. URL checks in linear time (2,000,000 characters would take hours with the former pattern; the suite's
# timeout fails the test then).
def test_url_checks_take_linear_time():
    from azext_k8s_flux.validators.flux_configuration import urls

    colons = "https://" + ":" * 2_000_000
    assert not urls.has_password(colons)
    assert urls.display(colons) == colons
    assert urls.has_password("https://user:" + ":" * 1000 + "@host/repo")


def test_a_very_long_url_is_refused_without_being_repeated(cli, emulator, cluster):
    url = "https://github.com/" + ":" * 120_000
    argv = [*f"{FLUX} create {cluster.args} -n c1 --namespace c1 --branch main".split(), "-u", url]
    result = _refused(cli, emulator, argv, "--url is 120019 characters long")
    assert ":" * 100 not in result.stderr


# 9. Found by the generated-input test: argparse turns `--option=--` into an empty list.
@pytest.mark.parametrize("option", ["--commit", "--branch", "-n", "--namespace", "--https-user"])
def test_a_double_dash_value_is_a_usage_error(cli, emulator, cluster, option):
    argv = [*f"{FLUX} create {cluster.args} -n c1 --namespace c1 -u {REPO} --branch main".split(), f"{option}=--"]
    _refused(cli, emulator, argv, f"argument {option}: '--' is not a value")


# 9. Found by the generated-input test: a name holding a JSON document (`-n @settings.json`) broke the SDK's URL.
@pytest.mark.parametrize("name", ['{"a": 1e999}', "a/b", "a?b", "a#b", "100%"])
def test_names_with_characters_arm_never_allows_are_refused(cli, emulator, cluster, name):
    argv = [*f"k8s-extension create {cluster.args} --extension-type contoso.monitor".split(), "-n", name]
    _refused(cli, emulator, argv, "-n/--name holds a character that Azure resource names never hold")
