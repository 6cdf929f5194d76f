"""No secret of `az k8s-configuration flux create|update` reaches stdout, stderr or `--debug` output: on success,
when the service refuses or fails the write (emulator faults), when the SDK retries, on every validation error
about the secret itself, and in every output format. In-process (`cli`), with azure-cli's --debug logging on."""

import uuid

import pytest

from tests.secrets import material as m

FLUX = "k8s-configuration flux"
REPO = "https://github.com/org/repo"
BLOB = "--kind azblob -u https://acct.blob.core.windows.net --container-name flux"
SP = f"--sp-client-id {m.GUID} --sp-tenant-id {m.GUID}"
OCI = "--kind oci -u oci://registry.example.com/org/manifests --tag v1"

# id: (secret files, create options, update options). `{option}` is replaced by the path of that option's file.
CASES = {
    "ssh-private-key": ({"ssh-private-key": m.SSH_KEY},
                        "-u ssh://git@github.com/org/repo --branch main --ssh-private-key-file {ssh-private-key}",
                        "--ssh-private-key-file {ssh-private-key}"),
    "https-key": ({"https-key": m.HTTPS_KEY},
                  f"-u {REPO} --branch main --https-user git --https-key-file {{https-key}}",
                  "--https-key-file {https-key}"),
    "bucket-secret-key": ({"bucket-secret-key": m.BUCKET_SECRET_KEY},
                          "--kind bucket -u https://s3.example.com --bucket-name b --bucket-access-key AKIAEXAMPLE "
                          "--bucket-secret-key-file {bucket-secret-key}",
                          "--bucket-secret-key-file {bucket-secret-key}"),
    "account-key": ({"account-key": m.ACCOUNT_KEY}, f"{BLOB} --account-key-file {{account-key}}",
                    "--account-key-file {account-key}"),
    "sas-token": ({"sas-token": m.SAS_TOKEN}, f"{BLOB} --sas-token-file {{sas-token}}", "--sas-token-file {sas-token}"),
    "sp-client-secret": ({"sp-client-secret": m.SP_SECRET}, f"{BLOB} {SP} --sp-client-secret-file {{sp-client-secret}}",
                         f"{SP} --sp-client-secret-file {{sp-client-secret}}"),
    "sp-client-cert": ({"sp-client-cert": m.SP_CERT, "sp-client-cert-password": m.SP_CERT_PASSWORD},
                       f"{BLOB} {SP} --sp-client-cert-file {{sp-client-cert}} "
                       "--sp-client-cert-password-file {sp-client-cert-password}",
                       f"{SP} --sp-client-cert-file {{sp-client-cert}} "
                       "--sp-client-cert-password-file {sp-client-cert-password}"),
    "tls-private-key": ({"tls-client-certificate": m.CERT, "tls-private-key": m.PRIVATE_KEY},
                        f"{OCI} --tls-client-certificate-file {{tls-client-certificate}} "
                        "--tls-private-key-file {tls-private-key}",
                        "--tls-client-certificate-file {tls-client-certificate} "
                        "--tls-private-key-file {tls-private-key}"),
}  # fmt: skip
IDS = list(CASES)


def _name():
    return f"cfg-{uuid.uuid4().hex[:8]}"


def _options(case, write_files, **replace):
    files, create, update = CASES[case]
    paths = write_files({**files, **replace})
    return create.format(**paths), update.format(**paths), tuple(files.values()) + tuple(replace.values())


def _debug_run(cli, command, expect=0):
    result = cli(f"{command} --debug", expect=expect)
    assert "DEBUG: " in result.stderr  # azure-cli's debug logging really was on
    return result


@pytest.mark.parametrize("case", IDS)
def test_create_update_and_outputs_hold_no_secret(cli, cluster, write_files, case):
    create, update, secrets = _options(case, write_files)
    name = _name()
    created = _debug_run(cli, f"{FLUX} create {cluster.args} -n {name} {create}")
    assert "PUT /subscriptions/" in created.stderr and created.json["name"] == name
    m.assert_no_leak(created, *secrets)
    updated = _debug_run(cli, f"{FLUX} update {cluster.args} -n {name} {update} --yes -o yaml")
    assert "PATCH /subscriptions/" in updated.stderr
    m.assert_no_leak(updated, *secrets)
    for output in ("-o table", "-o tsv", "--query properties -o json"):
        m.assert_no_leak(cli(f"{FLUX} show {cluster.args} -n {name} {output}"), *secrets)
    m.assert_no_leak(cli(f"{FLUX} list {cluster.args} -o yaml"), *secrets)
    m.assert_no_leak(cli(f"{FLUX} update {cluster.args} -n {name} {update} --yes -o table"), *secrets)


