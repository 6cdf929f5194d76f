"""`az k8s-extension create|update|delete|show|list`: thin handlers; the rules live in validators/."""

from knack.log import get_logger

from azext_k8s_flux._cluster import cluster_ref
from azext_k8s_flux._validators import require_value
from azext_k8s_flux.operations._errors import arm_errors

# Validators, payload builders and pre-checks are imported by the handlers that use them, so that
# `show` and `list` load only what they run.

logger = get_logger(__name__)


def _what(name, cluster):
    return f"extension '{name}' on {cluster.describe()}"


def public_view(extension):
    """The extension as azure-cli renders SDK models (properties flattened, as the official command shows
    them, so existing --query expressions keep working), with any protected setting value masked."""
    from azure.cli.core.util import todict

    from azext_k8s_flux._secrets import masked

    result = todict(extension)
    protected = result.get("configurationProtectedSettings")
    if protected:
        result["configurationProtectedSettings"] = masked(protected)
    return result


def _properties(extension):
    """The extension's properties as ARM JSON (camelCase keys), for decisions; never output."""
    from azext_k8s_flux._sdk import as_dict

    return as_dict(extension).get("properties") or {}


def _options(arguments):
    """The options object of create|update (loaded by them only: show and list do not need it)."""
    from azext_k8s_flux.operations.extension_inputs import ExtensionOptions

    return ExtensionOptions.of(arguments)


def _failed_note(cluster, name, deleting=False):
    """What to do when a change Azure accepted then failed (or could not be followed to its end)."""
    show = f"az k8s-extension show {cluster.cli_args()} -n {name}"
    if deleting:
        return (f"The extension may be left in a Failed state: see it with {show}. "
                "Run the delete again, or add --force to remove the extension resource from Azure at once.")
    return (f"The extension may be left in a Failed state with the new values: see it with {show}. "
            "Correct them with az k8s-extension update, or delete the extension.")


def _send(no_wait, method, cluster, name, body, secret):
    from azext_k8s_flux.operations._writes import send_and_follow

    return send_and_follow(method, (*cluster.sdk_args(), name, body), no_wait, _what(name, cluster), cluster,
                           _failed_note(cluster, name), public_view, secret=secret)  # fmt: skip


def _check_wait(wait_for_compliance, no_wait, extension_type="microsoft.flux"):
    from azure.cli.core.azclierror import ArgumentUsageError

    from azext_k8s_flux.operations.wait import check_wait_options
    from azext_k8s_flux.validators.extension_rules import is_flux

    check_wait_options(wait_for_compliance, no_wait)
    if wait_for_compliance and not is_flux(extension_type):
        raise ArgumentUsageError(
            f"--wait waits for the cluster's Flux configurations: it applies to microsoft.flux, not {extension_type}."
        )


def _then_wait(cmd, cluster, result, options):
    """With --wait: the Flux configurations of the cluster are compliant again before the command returns."""
    if not options.wait_for_compliance:
        return result
    from azext_k8s_flux.operations.wait import wait_for_cluster_compliance

    return wait_for_cluster_compliance(cmd, cluster, result, options.wait_timeout, options.wait_interval)


def _get(client, cluster, name):
    with arm_errors(_what(name, cluster), cluster):
        return client.get(*cluster.sdk_args(), name)


def extension_create(cmd, client, resource_group_name, cluster_name, cluster_type, name, extension_type,
                     cluster_resource_provider=None, scope=None, release_namespace=None, target_namespace=None,
                     release_train=None, version=None, auto_upgrade_minor_version=None,
                     configuration_settings=None, configuration_protected_settings=None,
                     configuration_settings_file=None, configuration_protected_settings_file=None,
                     auto_upgrade_mode=None, plan_name=None, plan_product=None, plan_publisher=None,
                     wait_for_compliance=False, wait_timeout=None, wait_interval=None, no_wait=False):
    """Install an extension on a cluster; microsoft.flux gets its own rules and a Flux v1 pre-check."""
    options = _options(locals())
    from azext_k8s_flux.operations.flux_extension import check_no_flux_v1
    from azext_k8s_flux.operations.flux_versions import check_flux_version_published
    from azext_k8s_flux.payloads.extension import build_extension
    from azext_k8s_flux.validators.extension_args import create_arguments
    from azext_k8s_flux.validators.extension_rules import is_flux

    cluster = options.cluster()
    require_value(options.name, "-n/--name", "extension")
    _check_wait(options.wait_for_compliance, options.no_wait, options.extension_type)
    settings, protected = options.read_settings()
    arguments = create_arguments(cluster.cluster_type, options.extension_type, options.scope, options.release_namespace,
                                 options.target_namespace, options.release_train, options.version,
                                 options.auto_upgrade_minor_version, settings, protected, options.auto_upgrade_mode,
                                 options.plan)  # fmt: skip
    if is_flux(options.extension_type):
        check_flux_version_published(cmd.cli_ctx, cluster, arguments["version"], arguments["release_train"])
        check_no_flux_v1(cmd.cli_ctx, cluster)
    extension = build_extension(cluster, **arguments)
    result = _send(options.no_wait, client.begin_create, cluster, options.name, extension, secret=bool(protected))
    return _then_wait(cmd, cluster, result, options)


