"""What an extension update changes, compared with the extension as it is now. Pure: no I/O.

The result feeds payloads.extension.build_extension_patch, so the PATCH carries only real changes.
"""

from dataclasses import dataclass, field

from knack.log import get_logger

logger = get_logger(__name__)


@dataclass
class ExtensionChanges:
    patch: dict = field(default_factory=dict)  # keyword arguments of build_extension_patch
    protected_keys: list = field(default_factory=list)  # protected settings set or removed (names only)


def plan_extension_update(
    current,
    release_train=None,
    version=None,
    auto_upgrade_minor_version=None,
    settings=None,
    protected=None,
    remove_settings=None,
    remove_protected_settings=None,
    auto_upgrade_mode=None,
):
    """`current` is the extension's `properties` as a JSON dict; the other arguments are already validated."""
    changes = ExtensionChanges()
    if auto_upgrade_mode is not None:
        _plan_upgrade_mode(changes.patch, current, release_train, version, auto_upgrade_mode)
    else:
        _plan_upgrade(changes.patch, current, release_train, version, auto_upgrade_minor_version)
    plain = _plan_settings(current.get("configurationSettings") or {}, settings, remove_settings)
    if plain:
        changes.patch["configuration_settings"] = plain
    secret = dict(protected or {})
    secret.update({key: None for key in remove_protected_settings or []})
    if secret:
        # Protected values are write-only: they cannot be compared, so every given one is sent.
        changes.patch["configuration_protected_settings"] = secret
        changes.protected_keys = sorted(secret)
    return changes


def _plan_upgrade(patch, current, release_train, version, auto_upgrade):
    current_auto = current.get("autoUpgradeMinorVersion")
    if version is not None:
        if version != current.get("version"):
            patch["version"] = version
        if current_auto is not False:
            patch["auto_upgrade_minor_version"] = False
    elif auto_upgrade is not None and auto_upgrade != current_auto:
        patch["auto_upgrade_minor_version"] = auto_upgrade
        if auto_upgrade and current.get("version"):
            patch["clear_version"] = True  # following the train again: unpin
    if release_train is not None and release_train.lower() != (current.get("releaseTrain") or "").lower():
        patch["release_train"] = release_train
        effective_auto = patch.get("auto_upgrade_minor_version", current_auto)
        if effective_auto is False and version is None:
            logger.warning(
                "--release-train takes effect only with minor-version auto-upgrade on: add "
                "--auto-upgrade-minor-version true, or pin a version of that train with --version."
            )


def _plan_upgrade_mode(patch, current, release_train, version, mode):
    """--auto-upgrade-mode supersedes autoUpgradeMinorVersion: only the mode, version and train are sent."""
    if mode != (current.get("autoUpgradeMode") or "").lower():
        patch["auto_upgrade_mode"] = mode
    if version is not None and version != current.get("version"):
        patch["version"] = version
    if release_train is not None and release_train.lower() != (current.get("releaseTrain") or "").lower():
        patch["release_train"] = release_train


def _plan_settings(current_settings, settings, remove_settings):
    plain = {key: value for key, value in (settings or {}).items() if current_settings.get(key) != value}
    for key in remove_settings or []:
        if key in current_settings:
            plain[key] = None  # JSON null: merge-patch removes the setting
        else:
            logger.warning("Setting '%s' is not set on the extension; nothing to remove.", key)
    return plain
