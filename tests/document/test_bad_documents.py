"""Every bad document is refused before any request, with an azure-cli error type that names the key and its line,
and never repeats a secret."""

import pytest
from azure.cli.core.azclierror import (
    FileOperationError,
    InvalidArgumentValueError,
    MutuallyExclusiveArgumentError,
    RequiredArgumentMissingError,
)

from azext_k8s_flux.document.inputs import read_inputs
from tests.document.conftest import DOCUMENT, REPO

INLINE_SECRET = "ghp_inlineSecretLeakMarker7Yt5"

# id: (document text, error type, texts the message must hold)
CASES = {
    "malformed-yaml": ("name: a\ngitRepository:\n  url: [unclosed\n", InvalidArgumentValueError,
                       ("not valid YAML or JSON", "line ")),
    "malformed-json": ('{\n  "name": "a"\n  "scope": "cluster"\n}\n', InvalidArgumentValueError,
                       ("not valid YAML or JSON", "line 3")),
    "duplicate-key": ("name: a\nname: b\n", InvalidArgumentValueError, ("not valid YAML or JSON", "line 2")),
    "not-a-mapping": ("- name: a\n", InvalidArgumentValueError, ("must hold one document, a mapping",)),
    "flag-type": (DOCUMENT.replace("suspend: false", "suspend: 'no'"), InvalidArgumentValueError,
                  ("key 'suspend' (line 5", "must be true or false, not str")),
    "seconds-type": (DOCUMENT.replace("syncIntervalInSeconds: 300", "syncIntervalInSeconds: [300]"),
                     InvalidArgumentValueError, ("key 'gitRepository.syncIntervalInSeconds' (line 10", "whole number")),
    "kustomization-flag-type": (DOCUMENT.replace("prune: true}", "prune: 1}", 1), InvalidArgumentValueError,
                                ("key 'kustomizations.infra.prune' (line 12", "true or false")),
    "source-block-type": (DOCUMENT.replace("  repositoryRef: {branch: main}", "  repositoryRef: main"),
                          InvalidArgumentValueError, ("gitRepository.repositoryRef' (line 8", "a mapping of keys")),
    "two-source-blocks": (DOCUMENT + "bucket: {url: https://s3.example.com, bucketName: b}\n",
                          MutuallyExclusiveArgumentError, ("two source blocks", "'gitRepository' (line 6",
                                                          "'bucket' (line 16")),
    "block-not-the-kind": (DOCUMENT.replace("sourceKind: GitRepository", "sourceKind: Bucket"),
                           MutuallyExclusiveArgumentError, ("'gitRepository' (line 6", "sourceKind is Bucket")),
    "unknown-kind": (DOCUMENT.replace("sourceKind: GitRepository", "sourceKind: Helm"), InvalidArgumentValueError,
                     ("key 'sourceKind' (line 4", "GitRepository, Bucket, AzureBlob, OCIRepository")),
    "unknown-top-key": (DOCUMENT.replace("kustomizations:", "kustomizatons:"), InvalidArgumentValueError,
                        ("Unknown key 'kustomizatons' (line 11", "Did you mean 'kustomizations'?")),
    "unknown-source-key": (DOCUMENT.replace("{branch: main}", "{brnch: main}"), InvalidArgumentValueError,
                           ("Unknown key 'gitRepository.repositoryRef.brnch' (line 8", "Did you mean 'branch'?")),
    "unknown-kustomization-key": (DOCUMENT.replace("dependsOn: [infra]", "dependOn: [infra]"),
                                  InvalidArgumentValueError, ("'kustomizations.apps.dependOn' (line 13",
                                                              "Did you mean 'dependsOn'?")),
    "protected-key-of-another-kind": (DOCUMENT.replace("httpsKey:", "bucketSecretKey:"),
                                      MutuallyExclusiveArgumentError,
                                      ("'configurationProtectedSettings.bucketSecretKey' (line 15",
                                       "a setting of Bucket sources", "source is GitRepository")),
    "unknown-protected-key": (DOCUMENT.replace("httpsKey:", "httpKey:"), InvalidArgumentValueError,
                              ("Unknown key 'configurationProtectedSettings.httpKey' (line 15",
                               "Did you mean 'httpsKey'?")),
    "inline-protected-secret": (DOCUMENT.replace("{file: ./token.txt}", INLINE_SECRET), InvalidArgumentValueError,
                                ("'configurationProtectedSettings.httpsKey' (line 15", "a secret written inline",
                                 "{file: PATH}", "{env: VARIABLE}")),
    "inline-source-secret": (f"sourceKind: AzureBlob\nazureBlob:\n  url: https://acct.blob.core.windows.net\n"
                             f"  containerName: flux\n  accountKey: {INLINE_SECRET}\n", InvalidArgumentValueError,
                             ("'azureBlob.accountKey' (line 5", "a secret written inline")),
    "missing-secret-file": (DOCUMENT.replace("./token.txt", "./missing-token.txt"), FileOperationError,
                            ("'configurationProtectedSettings.httpsKey' (line 15", "'./missing-token.txt'",
                             "does not exist")),
    "unset-variable": (DOCUMENT.replace("{file: ./token.txt}", "{env: DOCUMENT_TEST_UNSET_TOKEN}"),
                       RequiredArgumentMissingError, ("(line 15", "DOCUMENT_TEST_UNSET_TOKEN", "not set")),
    "bad-reference-form": (DOCUMENT.replace("{file: ./token.txt}", "{path: ./token.txt}"), InvalidArgumentValueError,
                           ("(line 15", "not a reference")),
    "iso-duration": (DOCUMENT + "reconciliationWaitDuration: 10 minutes\n", InvalidArgumentValueError,
                     ("key 'reconciliationWaitDuration' (line 16", "PT10M")),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_document_is_refused_with_its_key_and_line(case, document, monkeypatch):
    monkeypatch.delenv("DOCUMENT_TEST_UNSET_TOKEN", raising=False)
    text, error_type, expected = CASES[case]
    with pytest.raises(error_type) as raised:
        read_inputs(document(text))
    message = raised.value.error_msg + " " + str(raised.value.recommendations)
    for part in expected:
        assert part in message, message
    assert INLINE_SECRET not in message


def test_read_only_keys_are_ignored_with_one_note(document, caplog):
    text = DOCUMENT + "id: /subscriptions/x\nprovisioningState: Succeeded\nstatuses: []\n"
    inputs = read_inputs(document(text))
    notes = [r.getMessage() for r in caplog.records if "read-only" in r.getMessage()]
    assert len(notes) == 1 and "id, provisioningState, statuses" in notes[0]
    assert inputs.options["url"] == REPO and inputs.options["sync_interval"] == "300s"


# id: (document change, the option's error it must hold, the document key it must name)
VALIDATOR_CASES = {
    "url": (("url: " + REPO, "url: ftp://example.com/repo"), "--url", "'gitRepository.url' (line 7"),
    "two-refs": (("{branch: main}", "{branch: main, tag: v1}"), "--branch", "'gitRepository.repositoryRef.branch'"),
    "namespace": (("namespace: team-config", "namespace: Team_Config"), "namespace", "'namespace' (line 3"),
    "depends-on": (("dependsOn: [infra]", "dependsOn: [infrastructure]"), "depends on 'infrastructure'",
                   "doc.yaml"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(VALIDATOR_CASES))
def test_the_option_validators_check_a_document_before_any_request(cli, cluster, document, watch, case):
    """The rules of the command-line options apply to a document: the same message, with the key and line."""
    (old, new), option_text, key_text = VALIDATOR_CASES[case]
    path = document(DOCUMENT.replace(old, new))
    requests = watch()
    for verb in ("create", "update"):
        result = cli(f"k8s-configuration flux {verb} {cluster.args} --file {path}", expect=1)
        assert option_text in result.stderr and key_text in result.stderr, result.stderr
    assert requests() == []


@pytest.mark.parametrize("case", ["malformed-yaml", "two-source-blocks", "inline-protected-secret",
                                  "missing-secret-file", "unknown-top-key"])  # fmt: skip
def test_bad_documents_send_nothing_and_print_no_traceback(cli, cluster, document, watch, case):
    text, _, expected = CASES[case]
    path = document(text)
    requests = watch()
    for command in ("create", "update", "create --what-if", "update --what-if"):
        result = cli(f"k8s-configuration flux {command} {cluster.args} --file {path}", expect=1)
        assert result.stderr.startswith("ERROR: ") and expected[0] in result.stderr
        assert "Traceback" not in result.stderr and INLINE_SECRET not in result.output
    assert requests() == []


def test_a_missing_document_and_a_missing_name(cli, cluster, document, watch, tmp_path):
    requests = watch()
    missing = cli(f"k8s-configuration flux create {cluster.args} --file {tmp_path / 'nope.yaml'}", expect=1)
    assert "nope.yaml' does not exist" in missing.stderr
    nameless = document(DOCUMENT.replace("name: team-config\n", ""))
    result = cli(f"k8s-configuration flux create {cluster.args} --file {nameless}", expect=1)
    assert "-n/--name" in result.stderr and "`name` in the document" in result.stderr
    assert requests() == []


@pytest.mark.parametrize("verb", ["create", "update"])
def test_no_name_and_no_document_is_the_usage_error_of_a_missing_argument(cli, verb):
    """-n is optional to the parser only because a document can name the configuration: without either, the exit
    code is argparse's 2, as the official command gives for a missing -n."""
    result = cli(f"k8s-configuration flux {verb} -g rg -c cluster -t managedClusters --branch main", expect=2)
    assert "the following arguments are required: -n/--name" in result.stderr
