"""Reading a folder: which files count, what is skipped, and errors with file and line."""

import pytest

from azext_k8s_flux.manifests import checker
from azext_k8s_flux.manifests.loader import ManifestError
from tests.manifests.conftest import NAMESPACE

RELEASE = """apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: {name}
  namespace: {namespace}
spec:
  interval: 1h
"""


def _write(folder, files):
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text) if isinstance(text, str) else path.write_bytes(text)
    return folder


def _error(folder):
    with pytest.raises(ManifestError) as caught:
        checker.check(folder, NAMESPACE)
    return caught.value


def test_invalid_yaml_is_reported_with_file_and_line(tmp_path):
    _write(tmp_path, {"ok.yaml": "a: 1\n", "apps/bad.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n"})
    error = _error(tmp_path)
    assert (error.file, error.line) == ("apps/bad.yaml", 5)
    assert str(error).startswith("apps/bad.yaml:5: invalid YAML: ")


def test_invalid_yaml_in_a_later_document_points_at_its_line(tmp_path):
    _write(tmp_path, {"multi.yaml": RELEASE.format(name="a", namespace=NAMESPACE) + "---\nkey: value\n  bad: indent\n"})
    error = _error(tmp_path)
    assert (error.file, error.line) == ("multi.yaml", 10)


def test_duplicate_keys_in_flux_objects_are_invalid(tmp_path):
    text = "apiVersion: source.toolkit.fluxcd.io/v1\nkind: Bucket\nmetadata:\n  name: a\n  name: b\n"
    _write(tmp_path, {"dup.yaml": text})
    error = _error(tmp_path)
    assert error.line == 5 and "duplicate key" in error.message


def test_non_utf8_file_is_an_error(tmp_path):
    _write(tmp_path, {"latin1.yaml": b"name: caf\xe9\n"})
    assert "not UTF-8" in _error(tmp_path).message


def test_missing_path_is_an_error(tmp_path):
    assert "no such file or folder" in str(_error(tmp_path / "nope"))


def test_missing_kustomize_resource_is_reported_at_its_line(tmp_path):
    _write(tmp_path, {"kustomization.yaml": "resources:\n  - here.yaml\n  - gone.yaml\n", "here.yaml": "a: 1\n"})
    error = _error(tmp_path)
    assert (error.file, error.line) == ("kustomization.yaml", 3)
    assert "resource 'gone.yaml' does not exist" in error.message


def test_kustomization_resources_decide_which_files_count(tmp_path):
    _write(
        tmp_path,
        {
            "kustomization.yaml": "resources:\n  - listed.yaml\n  - sub\n",
            "listed.yaml": RELEASE.format(name="listed", namespace="a"),
            "not-listed.yaml": RELEASE.format(name="ignored", namespace="b"),
            "sub/one.yml": RELEASE.format(name="one", namespace="c"),
            "sub/deeper/two.yaml": RELEASE.format(name="two", namespace="d"),
            "sub/readme.md": "not yaml",
            "sub/.github/workflows/ci.yaml": "on: push\n",
        },
    )
    report = checker.check(tmp_path, NAMESPACE)
    assert [c.entry.name for c in report.files] == ["listed.yaml", "sub/deeper/two.yaml", "sub/one.yml"]
    assert [o.name for o in report.objects] == ["listed", "two", "one"]


def test_a_file_reached_twice_is_checked_once(tmp_path):
    _write(
        tmp_path,
        {
            "base/release.yaml": RELEASE.format(name="app", namespace="x"),
            "staging/kustomization.yaml": "resources: [../base]\n",
            "production/kustomization.yaml": "resources: [../base]\n",
        },
    )
    report = checker.check(tmp_path, NAMESPACE)
    assert [(f.file, f.rule) for f in report.findings] == [("base/release.yaml", "MT001")]


def test_a_single_file_can_be_checked(tmp_path):
    _write(tmp_path, {"one.yaml": RELEASE.format(name="app", namespace="x")})
    report = checker.check(tmp_path / "one.yaml", NAMESPACE)
    assert [(f.file, f.line, f.rule) for f in report.findings] == [("one.yaml", 5, "MT001")]


def test_non_flux_objects_and_other_kustomization_kinds_are_ignored(tmp_path):
    _write(
        tmp_path,
        {
            "objects.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  namespace: x\n---\n"
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: x\n---\n- a list\n",
            "empty.yaml": "",
            "comments.yaml": "# nothing here\n---\n",
        },
    )
    report = checker.check(tmp_path, NAMESPACE)
    assert (report.objects, report.findings) == ([], [])


def test_templated_namespaces_are_not_judged(tmp_path):
    _write(tmp_path, {"release.yaml": RELEASE.format(name="app", namespace='"{{ .Release.Namespace }}"')})
    assert checker.check(tmp_path, NAMESPACE).findings == []


def test_patch_files_are_read_as_patches_and_must_exist(tmp_path):
    _write(
        tmp_path,
        {
            "kustomization.yaml": "resources: [release.yaml]\npatches:\n  - path: values.yaml\n"
            "  - patch: |-\n      - op: add\n        path: /spec/suspend\n        value: true\n"
            "patchesStrategicMerge:\n  - more.yaml\n",
            "release.yaml": RELEASE.format(name="app", namespace=NAMESPACE),
            "values.yaml": RELEASE.format(name="app", namespace=NAMESPACE),
            "more.yaml": RELEASE.format(name="app", namespace=NAMESPACE),
        },
    )
    report = checker.check(tmp_path, NAMESPACE)
    assert [(c.entry.name, c.entry.patch) for c in report.files] == [
        ("release.yaml", False), ("values.yaml", True), ("more.yaml", True),
    ]
    (tmp_path / "more.yaml").unlink()
    error = _error(tmp_path)
    assert (error.file, error.line, error.message) == ("kustomization.yaml", 9, "patch 'more.yaml' does not exist")


def test_an_empty_folder_is_clean_with_a_note(tmp_path):
    report = checker.check(tmp_path, NAMESPACE)
    assert (report.findings, report.notes) == ([], [f"no YAML file to check under {tmp_path}: is --path right?"])
