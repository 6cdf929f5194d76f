"""Errors about a secret option never repeat its value: malformed keys and certificates, bad base64, wrong
pairings of options, unreadable files, a value given both inline and as a file, and a secret given where a path
was expected (`--https-key-file @token.txt`, or the token itself). Each runs in-process with --debug on, and
sends no request."""

import pytest

from tests.secrets import material as m

FLUX = "k8s-configuration flux"
REPO = "https://github.com/org/repo"
SSH_REPO = "ssh://git@github.com/org/repo"
BLOB = "--kind azblob -u https://acct.blob.core.windows.net --container-name flux"
SP = f"--sp-client-id {m.GUID} --sp-tenant-id {m.GUID}"
OCI = "--kind oci -u oci://registry.example.com/org/manifests --tag v1"
ENCRYPTED_KEY = ("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00FF\n\n"
                 "encryptedKeyLeakMarkerLine1MIIEowIBAAKCAQEAu\n-----END RSA PRIVATE KEY-----\n")  # fmt: skip
PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5publicKeyLeakMarkerAAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9 me@host\n"

# id: (files {option: content}, create options with {option} file placeholders, error fragment)
MALFORMED = {
    "ssh-key-not-pem": ({"k": "sshKeyLeakMarker this is no key at all\n"},
                        f"-u {SSH_REPO} --branch main --ssh-private-key-file {{k}}", "is not a private key"),
    "ssh-key-bad-base64": ({"k": m.b64("sshKeyLeakMarker garbage that is not PEM")},
                           f"-u {SSH_REPO} --branch main --ssh-private-key-file {{k}}", "is not a private key"),
    "ssh-key-public": ({"k": PUBLIC_KEY}, f"-u {SSH_REPO} --branch main --ssh-private-key-file {{k}}",
                       "is a public key"),
    "ssh-key-encrypted": ({"k": ENCRYPTED_KEY}, f"-u {SSH_REPO} --branch main --ssh-private-key-file {{k}}",
                          "protected by a passphrase"),
    "ssh-key-with-https-url": ({"k": m.SSH_KEY}, f"-u {REPO} --branch main --ssh-private-key-file {{k}}",
                               "can only be used with ssh://"),
    "https-key-without-user": ({"k": m.HTTPS_KEY}, f"-u {REPO} --branch main --https-key-file {{k}}", "together"),
    "https-key-with-ssh-url": ({"k": m.HTTPS_KEY}, f"-u {SSH_REPO} --branch main --https-user git "
                               "--https-key-file {k}", "can only be used with http(s) URLs"),
    "https-key-with-local-auth-ref": ({"k": m.HTTPS_KEY}, f"-u {REPO} --branch main --https-user git "
                                      "--https-key-file {k} --local-auth-ref creds", "do not also give"),
    "bucket-secret-without-access-key": ({"k": m.BUCKET_SECRET_KEY}, "--kind bucket -u https://s3.example.com "
                                         "--bucket-name b --bucket-secret-key-file {k}", "together"),
    "bucket-secret-with-local-auth-ref": ({"k": m.BUCKET_SECRET_KEY}, "--kind bucket -u https://s3.example.com "
                                          "--bucket-name b --bucket-access-key AK --bucket-secret-key-file {k} "
                                          "--local-auth-ref creds", "not both"),
    "account-key-and-sas-token": ({"k": m.ACCOUNT_KEY, "s": m.SAS_TOKEN},
                                  f"{BLOB} --account-key-file {{k}} --sas-token-file {{s}}", "one way to authenticate"),
    "account-key-on-git": ({"k": m.ACCOUNT_KEY}, f"-u {REPO} --branch main --account-key-file {{k}}",
                           "cannot be used with a GitRepository"),
    "sp-secret-and-cert": ({"k": m.SP_SECRET, "c": m.SP_CERT},
                           f"{BLOB} {SP} --sp-client-secret-file {{k}} --sp-client-cert-file {{c}}", "exactly one"),
    "sp-secret-without-ids": ({"k": m.SP_SECRET}, f"{BLOB} --sp-client-secret-file {{k}}", "needs --sp-client-id"),
    "sp-cert-password-without-cert": ({"k": m.SP_SECRET, "p": m.SP_CERT_PASSWORD},
                                      f"{BLOB} {SP} --sp-client-secret-file {{k}} --sp-client-cert-password-file {{p}}",
                                      "can only be used with --sp-client-cert"),
    "sp-cert-without-key": ({"c": m.CERT}, f"{BLOB} {SP} --sp-client-cert-file {{c}}", "lacks its private key"),
    "sp-cert-key-only": ({"c": m.PRIVATE_KEY}, f"{BLOB} {SP} --sp-client-cert-file {{c}}", "lacks a certificate"),
    "sp-cert-bad-base64": ({"c": "spCertLeakMarker!!not*base64"}, f"{BLOB} {SP} --sp-client-cert-file {{c}}",
                           "is not PEM"),
    "sp-cert-base64-not-pem": ({"c": m.b64("spCertLeakMarker plain text")}, f"{BLOB} {SP} --sp-client-cert-file {{c}}",
                               "is not PEM"),
    "tls-key-not-pem": ({"c": m.CERT, "k": "tlsKeyLeakMarker no PEM here"},
                        f"{OCI} --tls-client-certificate-file {{c}} --tls-private-key-file {{k}}",
                        "is not a PEM private key"),
    "tls-key-bad-base64": ({"c": m.CERT, "k": "tlsKeyLeakMarker/no+PEM*in=this"},
                           f"{OCI} --tls-client-certificate-file {{c}} --tls-private-key-file {{k}}",
                           "is not a PEM private key"),
    "tls-key-as-certificate": ({"c": m.PRIVATE_KEY, "k": m.PRIVATE_KEY},
                               f"{OCI} --tls-client-certificate-file {{c}} --tls-private-key-file {{k}}",
                               "is not a PEM certificate"),
    "tls-key-without-certificate": ({"k": m.PRIVATE_KEY}, f"{OCI} --tls-private-key-file {{k}}", "together"),
    "https-key-not-utf8": ({"k": b"\xff\xfe" + m.HTTPS_KEY.encode()},
                           f"-u {REPO} --branch main --https-user git --https-key-file {{k}}", "not a UTF-8 text file"),
}  # fmt: skip


