"""Rules for extension arguments: scope, release train and version pinning, and microsoft.flux's own rules."""

import re

from azure.cli.core.azclierror import (
    InvalidArgumentValueError,
    MutuallyExclusiveArgumentError,
    RequiredArgumentMissingError,
)
from knack.log import get_logger

from azext_k8s_flux._validators import check_dns1123_label

logger = get_logger(__name__)

FLUX_EXTENSION_TYPE = "microsoft.flux"
FLUX_RELEASE_NAMESPACE = "flux-system"
RELEASE_TRAINS = ("Stable", "Preview")

# The extensions API lists no versions, so the supported window (the latest minor and the two before it,
# N-2) is computed from this table, the one place to update when a new minor ships. Sources: the
# microsoft.flux release notes on learn.microsoft.com ("Available extensions for Azure Arc-enabled
# Kubernetes clusters", Flux (GitOps) section) and versions reported by clusters (1.19.5 in Azure/AKS#5645).
# A stale table only makes the warning late; a version newer than the table is never warned about.
KNOWN_FLUX_VERSIONS = ("1.7.0", "1.13.2", "1.14.2", "1.15.1", "1.16.3", "1.17.2", "1.19.5")
SUPPORTED_MINOR_WINDOW = 2
ARM64_MINIMUM_FLUX_VERSION = "1.7.0"

_VERSION = re.compile(r"^(\d{1,9})\.(\d{1,9})\.(\d{1,9})$")  # bounded: int() refuses 4,300 digits


def is_flux(extension_type):
    return (extension_type or "").strip().lower() == FLUX_EXTENSION_TYPE


def _parse_version(text):
    match = _VERSION.match(text or "")
    return tuple(int(part) for part in match.groups()) if match else None


def resolve_auto_upgrade(version, auto_upgrade_minor_version):
    """The autoUpgradeMinorVersion to send: pinning a version needs auto-upgrade off."""
    if version is None:
        return auto_upgrade_minor_version
    if auto_upgrade_minor_version:
        raise MutuallyExclusiveArgumentError(
            f"--version {version} pins the extension, which needs minor-version auto-upgrade off: "
            "drop --auto-upgrade-minor-version true, or drop --version to follow the release train."
        )
    return False


def canonical_release_train(release_train):
    """microsoft.flux release trains, accepted in any casing and sent as the service spells them."""
    if release_train is None:
        return None
    for known in RELEASE_TRAINS:
        if known.lower() == release_train.strip().lower():
            return known
    raise InvalidArgumentValueError(
        f"Invalid --release-train '{release_train}' for microsoft.flux: use {' or '.join(RELEASE_TRAINS)}."
    )


def check_flux_version(version):
    """Refuse a malformed microsoft.flux version; warn about ARM64 support and the N-2 window."""
    if version is None:
        return None
    parsed = _parse_version(version.strip())
    if parsed is None:
        raise InvalidArgumentValueError(
            f"Invalid --version '{version}' for microsoft.flux: use MAJOR.MINOR.PATCH, for example "
            f"{KNOWN_FLUX_VERSIONS[-1]}."
        )
    if parsed < _parse_version(ARM64_MINIMUM_FLUX_VERSION):
        logger.warning(
            "microsoft.flux %s does not run on ARM64 nodes: ARM64 clusters need %s or later.",
            version,
            ARM64_MINIMUM_FLUX_VERSION,
        )
    latest = max(_parse_version(known) for known in KNOWN_FLUX_VERSIONS)
    oldest_minor = latest[1] - SUPPORTED_MINOR_WINDOW
    if parsed[0] < latest[0] or (parsed[0] == latest[0] and parsed[1] < oldest_minor):
        logger.warning(
            "microsoft.flux %s is outside the supported window (the latest minor version and the two before it: "
            "%d.%d and later, latest known %s). Pin a newer version or let the extension auto-upgrade.",
            version,
            latest[0],
            oldest_minor,
            ".".join(map(str, latest)),
        )
    return version.strip()


def check_flux_scope(scope, release_namespace, target_namespace):
    """microsoft.flux is always cluster-scoped in flux-system: refuse anything else before any request."""
    if scope is not None and scope.lower() != "cluster":
        raise InvalidArgumentValueError(
            f"microsoft.flux cannot be installed with --scope {scope}: the Flux extension is always cluster-scoped. "
            "Drop --scope (or use --scope cluster); use namespace-scoped Flux configurations to limit what a team "
            "can deploy."
        )
    if target_namespace is not None:
        raise InvalidArgumentValueError(
            "microsoft.flux does not take --target-namespace: it is cluster-scoped and always installed in "
            f"'{FLUX_RELEASE_NAMESPACE}'. Drop --target-namespace."
        )
    if release_namespace is not None and release_namespace != FLUX_RELEASE_NAMESPACE:
        raise InvalidArgumentValueError(
            f"microsoft.flux is always installed in the '{FLUX_RELEASE_NAMESPACE}' namespace, not "
            f"'{release_namespace}'. Drop --release-namespace (or use --release-namespace {FLUX_RELEASE_NAMESPACE})."
        )


def resolve_generic_scope(scope, release_namespace, target_namespace):
    """The scope of any other extension type: 'cluster', 'namespace' or None (the service decides)."""
    for value, option in ((release_namespace, "--release-namespace"), (target_namespace, "--target-namespace")):
        if value is not None:
            check_dns1123_label(value, option)
    scope = scope.lower() if scope else None
    if scope is None:
        scope = "namespace" if target_namespace else ("cluster" if release_namespace else None)
    if scope == "cluster" and target_namespace:
        raise MutuallyExclusiveArgumentError(
            "--target-namespace applies to namespace-scoped extensions: use --scope namespace, or replace it with "
            "--release-namespace for a cluster-scoped extension."
        )
    if scope == "namespace" and release_namespace:
        raise MutuallyExclusiveArgumentError(
            "--release-namespace applies to cluster-scoped extensions: use --target-namespace with --scope namespace."
        )
    return scope


def check_extension_type(extension_type):
    if not (extension_type or "").strip():
        raise RequiredArgumentMissingError("Give --extension-type, for example --extension-type microsoft.flux.")
