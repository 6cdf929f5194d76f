"""Fixture repositories laid out like common public Flux examples, each with the findings it must produce,
and what --fix leaves behind."""

import pytest

from azext_k8s_flux.manifests import checker, fixer
from tests.manifests.conftest import DATA, NAMESPACE

EXPECTED = {
    # apps/ infrastructure/ clusters/ monorepo (the flux2-kustomize-helm-example layout).
    "monorepo": [
        ("apps/base/podinfo/release.yaml", 5, "MT001"),
        ("apps/base/podinfo/repository.yaml", 5, "MT001"),
        ("apps/production/podinfo-values.yaml", 5, "MT005"),
        ("clusters/production/apps.yaml", 5, "MT001"),
        ("clusters/production/apps.yaml", 10, "MT002"),
        ("clusters/production/apps.yaml", 14, "MT002"),
        ("clusters/production/flux-system/gotk-sync.yaml", 7, "MT001"),
        ("clusters/production/flux-system/gotk-sync.yaml", 20, "MT001"),
        ("clusters/production/infrastructure.yaml", 5, "MT001"),
        ("clusters/production/infrastructure.yaml", 21, "MT001"),
        ("infrastructure/controllers/cert-manager.yaml", 13, "MT001"),
        ("infrastructure/controllers/cert-manager.yaml", 27, "MT001"),
        ("infrastructure/controllers/ingress-nginx-values.yaml", 5, "MT005"),
        ("infrastructure/controllers/ingress-nginx.yaml", 11, "MT001"),
        ("infrastructure/controllers/ingress-nginx.yaml", 20, "MT001"),
    ],
    # HelmReleases next to a local chart, a Helm-style template, an OCI chart source, a Flux v1 leftover.
    "helm-repo": [
        ("releases/legacy.yaml", 1, "V1001"),
        ("releases/redis.yaml", 1, "API001"),
        ("releases/redis.yaml", 5, "MT001"),
        ("releases/redis.yaml", 8, "MT002"),
        ("sources/charts.yml", 4, "MT003"),
        ("sources/redis.yaml", 1, "API001"),
        ("sources/redis.yaml", 5, "MT001"),
    ],
    # Image update automation and notifications (the flux2-image-automation layout).
    "image-automation": [
        ("apps/podinfo/deployment.yaml", 17, "MT004"),
        ("clusters/my-cluster/image-policy.yaml", 9, "MT002"),
        ("clusters/my-cluster/image-repository.yaml", 1, "API001"),
        ("clusters/my-cluster/image-repository.yaml", 5, "MT001"),
        ("clusters/my-cluster/image-update-automation.yaml", 11, "MT002"),
        ("notifications/alert.yaml", 1, "API001"),
        ("notifications/alert.yaml", 15, "MT002"),
        ("notifications/receiver.yaml", 17, "MT002"),
    ],
}

# What --fix cannot do alone (and says so): kustomize `namespace:` overrides (and patches of the objects they
# place), Flux v1, API versions.
LEFT_AFTER_FIX = {
    "monorepo": [
        ("apps/base/podinfo/release.yaml", 5, "MT001"),
        ("apps/base/podinfo/repository.yaml", 5, "MT001"),
        ("apps/production/podinfo-values.yaml", 5, "MT005"),
    ],
    "helm-repo": [
        ("releases/legacy.yaml", 1, "V1001"),
        ("releases/redis.yaml", 1, "API001"),
        ("sources/redis.yaml", 1, "API001"),
    ],
    "image-automation": [
        ("clusters/my-cluster/image-repository.yaml", 1, "API001"),
        ("notifications/alert.yaml", 1, "API001"),
    ],
}


def _found(report):
    return [(f.file, f.line, f.rule) for f in report.findings]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_findings(name):
    assert _found(checker.check(DATA / name, NAMESPACE)) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fix_leaves_only_what_needs_a_person_and_is_idempotent(name, repo):
    folder = repo(name)
    changes, _ = fixer.apply(checker.check(folder, NAMESPACE))
    fixer.write(changes)

    after = checker.check(folder, NAMESPACE)
    assert _found(after) == LEFT_AFTER_FIX[name]
    assert fixer.apply(after)[0] == {}


