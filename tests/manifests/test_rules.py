"""Rule details: API versions per toolkit group, references per kind, Flux v1."""

import pytest

from azext_k8s_flux.manifests import checker
from tests.manifests.conftest import NAMESPACE


def _check(tmp_path, text):
    (tmp_path / "object.yaml").write_text(text)
    return [(f.rule, f.line, f.problem, f.fix) for f in checker.check(tmp_path, NAMESPACE).findings]


def _object(api_version, kind, spec="  interval: 1h\n"):
    return f"apiVersion: {api_version}\nkind: {kind}\nmetadata:\n  name: x\n  namespace: {NAMESPACE}\nspec:\n{spec}"


@pytest.mark.parametrize(
    "api_version, kind, removed_in, current",
    [
        ("source.toolkit.fluxcd.io/v1beta1", "GitRepository", "2.7", "source.toolkit.fluxcd.io/v1"),
        ("source.toolkit.fluxcd.io/v1beta2", "Bucket", "2.8", "source.toolkit.fluxcd.io/v1"),
        ("source.toolkit.fluxcd.io/v1beta2", "OCIRepository", "2.8", "source.toolkit.fluxcd.io/v1"),
        ("kustomize.toolkit.fluxcd.io/v1beta2", "Kustomization", "2.8", "kustomize.toolkit.fluxcd.io/v1"),
        ("helm.toolkit.fluxcd.io/v2beta1", "HelmRelease", "2.7", "helm.toolkit.fluxcd.io/v2"),
        ("helm.toolkit.fluxcd.io/v2beta2", "HelmRelease", "2.8", "helm.toolkit.fluxcd.io/v2"),
        ("notification.toolkit.fluxcd.io/v1beta2", "Provider", "2.9", "notification.toolkit.fluxcd.io/v1beta3"),
        ("notification.toolkit.fluxcd.io/v1beta2", "Receiver", "2.9", "notification.toolkit.fluxcd.io/v1"),
        ("image.toolkit.fluxcd.io/v1beta1", "ImagePolicy", "2.7", "image.toolkit.fluxcd.io/v1"),
        ("image.toolkit.fluxcd.io/v1beta2", "ImageUpdateAutomation", "2.9", "image.toolkit.fluxcd.io/v1"),
    ],
)
def test_deprecated_api_versions(tmp_path, api_version, kind, removed_in, current):
    [(rule, line, problem, fix)] = _check(tmp_path, _object(api_version, kind))
    assert (rule, line) == ("API001", 1)
    assert f"removed in Flux {removed_in}" in problem
    assert fix.startswith(f"Use apiVersion: {current} ")


@pytest.mark.parametrize(
    "api_version, kind",
    [
        ("source.toolkit.fluxcd.io/v1", "HelmChart"),
        ("notification.toolkit.fluxcd.io/v1beta3", "Alert"),
        ("image.toolkit.fluxcd.io/v1", "ImageRepository"),
        ("kustomize.toolkit.fluxcd.io/v1", "Kustomization"),
    ],
)
def test_current_api_versions_in_the_configuration_namespace_are_clean(tmp_path, api_version, kind):
    assert _check(tmp_path, _object(api_version, kind)) == []


@pytest.mark.parametrize("api_version", ["helm.fluxcd.io/v1", "flux.weave.works/v1beta1"])
def test_flux_v1_helm_releases(tmp_path, api_version):
    [(rule, line, problem, fix)] = _check(tmp_path, _object(api_version, "HelmRelease").replace(NAMESPACE, "apps"))
    assert (rule, line) == ("V1001", 1)
    assert "Flux v1 (helm-operator)" in problem
    assert "helm.toolkit.fluxcd.io/v2 HelmRelease in cluster-config" in fix


def test_depends_on_and_chart_ref_across_namespaces(tmp_path):
    spec = (
        "  chartRef:\n    kind: HelmChart\n    name: shared\n    namespace: charts\n"
        "  dependsOn:\n    - name: database\n      namespace: data\n    - name: cache\n"
    )
    findings = _check(tmp_path, _object("helm.toolkit.fluxcd.io/v2", "HelmRelease", spec))
    assert [(rule, line) for rule, line, _, _ in findings] == [("MT002", 10), ("MT002", 13)]
    assert "spec.chartRef points to HelmChart charts/shared" in findings[0][2]
    assert "spec.dependsOn[0] points to HelmRelease data/database" in findings[1][2]


def test_a_helm_release_already_targeting_a_namespace_only_moves(tmp_path):
    text = _object("helm.toolkit.fluxcd.io/v2", "HelmRelease", "  targetNamespace: web\n").replace(
        f"namespace: {NAMESPACE}", "namespace: web"
    )
    [(rule, _, _, fix)] = _check(tmp_path, text)
    assert (rule, fix) == ("MT001", "Move it to namespace cluster-config.")
