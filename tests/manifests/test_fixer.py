"""--fix edits only the characters it changes; what it cannot edit safely it leaves, and says so."""

import pytest

from azext_k8s_flux.manifests import checker, fixer
from azext_k8s_flux.manifests.loader import ManifestError
from tests.manifests.conftest import NAMESPACE


def _fix(tmp_path, text, name="release.yaml"):
    (tmp_path / name).write_bytes(text.encode())
    changes, skipped = fixer.apply(checker.check(tmp_path, NAMESPACE))
    fixer.write(changes)
    return (tmp_path / name).read_bytes().decode(), skipped


def test_crlf_line_endings_and_quotes_are_kept(tmp_path):
    text = (
        'apiVersion: "helm.toolkit.fluxcd.io/v2"\r\nkind: HelmRelease\r\nmetadata:\r\n  name: web\r\n'
        '  namespace: "web"   # team web\r\nspec:\r\n  releaseName: web\r\n  interval: 1h\r\n'
    )
    fixed, skipped = _fix(tmp_path, text)
    assert skipped == []
    assert fixed == (
        'apiVersion: "helm.toolkit.fluxcd.io/v2"\r\nkind: HelmRelease\r\nmetadata:\r\n  name: web\r\n'
        '  namespace: "cluster-config"   # team web\r\nspec:\r\n  releaseName: web\r\n  targetNamespace: web\r\n'
        "  interval: 1h\r\n"
    )


def test_four_space_indentation_is_followed(tmp_path):
    text = (
        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n    name: repo\n"
        "spec:\n    interval: 1m\n    url: https://example.com/repo"
    )
    fixed, _ = _fix(tmp_path, text)
    assert fixed == (
        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n    name: repo\n"
        "    namespace: cluster-config\nspec:\n    interval: 1m\n    url: https://example.com/repo"
    )


def test_namespace_added_at_the_end_of_a_file_without_final_newline(tmp_path):
    text = "apiVersion: source.toolkit.fluxcd.io/v1\nkind: Bucket\nmetadata:\n  name: b"
    fixed, _ = _fix(tmp_path, text)
    assert fixed == text + "\n  namespace: cluster-config\n"


def test_a_fix_the_text_does_not_allow_is_skipped_whole(tmp_path):
    text = (
        "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: web\n  namespace: web\n"
        "spec: {interval: 1h, chart: {spec: {chart: web, sourceRef: {kind: HelmRepository, name: charts}}}}\n"
    )
    fixed, skipped = _fix(tmp_path, text)
    # Moving it without adding targetNamespace would move the workloads too: nothing is changed.
    assert fixed == text
    assert [(f.rule, reason) for f, reason in skipped] == [("MT001", "flow-style or empty mapping")]


def test_diff_is_a_unified_diff_of_the_changes(tmp_path):
    (tmp_path / "repo.yaml").write_text(
        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: r\n  namespace: x\n"
    )
    changes, _ = fixer.apply(checker.check(tmp_path, NAMESPACE))
    assert fixer.unified_diff(changes) == (
        "--- a/repo.yaml\n+++ b/repo.yaml\n@@ -2,4 +2,4 @@\n kind: HelmRepository\n metadata:\n"
        "   name: r\n-  namespace: x\n+  namespace: cluster-config\n"
    )


def test_a_file_that_cannot_be_written_is_a_manifest_error(tmp_path):
    with pytest.raises(ManifestError, match="^apps/x.yaml: cannot write the file"):
        fixer.write({"apps/x.yaml": (tmp_path, "old", "new")})  # a folder: not writable as a file
