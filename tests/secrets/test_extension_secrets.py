"""No protected setting of `az k8s-extension create|update` reaches stdout, stderr or `--debug` output, given as
a JSON or YAML file, as `--config-protected @file`, on success, retries, service refusals and validation errors."""

import json
import uuid

import pytest

from tests.secrets import material as m

EXT = "k8s-extension"
SECRET = m.PROTECTED_VALUE

# id: (file content, option as given with {path})
FORMS = {
    "json-file": (json.dumps({"gitToken": SECRET, "other": "x"}), "--config-protected-file {path}"),
    "yaml-file": (f"gitToken: {SECRET}\nother: x\n", "--config-protected-settings-file {path}"),
    "at-file": (f"gitToken={SECRET}", "--config-protected @{path}"),
}


def _name():
    return f"ext-{uuid.uuid4().hex[:8]}"


def _form(write_files, form):
    content, option = FORMS[form]
    return option.format(path=write_files({"protected": content})["protected"])


@pytest.mark.parametrize("form", list(FORMS))
def test_create_update_and_outputs_hold_no_protected_value(cli, cluster, write_files, form):
    option, name = _form(write_files, form), _name()
    created = cli(f"{EXT} create {cluster.args} -n {name} --extension-type vendor.thing {option} --debug")
    assert "PUT /subscriptions/" in created.stderr
    assert created.json["configurationProtectedSettings"]["gitToken"] == ""
    m.assert_no_leak(created, SECRET)
    updated = cli(f"{EXT} update {cluster.args} -n {name} {option} --yes --debug -o yaml")
    assert "PATCH /subscriptions/" in updated.stderr
    m.assert_no_leak(updated, SECRET)
    for output in ("-o table", "-o tsv", "-o yaml", "--query configurationProtectedSettings"):
        m.assert_no_leak(cli(f"{EXT} show {cluster.args} -n {name} {output}"), SECRET)
    m.assert_no_leak(cli(f"{EXT} list {cluster.args} -o json"), SECRET)
    m.assert_no_leak(cli(f"{EXT} update {cluster.args} -n {name} {option} --yes -o table"), SECRET)


FAULTS = {
    "throttle": ("throttle", {"retry_after": 0}, 0),
    "error-500-retried": ("error", {"status": 500}, 0),
    "error-501": ("error", {"status": 501}, 1),
    "forbidden": ("forbidden", {}, 1),
    "drop": ("drop", {}, None),  # PUT: retried; PATCH: reported
    "lro-fail": ("lro-fail", {"code": "ExtensionOperationFailed", "message": "Helm install failed."}, 1),
}


@pytest.mark.parametrize("kind", list(FAULTS))
@pytest.mark.parametrize("verb", ["create", "update"])
def test_refused_or_retried_writes_hold_no_protected_value(cli, cluster, write_files, fault, verb, kind):
    option, name = _form(write_files, "json-file"), _name()
    if verb == "update":
        cli(f"{EXT} create {cluster.args} -n {name} --extension-type vendor.thing -o none")
        command = f"{EXT} update {cluster.args} -n {name} {option} --config other=2 --yes --debug"
    else:
        command = f"{EXT} create {cluster.args} -n {name} --extension-type vendor.thing {option} --debug"
    fault_kind, options, exit_code = FAULTS[kind]
    if kind == "drop":
        exit_code = 0 if verb == "create" else 1
    with fault(fault_kind, method="PUT" if verb == "create" else "PATCH", path=f"extensions/{name}", **options):
        result = cli(command, expect=exit_code)
    m.assert_no_leak(result, SECRET)


def test_service_refusals_hold_no_protected_value(cli, cluster, write_files, unregistered):
    option = _form(write_files, "json-file")
    result = cli(f"{EXT} create {cluster.args} -n {_name()} --extension-type vendor.thing {option} --debug", expect=1)
    assert "az provider register" in result.stderr
    m.assert_no_leak(result, SECRET)


def test_service_400_holds_no_protected_value(cli, cluster, write_files):
    """The extension exists with another type: the service refuses the PUT with 400."""
    option, name = _form(write_files, "yaml-file"), _name()
    cli(f"{EXT} create {cluster.args} -n {name} --extension-type vendor.thing -o none")
    result = cli(f"{EXT} create {cluster.args} -n {name} --extension-type vendor.other {option} --debug", expect=None)
    assert result.exit_code != 0 and "cannot be changed" in result.stderr
    m.assert_no_leak(result, SECRET)


# id: (file content, option with {path}, error fragment)
REJECTED = {
    "not-json-nor-yaml": (f'{{"gitToken": "{SECRET}", [', "--config-protected-file {path}",
                          "neither valid JSON nor valid YAML"),
    "nested-value": (json.dumps({"git": {"token": SECRET}}), "--config-protected-file {path}", "has a dict"),
    "not-a-mapping": (json.dumps([SECRET]), "--config-protected-file {path}", "must hold a mapping"),
    "not-utf8": (b"\xff\xfe" + SECRET.encode(), "--config-protected-file {path}", "not a UTF-8 text file"),
    "at-file-without-equals": (SECRET, "--config-protected @{path}", "a value without '='"),
    "at-file-json": (json.dumps({"gitToken": SECRET}), "--config-protected @{path}", "a value without '='"),
    "at-file-given-to-file-option": (json.dumps({"gitToken": SECRET}), "--config-protected-file @{path}",
                                     "Cannot read --config-protected-file"),
    "content-given-to-file-option": (SECRET, "--config-protected-file {content}",
                                     "Cannot read --config-protected-file"),
    "flux-bad-protected-value": (json.dumps({"multiTenancy.enforce": SECRET}), "--config-protected-file {path}",
                                 "the given value"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(REJECTED))
def test_rejected_protected_settings_are_never_repeated(cli, emulator, cluster, write_files, case):
    content, option, fragment = REJECTED[case]
    path = write_files({"protected": content})["protected"]
    extension_type = "microsoft.flux" if case.startswith("flux") else "vendor.thing"
    words = f"{EXT} create {cluster.args} -n {_name()} --extension-type {extension_type}".split()
    value = option.split(" ", 1)[1].format(path=path, content=content)
    before = len(emulator.requests(kind="arm"))
    result = cli(*words, option.split(" ", 1)[0], value, "--debug", expect=None)
    assert result.exit_code != 0 and fragment in result.stderr, result
    assert not [r for r in emulator.requests(kind="arm")[before:] if r["method"] in ("PUT", "PATCH")]
    secret = content.decode("latin-1") if isinstance(content, bytes) else content
    if "{content}" in option:  # typed on the command line: only --debug's echo of it may show it
        result = result.stderr.split("DEBUG: cli.knack.cli: Command arguments")[0] + result.stderr.split(
            "Event: Cli.PreExecute")[-1]  # fmt: skip
    m.assert_no_leak(result, SECRET, secret)


def test_update_setting_and_removing_a_protected_key_names_the_key_only(cli, emulator, cluster, write_files):
    name = _name()
    cli(f"{EXT} create {cluster.args} -n {name} --extension-type vendor.thing -o none")
    option = _form(write_files, "json-file")
    result = cli(f"{EXT} update {cluster.args} -n {name} {option} --remove-protected-settings gitToken --yes --debug",
                 expect=None)  # fmt: skip
    assert result.exit_code != 0 and "gitToken: a setting cannot be given" in result.stderr
    m.assert_no_leak(result, SECRET)
