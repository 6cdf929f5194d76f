"""The multi-tenancy example of the source document: a HelmRelease in `nginx` using a HelmRepository in
`flux-system` is blocked; the corrected manifests move both into `cluster-config` and set
`targetNamespace: nginx`. (The document shows the two objects one after the other; the fixture separates
them with `---` as a YAML file must.)"""

import yaml

from azext_k8s_flux.manifests import checker, fixer
from tests.manifests.conftest import DATA, NAMESPACE

BEFORE = DATA / "seed-example" / "before"
AFTER = DATA / "seed-example" / "after"


def _rules(report):
    return sorted((f.file, f.line, f.rule, f.object) for f in report.findings)


def test_the_documents_manifests_are_blocked_with_the_cross_namespace_finding():
    report = checker.check(BEFORE, NAMESPACE)

    assert sorted((f.line, f.rule, f.object) for f in report.errors) == [
        (5, "MT001", "HelmRelease nginx/nginx"),
        (14, "MT002", "HelmRelease nginx/nginx"),
        (30, "MT001", "HelmRepository flux-system/bitnami"),
    ]
    cross = next(f for f in report.findings if f.rule == "MT002")
    assert cross.file == "nginx.yaml"
    assert "spec.chart.spec.sourceRef points to HelmRepository flux-system/bitnami" in cross.problem
    assert "cross-namespace" in cross.problem
    assert cross.fix.startswith("Point it at namespace cluster-config")
    release = next(f for f in report.findings if f.rule == "MT001" and f.kind == "HelmRelease")
    assert "blocked by multi-tenancy" in release.problem
    assert "spec.targetNamespace: nginx" in release.fix
    repository = next(f for f in report.findings if f.rule == "MT001" and f.kind == "HelmRepository")
    assert "nothing in cluster-config may refer to it" in repository.problem
    assert repository.fix == "Move it to namespace cluster-config."


def test_fix_produces_the_documents_corrected_manifests(repo):
    folder = repo("seed-example") / "before"
    changes, skipped = fixer.apply(checker.check(folder, NAMESPACE))
    fixer.write(changes)

    fixed = (folder / "nginx.yaml").read_text()
    expected = (AFTER / "nginx.yaml").read_text()
    assert skipped == []
    assert list(yaml.safe_load_all(fixed)) == list(yaml.safe_load_all(expected))
    # Formatting kept: same lines, comments, quoting and order (the document has a stray trailing blank).
    assert [line.rstrip() for line in fixed.splitlines()] == [line.rstrip() for line in expected.splitlines()]
    assert "  # https://github.com/bitnami/charts/blob/master/bitnami/nginx-ingress-controller/values.yaml" in fixed
    assert checker.check(folder, NAMESPACE).errors == []


def test_the_documents_corrected_manifests_pass_with_only_api_version_warnings():
    report = checker.check(AFTER, NAMESPACE)

    assert report.errors == []
    assert _rules(report) == [
        ("nginx.yaml", 1, "API001", "HelmRelease cluster-config/nginx"),
        ("nginx.yaml", 27, "API001", "HelmRepository cluster-config/bitnami"),
    ]


def test_a_configuration_in_another_namespace_sees_the_corrected_manifests_as_blocked():
    report = checker.check(AFTER, "team-a")

    assert {f.rule for f in report.errors} == {"MT001", "MT002"}
