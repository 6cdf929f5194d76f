"""Why each Flux v1 operator parameter that has no Flux v2 equivalent is left behind. Pure data."""

WRITE_BACK = (
    "used only when Flux v1 writes to the repository (sync tag, automated image updates); Flux v2 "
    "configurations only read from Git: image update automation is declared in the repository as an "
    "ImageUpdateAutomation object and needs microsoft.flux's optional image-automation controller."
)
IMAGE_SCANNING = (
    "Flux v1 image registry scanning; Flux v2 declares it in the repository (ImageRepository, ImagePolicy) "
    "and needs microsoft.flux's optional image-reflector and image-automation controllers."
)
RUNTIME = "a runtime setting of the Flux v1 operator; microsoft.flux configures its controllers itself."
NAMESPACE_LISTS = (
    "Flux v2 limits a namespace-scoped configuration to its own namespace; lists of other namespaces "
    "are not supported."
)
SIGNATURES = "commit signature verification cannot be set on a Flux v2 configuration through ARM."

REASONS = {
    "git-url": "the repository URL comes from the configuration's repositoryUrl.",
    "manifest-generation": (
        "Flux v2 does not run .flux.yaml generators; replace them with kustomization.yaml files "
        "(the kustomize-controller builds each path)."
    ),
    "sync-garbage-collection-dry": "Flux v2 has no dry-run garbage collection: prune is on or off.",
    "sync-state": "Flux v2 keeps its sync state in the cluster; there is nothing to choose.",
    "k8s-default-namespace": (
        "a Flux v2 configuration cannot give a default namespace to objects without one; set `namespace:` "
        "in a kustomization.yaml instead."
    ),
    "automation-interval": IMAGE_SCANNING,
    "k8s-allow-namespace": NAMESPACE_LISTS,
    "k8s-namespace-whitelist": NAMESPACE_LISTS,
    "git-verify-signatures": SIGNATURES,
    "git-verify-signatures-mode": SIGNATURES,
    "git-gpg-key-import": SIGNATURES,
}
for _flag in (
    "git-user",
    "git-email",
    "git-label",
    "git-sync-tag",
    "git-notes-ref",
    "git-set-author",
    "git-signing-key",
    "git-ci-skip",
    "git-ci-skip-message",
    "git-skip-message",
):
    REASONS[_flag] = WRITE_BACK
for _flag in (
    "memcached-hostname",
    "memcached-port",
    "memcached-service",
    "memcached-timeout",
    "listen",
    "listen-metrics",
    "k8s-verbosity",
    "log-format",
    "rpc-timeout",
    "ssh-keygen-dir",
    "ssh-keygen-type",
    "ssh-keygen-bits",
    "git-secret",
    "k8s-secret-name",
    "k8s-secret-volume-mount-path",
    "k8s-secret-data-key",
    "connect",
    "token",
    "git-timeout-exceeded",
    "k8s-unsafe-exclude-resource",
    "sync-state-annotation",
):
    REASONS[_flag] = RUNTIME

GIT_WRITE_ACCESS = (
    "without --git-readonly, Flux v1 could write to the repository (sync tag, automated image updates); "
    "Flux v2 configurations only read from Git: image update automation is declared in the repository as an "
    "ImageUpdateAutomation object and needs microsoft.flux's optional image-automation controller."
)
HELM_OPERATOR = (
    "Helm operator v1 releases (helm.fluxcd.io/v1 HelmRelease) are not reconciled by Flux v2; rewrite them as "
    "helm.toolkit.fluxcd.io HelmRelease objects with a HelmRepository source in the configuration's namespace "
    "(microsoft.flux installs the helm-controller)."
)
HELM_OPERATOR_SETTING = "a setting of the Helm operator v1, which Flux v2 does not run."
UNKNOWN = "not a Flux v1 operator parameter this migration knows; it is not carried over."
KNOWN_HOSTS_HTTPS = "known hosts only apply to SSH repositories; the v2 repository URL uses HTTPS."


def reason_for(flag):
    """Why `flag` cannot be carried over; registry flags share one reason."""
    if flag in REASONS:
        return REASONS[flag]
    if flag.startswith("registry-"):
        return IMAGE_SCANNING
    return UNKNOWN
