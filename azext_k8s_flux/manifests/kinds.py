"""What the checker knows about Flux: kinds per toolkit group, API versions, and cross-object references.

API versions follow the Flux release notes and roadmap: every v1beta1 (and helm v2beta1) API was removed in
Flux 2.7; source/kustomize v1beta2 and helm v2beta2 in Flux 2.8; notification and image v1beta2 in the
releases after it. microsoft.flux ships these Flux releases, so manifests still using them stop applying
when the extension is upgraded.
"""

SOURCE = "source.toolkit.fluxcd.io"
KUSTOMIZE = "kustomize.toolkit.fluxcd.io"
HELM = "helm.toolkit.fluxcd.io"
NOTIFICATION = "notification.toolkit.fluxcd.io"
IMAGE = "image.toolkit.fluxcd.io"

# group -> kind -> the API version current Flux serves (and that --fix would not need to touch).
CURRENT_VERSIONS = {
    SOURCE: {
        "GitRepository": "v1",
        "HelmRepository": "v1",
        "HelmChart": "v1",
        "Bucket": "v1",
        "OCIRepository": "v1",
    },
    KUSTOMIZE: {"Kustomization": "v1"},
    HELM: {"HelmRelease": "v2"},
    NOTIFICATION: {"Alert": "v1beta3", "Provider": "v1beta3", "Receiver": "v1"},
    IMAGE: {"ImageRepository": "v1", "ImagePolicy": "v1", "ImageUpdateAutomation": "v1"},
}

# (group, version) -> the Flux release that no longer serves it.
REMOVED_IN = {
    (SOURCE, "v1beta1"): "2.7",
    (KUSTOMIZE, "v1beta1"): "2.7",
    (HELM, "v2beta1"): "2.7",
    (NOTIFICATION, "v1beta1"): "2.7",
    (IMAGE, "v1beta1"): "2.7",
    (SOURCE, "v1beta2"): "2.8",
    (KUSTOMIZE, "v1beta2"): "2.8",
    (HELM, "v2beta2"): "2.8",
    (NOTIFICATION, "v1beta2"): "2.9",
    (IMAGE, "v1beta2"): "2.9",
}

# Flux v1 (helm-operator) HelmRelease groups: Flux v2 does not reconcile them at all.
FLUX_V1_HELM_GROUPS = ("helm.fluxcd.io", "flux.weave.works")

# Objects Flux reconciles by applying something to the cluster: with multi-tenancy it impersonates the
# flux-applier service account of the object's namespace to do it.
APPLIERS = {"HelmRelease", "Kustomization"}

# Objects whose workloads land in their own namespace unless spec.targetNamespace says otherwise. Moving one
# into the configuration namespace needs targetNamespace to keep deploying where it did. A Flux Kustomization
# is not one of them: its targetNamespace overrides the namespace of everything it applies.
DEPLOYS_INTO_OWN_NAMESPACE = {"HelmRelease"}

# kind -> references to other Flux objects: (path to the reference or list of references, is_list).
# Multi-tenancy (--no-cross-namespace-refs) rejects any of them carrying another namespace.
REFERENCES = {
    "HelmRelease": [
        (("spec", "chart", "spec", "sourceRef"), False),
        (("spec", "chartRef"), False),
        (("spec", "dependsOn"), True),
    ],
    "Kustomization": [(("spec", "sourceRef"), False), (("spec", "dependsOn"), True)],
    "HelmChart": [(("spec", "sourceRef"), False)],
    "ImagePolicy": [(("spec", "imageRepositoryRef"), False)],
    "ImageUpdateAutomation": [(("spec", "sourceRef"), False)],
    "Alert": [(("spec", "providerRef"), False), (("spec", "eventSources"), True)],
    "Receiver": [(("spec", "resources"), True)],
}


def split_api_version(api_version):
    group, _, version = str(api_version or "").rpartition("/")
    return group, version


def is_flux_kind(group, kind):
    return kind in CURRENT_VERSIONS.get(group, {})


def current_api_version(group, kind):
    return f"{group}/{CURRENT_VERSIONS[group][kind]}"


def removed_in(group, version):
    return REMOVED_IN.get((group, version))


def is_flux_v1_helm_release(group, kind):
    return kind == "HelmRelease" and group in FLUX_V1_HELM_GROUPS