def _secrets(files):
    return [text.decode("latin-1") if isinstance(text, bytes) else text for text in files.values()]


def _rejected(cli, emulator, command, fragment):
    before = len(emulator.requests(kind="arm"))
    result = cli(*([command] if isinstance(command, str) else command), expect=None)
    assert result.exit_code != 0 and fragment in result.stderr, result
    assert "Traceback" not in result.stderr.split("DEBUG")[0]
    assert not [r for r in emulator.requests(kind="arm")[before:] if r["method"] in ("PUT", "PATCH")]
    return result


@pytest.mark.parametrize("case", list(MALFORMED))
def test_rejected_secret_is_never_repeated(cli, emulator, cluster, write_files, case):
    files, options, fragment = MALFORMED[case]
    paths = write_files(files)
    result = _rejected(cli, emulator, f"{FLUX} create {cluster.args} -n bad {options.format(**paths)} --debug",
                       fragment)  # fmt: skip
    m.assert_no_leak(result, *_secrets(files))


# Every option with a file form: (extra options that make the command otherwise valid, secret)
FILE_OPTIONS = {
    "ssh-private-key": (f"-u {SSH_REPO} --branch main", m.SSH_KEY),
    "https-key": (f"-u {REPO} --branch main --https-user git", m.HTTPS_KEY),
    "bucket-secret-key": ("--kind bucket -u https://s3.example.com --bucket-name b --bucket-access-key AK",
                          m.BUCKET_SECRET_KEY),
    "account-key": (BLOB, m.ACCOUNT_KEY),
    "sas-token": (BLOB, m.SAS_TOKEN),
    "sp-client-secret": (f"{BLOB} {SP}", m.SP_SECRET),
    "sp-client-cert": (f"{BLOB} {SP}", m.SP_CERT),
    "sp-client-cert-password": (f"{BLOB} {SP} --sp-client-cert @CERT", m.SP_CERT_PASSWORD),
    "tls-client-certificate": (f"{OCI} --tls-private-key @KEY", m.CERT),
    "tls-private-key": (f"{OCI} --tls-client-certificate @CERT", m.PRIVATE_KEY),
}  # fmt: skip