def _flux_target(cmd, cluster, current_properties, release_train, version):
    """The release train and version a microsoft.flux update asks for, checked (a new version must be published)."""
    from azext_k8s_flux.operations.flux_versions import check_flux_version_published
    from azext_k8s_flux.validators.extension_rules import canonical_release_train, check_flux_version

    release_train, version = canonical_release_train(release_train), check_flux_version(version)
    if version != current_properties.get("version"):
        train = release_train or current_properties.get("releaseTrain")
        check_flux_version_published(cmd.cli_ctx, cluster, version, train)
    return release_train, version


def _confirm_protected(cmd, keys, name, cluster, yes):
    from azext_k8s_flux.operations._prompts import confirm

    if keys:
        confirm(f"Replace protected settings {', '.join(keys)} of {_what(name, cluster)}? "
                "Their current values cannot be read back.", yes, cmd.cli_ctx)  # fmt: skip


def extension_update(cmd, client, resource_group_name, cluster_name, cluster_type, name,
                     cluster_resource_provider=None, release_train=None, version=None,
                     auto_upgrade_minor_version=None, configuration_settings=None,
                     configuration_protected_settings=None, configuration_settings_file=None,
                     configuration_protected_settings_file=None, remove_settings=None,
                     remove_protected_settings=None, auto_upgrade_mode=None, wait_for_compliance=False,
                     wait_timeout=None, wait_interval=None, yes=False, no_wait=False):
    """PATCH only what changes; protected settings need confirmation (or --yes)."""
    options = _options(locals())
    from azext_k8s_flux.payloads.extension import build_extension_patch
    from azext_k8s_flux.payloads.extension_changes import plan_extension_update
    from azext_k8s_flux.validators.extension_args import check_settings, check_update_inputs
    from azext_k8s_flux.validators.extension_rules import is_flux, resolve_auto_upgrade

    cluster, name = options.cluster(), options.name
    require_value(name, "-n/--name", "extension")
    _check_wait(options.wait_for_compliance, options.no_wait)
    settings, protected = options.read_settings()
    check_update_inputs(settings, protected, options.remove_settings, options.remove_protected_settings,
                        *options.upgrade)  # fmt: skip
    release_train, version, auto_upgrade_minor_version, auto_upgrade_mode = options.upgrade
    resolve_auto_upgrade(version, auto_upgrade_minor_version, auto_upgrade_mode)
    current = _get(client, cluster, name)
    current_properties = _properties(current)
    flux = is_flux(current_properties.get("extensionType"))
    _check_wait(options.wait_for_compliance, options.no_wait, current_properties.get("extensionType"))
    settings, protected = check_settings(settings, protected, flux, cluster.cluster_type)
    if flux:
        release_train, version = _flux_target(cmd, cluster, current_properties, release_train, version)
    changes = plan_extension_update(current_properties, release_train, version, auto_upgrade_minor_version,
                                    settings, protected, options.remove_settings, options.remove_protected_settings,
                                    auto_upgrade_mode)  # fmt: skip
    if not changes.patch:
        logger.warning("Nothing to change: %s already has these values.", _what(name, cluster))
        return _then_wait(cmd, cluster, public_view(current), options)
    _confirm_protected(cmd, changes.protected_keys, name, cluster, options.yes)
    patch = build_extension_patch(**changes.patch)
    result = _send(options.no_wait, client.begin_update, cluster, name, patch, secret=bool(protected))
    return _then_wait(cmd, cluster, result, options)


def extension_delete(cmd, client, resource_group_name, cluster_name, cluster_type, name,
                     cluster_resource_provider=None, force=False, yes=False, no_wait=False):
    """Delete an extension; microsoft.flux is kept while Flux configurations use it, unless --force."""
    from azext_k8s_flux.operations._prompts import confirm
    from azext_k8s_flux.operations._writes import send_and_follow
    from azext_k8s_flux.operations.flux_extension import check_no_flux_configurations
    from azext_k8s_flux.validators.extension_rules import delete_needs_confirmation, is_flux

    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    require_value(name, "-n/--name", "extension")
    current = _get(client, cluster, name)
    extension_type = _properties(current).get("extensionType")
    if is_flux(extension_type) and not force:
        check_no_flux_configurations(cmd.cli_ctx, cluster, name)
    forced = " with --force (removed from Azure at once, without waiting for the cluster)" if force else ""
    if delete_needs_confirmation(extension_type):
        confirm(f"Delete {_what(name, cluster)} (type {extension_type}){forced}?", yes, cmd.cli_ctx)
    send_and_follow(client.begin_delete, (*cluster.sdk_args(), name), no_wait, _what(name, cluster), cluster,
                    _failed_note(cluster, name, deleting=True), lambda result: None,
                    force_delete=True if force else None)  # fmt: skip


def extension_show(cmd, client, resource_group_name, cluster_name, cluster_type, name,
                   cluster_resource_provider=None):
    """Show one extension (protected setting values are never shown)."""
    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    require_value(name, "-n/--name", "extension")
    return public_view(_get(client, cluster, name))


def extension_list(cmd, client, resource_group_name, cluster_name, cluster_type, cluster_resource_provider=None):
    """List the extensions of a cluster."""
    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    with arm_errors(f"the extension list of {cluster.describe()}", cluster):
        return [public_view(extension) for extension in client.list(*cluster.sdk_args())]