def test_monorepo_kustomize_namespace_override_is_explained_not_rewritten():
    report = checker.check(DATA / "monorepo", NAMESPACE)
    release = next(f for f in report.findings if f.file == "apps/base/podinfo/release.yaml")

    assert not release.fixable
    assert release.namespace == "podinfo"
    assert release.fix.startswith("apps/base/podinfo/kustomization.yaml:3 sets 'namespace: podinfo'")
    assert "spec.targetNamespace: podinfo" in release.fix


def test_monorepo_helm_release_fix_keeps_release_name_and_target(repo):
    folder = repo("monorepo")
    fixer.write(fixer.apply(checker.check(folder, NAMESPACE))[0])

    text = (folder / "infrastructure/controllers/ingress-nginx.yaml").read_text()
    assert (
        "  name: ingress-nginx\n  namespace: cluster-config\nspec:\n"
        "  releaseName: ingress-nginx\n  targetNamespace: ingress-nginx\n  interval: 30m\n"
    ) in text
    assert 'type: "NodePort"  # NodePort on kind clusters' in text
    # Plain Kubernetes objects keep their namespace: only Flux objects move.
    assert "kind: Namespace\nmetadata:\n  name: ingress-nginx\n" in text
    # A Flux Kustomization moves without targetNamespace: that would override every object it applies.
    assert "targetNamespace" not in (folder / "clusters/production/infrastructure.yaml").read_text()


def test_helm_repo_notes_and_flow_style_fix(repo):
    report = checker.check(DATA / "helm-repo", NAMESPACE)
    assert report.notes == [
        "charts/my-app: Helm chart skipped (Helm renders its templates, not kustomize)",
        "templates/configmap.yaml: Helm-style template skipped (it is not YAML until it is rendered)",
    ]
    # A file with `{{` that is valid YAML (alert templates in values) is still checked.
    assert "kube-prometheus-stack" in [obj.name for obj in report.objects]

    folder = repo("helm-repo")
    fixer.write(fixer.apply(checker.check(folder, NAMESPACE))[0])
    text = (folder / "releases/redis.yaml").read_text()
    assert "  chartRef: {kind: OCIRepository, name: redis, namespace: cluster-config}\n" in text
    assert "  namespace: 'cluster-config'\n" in (folder / "sources/redis.yaml").read_text()


def test_image_automation_remote_resource_is_noted():
    report = checker.check(DATA / "image-automation", NAMESPACE)
    assert report.notes == [
        "clusters/my-cluster/kustomization.yaml:9: remote resource "
        "'https://github.com/example/shared-flux-config//base?ref=main' skipped (not in this folder)"
    ]


def test_image_policy_markers_follow_the_policy(repo):
    folder = repo("image-automation")
    fixer.write(fixer.apply(checker.check(folder, NAMESPACE))[0])

    text = (folder / "apps/podinfo/deployment.yaml").read_text()
    assert 'image: ghcr.io/stefanprodan/podinfo:5.0.0 # {"$imagepolicy": "cluster-config:podinfo"}\n' in text


def test_patches_follow_the_objects_fix_moves(repo):
    folder = repo("monorepo")
    report = checker.check(folder, NAMESPACE)
    patch = next(f for f in report.findings if f.file == "infrastructure/controllers/ingress-nginx-values.yaml")
    assert "Patch of HelmRelease ingress-nginx/ingress-nginx" in patch.problem

    fixer.write(fixer.apply(report)[0])
    text = (folder / "infrastructure/controllers/ingress-nginx-values.yaml").read_text()
    assert "  name: ingress-nginx\n  namespace: cluster-config\nspec:\n" in text
    # The patch is not a resource: nothing else in it is judged (no targetNamespace is added to it).
    assert "targetNamespace" not in text
