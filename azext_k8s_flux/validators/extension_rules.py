"""Rules for extension arguments: scope, release train and version pinning, and microsoft.flux's own rules."""

import re

from azure.cli.core.azclierror import (
    ArgumentUsageError,
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
# The official `k8s-extension delete` asks for confirmation for every extension type except these two,
# whose delete cleans up their Azure Monitor resources without a prompt.
DELETED_WITHOUT_PROMPT = ("microsoft.azuremonitor.containers", "microsoft.azuremonitor.containers.metrics")

# Supported: the latest minor version and the two before it (N-2). The latest and the published versions are read
# from the extensionTypes catalogue by the handler (operations/flux_versions.py) and passed in.
SUPPORTED_MINOR_WINDOW = 2
ARM64_MINIMUM_FLUX_VERSION = "1.7.0"

_VERSION = re.compile(r"^(\d{1,9})\.(\d{1,9})\.(\d{1,9})$")  # bounded: int() refuses 4,300 digits


def is_flux(extension_type):
    return (extension_type or "").strip().lower() == FLUX_EXTENSION_TYPE


def delete_needs_confirmation(extension_type):
    return (extension_type or "").strip().lower() not in DELETED_WITHOUT_PROMPT


def _parse_version(text):
    match = _VERSION.match(text or "")
    return tuple(int(part) for part in match.groups()) if match else None


def resolve_auto_upgrade(version, auto_upgrade_minor_version, auto_upgrade_mode=None):
    """The autoUpgradeMinorVersion to send: pinning a version needs auto-upgrade off. --auto-upgrade-mode
    supersedes the flag: with it, no autoUpgradeMinorVersion is sent (None)."""
    if auto_upgrade_mode is not None:
        return _check_upgrade_mode(version, auto_upgrade_minor_version, auto_upgrade_mode)
    if version is None:
        return auto_upgrade_minor_version
    if auto_upgrade_minor_version:
        raise MutuallyExclusiveArgumentError(
            f"--version {version} pins the extension, which needs minor-version auto-upgrade off: "
            "drop --auto-upgrade-minor-version true, or drop --version to follow the release train."
        )
    return False


def _check_upgrade_mode(version, auto_upgrade_minor_version, auto_upgrade_mode):
    if auto_upgrade_minor_version is not None:
        raise MutuallyExclusiveArgumentError(
            "--auto-upgrade-mode and --auto-upgrade-minor-version both say how the extension is upgraded: "
            "keep --auto-upgrade-mode (none, patch or compatible) and drop --auto-upgrade-minor-version."
        )
    if version is not None and auto_upgrade_mode == "compatible":
        logger.warning(
            "--auto-upgrade-mode compatible upgrades the extension past --version %s; use "
            "--auto-upgrade-mode none to stay on it, or patch to get only its patch releases.",
            version,
        )
    return None


def resolve_plan(plan_name, plan_product, plan_publisher):
    """The Marketplace plan to send ({name, product, publisher}), or None: all three options or none."""
    given = {"name": plan_name, "product": plan_product, "publisher": plan_publisher}
    if all(value is None for value in given.values()):
        return None
    missing = [f"--plan-{part}" for part, value in given.items() if not (value or "").strip()]
    if missing:
        raise ArgumentUsageError(
            "A Marketplace plan needs --plan-name, --plan-product and --plan-publisher; "
            f"missing: {', '.join(missing)}. "
            "Find them on the offer in the Azure portal, under 'Usage Information + Support' (Plan ID, Product ID, "
            "Publisher ID)."
        )
    return {part: value.strip() for part, value in given.items()}


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
    """Refuse a malformed microsoft.flux version; warn about ARM64 support."""
    if version is None:
        return None
    parsed = _parse_version(version.strip())
    if parsed is None:
        raise InvalidArgumentValueError(
            f"Invalid --version '{version}' for microsoft.flux: use MAJOR.MINOR.PATCH, one of the versions that "
            "az k8s-extension extension-types list-versions-by-cluster --extension-type microsoft.flux lists."
        )
    if parsed < _parse_version(ARM64_MINIMUM_FLUX_VERSION):
        logger.warning(
            "microsoft.flux %s does not run on ARM64 nodes: ARM64 clusters need %s or later.",
            version,
            ARM64_MINIMUM_FLUX_VERSION,
        )
    return version.strip()


def check_flux_support_window(version, published, listing):
    """`version` against the microsoft.flux versions published for the cluster and release train (`published`,
    from the extensionTypes catalogue): refuse one that is not published (the install would fail after the
    extension resource is created), warn outside the N-2 window. `listing` is the command that lists them."""
    known = sorted(filter(None, map(_parse_version, published or ())))
    if not known or version is None:
        return
    latest, wanted = known[-1], _parse_version(version)
    if wanted not in known:
        window = [v for v in known if _in_window(v, latest)]
        raise InvalidArgumentValueError(
            f"microsoft.flux {version} is not a published version for this cluster and release train: the service "
            "would fail the installation. Supported versions: " + ", ".join(".".join(map(str, v)) for v in window),
            recommendation=f"See every published version with: {listing}",
        )
    if not _in_window(wanted, latest):
        logger.warning(
            "microsoft.flux %s is outside the supported window (the latest minor version and the two before it: "
            "%d.%d and later; latest %s). Pin a newer version or let the extension auto-upgrade.",
            version,
            latest[0],
            latest[1] - SUPPORTED_MINOR_WINDOW,
            ".".join(map(str, latest)),
        )


def _in_window(version, latest):
    return version[0] == latest[0] and version[1] >= latest[1] - SUPPORTED_MINOR_WINDOW


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