# (fault kind, options, exit code): the write is throttled or dropped and retried (PUT is idempotent), fails
# with a server error that is retried once and then succeeds, fails for good (501 is never retried, 403), or is
# accepted and its long-running operation fails.
FAULTS = {
    "throttle": ("throttle", {"retry_after": 0}, 0),
    "error-500-retried": ("error", {"status": 500}, 0),
    "error-501": ("error", {"status": 501}, 1),
    "forbidden": ("forbidden", {}, 1),
    "drop-retried": ("drop", {}, 0),
    "lro-fail": ("lro-fail", {"code": "ExtensionOperationFailed", "message": "Source reconciliation failed."}, 1),
}


@pytest.mark.parametrize("kind", list(FAULTS))
@pytest.mark.parametrize("case", IDS)
def test_refused_or_retried_create_holds_no_secret(cli, cluster, write_files, fault, case, kind):
    create, _, secrets = _options(case, write_files)
    name = _name()
    fault_kind, options, exit_code = FAULTS[kind]
    with fault(fault_kind, method="PUT", path=f"fluxConfigurations/{name}", **options):
        result = _debug_run(cli, f"{FLUX} create {cluster.args} -n {name} {create}", expect=exit_code)
    m.assert_no_leak(result, *secrets)


@pytest.mark.parametrize("kind", ["throttle", "error-500-retried", "drop", "lro-fail"])
@pytest.mark.parametrize("case", ["https-key", "sp-client-cert", "tls-private-key"])
def test_refused_or_retried_update_holds_no_secret(cli, cluster, write_files, fault, case, kind):
    create, update, secrets = _options(case, write_files)
    name = _name()
    cli(f"{FLUX} create {cluster.args} -n {name} {create} -o none")
    # PATCH is not idempotent: a dropped connection is reported, not retried. The new interval makes the PATCH a
    # change the service sees (it cannot compare write-only secrets) and so a long-running operation.
    fault_kind, options, exit_code = FAULTS.get(kind) or ("drop", {}, 1)
    with fault(fault_kind, method="PATCH", path=f"fluxConfigurations/{name}", **options):
        result = _debug_run(cli, f"{FLUX} update {cluster.args} -n {name} {update} --interval 7m --yes",
                            expect=exit_code)
    m.assert_no_leak(result, *secrets)


def test_unregistered_provider_409_holds_no_secret(cli, cluster, write_files, unregistered):
    for case in ("https-key", "account-key"):
        create, _, secrets = _options(case, write_files)
        result = _debug_run(cli, f"{FLUX} create {cluster.args} -n {_name()} {create}", expect=1)
        assert "az provider register" in result.stderr
        m.assert_no_leak(result, *secrets)


def test_service_400_holds_no_secret(cli, cluster, new_cluster, write_files):
    """A cluster with microsoft.flux and a Flux v1 configuration: the service refuses the PUT with 400."""
    v1 = new_cluster()
    for resource_type, body in (("extensions", {"properties": {"extensionType": "microsoft.flux"}}),
                                ("sourceControlConfigurations", {"properties": {"repositoryUrl": REPO}})):
        status, response = v1.put(resource_type, "old" if resource_type[0] == "s" else "flux", body)
        assert status in (200, 201), response
    for case in ("ssh-private-key", "sp-client-secret"):
        create, _, secrets = _options(case, write_files)
        result = _debug_run(cli, f"{FLUX} create {v1.args} -n {_name()} {create}", expect=1)
        assert "sourceControlConfigurations exist" in result.stderr
        m.assert_no_leak(result, *secrets)


def test_no_wait_and_source_kind_switch_hold_no_secret(cli, cluster, write_files):
    """--no-wait sends the same quiet request; switching an existing git configuration to Azure Blob with an
    account key (and back to git with a token) sends the new secret in a PATCH."""
    create, _, secrets = _options("https-key", write_files)
    name = _name()
    created = _debug_run(cli, f"{FLUX} create {cluster.args} -n {name} {create} --no-wait")
    assert "PUT /subscriptions/" in created.stderr
    m.assert_no_leak(created, *secrets)
    account, _, account_secrets = _options("account-key", write_files)
    switched = _debug_run(cli, f"{FLUX} update {cluster.args} -n {name} {account} --yes")
    assert "PATCH /subscriptions/" in switched.stderr and switched.json["sourceKind"] == "AzureBlob"
    back = _debug_run(cli, f"{FLUX} update {cluster.args} -n {name} --kind git {create} --yes -o yaml")
    assert "sourceKind: GitRepository" in back.stdout
    for result in (switched, back):
        m.assert_no_leak(result, *secrets, *account_secrets)


def test_retired_flux_v1_create_never_repeats_its_credentials(cli, cluster, write_files):
    paths = write_files({"key": m.SSH_KEY, "token": m.HTTPS_KEY})
    result = cli(f"k8s-configuration create {cluster.args} -n old -u {REPO} --https-user git --https-key "
                 f"@{paths['token']} --ssh-private-key-file {paths['key']} --debug", expect=None)  # fmt: skip
    assert result.exit_code != 0 and "Flux v1 is retired" in result.stderr
    m.assert_no_leak(result, m.SSH_KEY, m.HTTPS_KEY)