def _file_option_args(write_files, option):
    extra, secret = FILE_OPTIONS[option]
    paths = write_files({option: secret, "CERT": m.CERT + m.PRIVATE_KEY, "KEY": m.PRIVATE_KEY})
    return extra.replace("@CERT", "@" + paths["CERT"]).replace("@KEY", "@" + paths["KEY"]), secret, paths[option]


@pytest.mark.parametrize("option", list(FILE_OPTIONS))
def test_secret_given_as_the_file_path_is_never_repeated(cli, emulator, cluster, write_files, option):
    """`--x-file @secret.txt` (azure-cli puts the file's content in place of the path) or `--x-file "$TOKEN"`:
    the 'path' is the secret, and the error about the file that cannot be read must not print it."""
    extra, secret, path = _file_option_args(write_files, option)
    for value in (f"@{path}", secret.strip().splitlines()[-2] if "\n" in secret.strip() else secret):
        result = _rejected(cli, emulator, [*f"{FLUX} create {cluster.args} -n bad {extra}".split(),
                                           f"--{option}-file", value, "--debug"], "Cannot read")  # fmt: skip
        assert f"--{option}-file" in result.stderr
        m.assert_no_leak(result.stderr.split("DEBUG: cli.knack.cli: Command arguments")[0], secret)
        m.assert_no_leak(result.stderr[result.stderr.find("\nDEBUG: cli.knack.cli: Event: Cli.PreExecute"):], secret)


@pytest.mark.parametrize("option", list(FILE_OPTIONS))
def test_inline_and_file_together_never_repeat_the_value(cli, emulator, cluster, write_files, option):
    extra, secret, path = _file_option_args(write_files, option)
    inline = secret.strip().splitlines()[1] if "\n" in secret.strip() else secret
    result = _rejected(cli, emulator, [*f"{FLUX} create {cluster.args} -n bad {extra}".split(), f"--{option}", inline,
                                       f"--{option}-file", path], "not both")  # fmt: skip
    m.assert_no_leak(result, secret)


@pytest.mark.parametrize("option", list(FILE_OPTIONS))
def test_at_file_form_holds_no_secret(cli, cluster, write_files, option):
    """`--x @path`: azure-cli reads the file; --debug shows the command line as typed, with the path only."""
    extra, secret, path = _file_option_args(write_files, option)
    result = cli(*f"{FLUX} create {cluster.args} -n at-{option} {extra}".split(), f"--{option}", f"@{path}",
                 "--debug")  # fmt: skip
    assert f"@{path}" in result.stderr and "PUT /subscriptions/" in result.stderr
    m.assert_no_leak(result, secret)


def test_at_file_form_with_a_malformed_key_is_never_repeated(cli, emulator, cluster, write_files):
    paths = write_files({"k": "sshKeyLeakMarker not a key\nsecond line of it\n"})
    result = _rejected(cli, emulator, f"{FLUX} create {cluster.args} -n bad -u {SSH_REPO} --branch main "
                       f"--ssh-private-key @{paths['k']} --debug", "is not a private key")  # fmt: skip
    m.assert_no_leak(result, "sshKeyLeakMarker not a key\nsecond line of it\n")
