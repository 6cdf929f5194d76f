"""The command table, and nothing else: which handler serves which command."""

from azure.cli.core.commands import CliCommandType

from azext_k8s_flux._client_factory import (
    cf_extension_types,
    cf_extensions,
    cf_flux_configurations,
    cf_source_control_configurations,
)


def _table(name):
    """The `_format` transformer `name`, imported only when a table is printed."""

    def transform(result):
        from azext_k8s_flux import _format

        return getattr(_format, name)(result)

    transform.__name__ = name
    return transform


def _operations(module):
    return CliCommandType(operations_tmpl=f"azext_k8s_flux.operations.{module}#{{}}")


def load_command_table(loader, _):
    extension_row, configuration_row = _table("extension_table"), _table("flux_kustomizations_table")
    with loader.command_group(
        "k8s-extension", custom_command_type=_operations("extension"), client_factory=cf_extensions
    ) as g:
        g.custom_command("create", "extension_create", supports_no_wait=True, table_transformer=extension_row)
        g.custom_command("update", "extension_update", supports_no_wait=True, table_transformer=extension_row)
        g.custom_command("delete", "extension_delete", supports_no_wait=True)
        g.custom_show_command("show", "extension_show", table_transformer=_table("extension_table"))
        g.custom_command("list", "extension_list", table_transformer=_table("extension_list_table"))

    _extension_types_group(loader)
    _fleet_commands(loader)
    _policy_commands(loader)

    with loader.command_group(
        "k8s-configuration",
        custom_command_type=_operations("source_control"),
        client_factory=cf_source_control_configurations,
    ) as g:
        g.custom_command("create", "source_control_create", client_factory=None)  # refused before any login or request
        g.custom_command("delete", "source_control_delete")
        g.custom_show_command("show", "source_control_show", table_transformer=_table("source_control_table"))
        g.custom_command("list", "source_control_list", table_transformer=_table("source_control_list_table"))

    with loader.command_group(
        "k8s-configuration flux", custom_command_type=_operations("flux"), client_factory=cf_flux_configurations
    ) as g:
        g.custom_command("create", "flux_create", supports_no_wait=True, table_transformer=_table("flux_table"))
        g.custom_command("update", "flux_update", supports_no_wait=True, table_transformer=_table("flux_table"))
        g.custom_command("delete", "flux_delete", supports_no_wait=True)
        g.custom_show_command("show", "flux_show", table_transformer=_table("flux_table"))
        g.custom_command("list", "flux_list", table_transformer=_table("flux_list_table"))

    with loader.command_group(
        "k8s-configuration flux", custom_command_type=_operations("wait"), client_factory=cf_flux_configurations
    ) as g:
        g.custom_command("wait", "flux_wait", table_transformer=_table("flux_table"))

    with loader.command_group(
        "k8s-configuration flux",
        custom_command_type=CliCommandType(operations_tmpl="azext_k8s_flux.migrate.command#{}"),
        client_factory=cf_source_control_configurations,
    ) as g:
        g.custom_command("migrate", "flux_migrate", table_transformer=_table("migrate_table"))

    with loader.command_group(
        "k8s-configuration flux",
        custom_command_type=CliCommandType(operations_tmpl="azext_k8s_flux.document.export#{}"),
        client_factory=cf_flux_configurations,
    ) as g:
        g.custom_command("export", "flux_export")

    with loader.command_group("k8s-configuration flux", custom_command_type=_operations("check_manifests")) as g:
        g.custom_command("check-manifests", "flux_check_manifests", table_transformer=_table("check_manifests_table"))

    with loader.command_group(
        "k8s-configuration flux kustomization",
        custom_command_type=_operations("kustomization"),
        client_factory=cf_flux_configurations,
    ) as g:
        # create, update and delete return the whole configuration, as the official commands do (create/update:
        # with --wait-for-compliance, once applied); its table row lists the kustomizations.
        g.custom_command("create", "kustomization_create", supports_no_wait=True, table_transformer=configuration_row)
        g.custom_command("update", "kustomization_update", supports_no_wait=True, table_transformer=configuration_row)
        g.custom_command("delete", "kustomization_delete", supports_no_wait=True, table_transformer=configuration_row)
        g.custom_show_command("show", "kustomization_show", table_transformer=_table("kustomization_table"))
        g.custom_command("list", "kustomization_list", table_transformer=_table("kustomization_list_table"))

    with loader.command_group(
        "k8s-configuration flux deployed-object",
        custom_command_type=_operations("deployed_object"),
        client_factory=cf_flux_configurations,
    ) as g:
        g.custom_show_command("show", "deployed_object_show", table_transformer=_table("deployed_object_table"))
        g.custom_command("list", "deployed_object_list", table_transformer=_table("deployed_object_list_table"))


def _extension_types_group(loader):
    types_row, versions_row = _table("extension_types_table"), _table("extension_type_versions_table")
    with loader.command_group("k8s-extension extension-types", custom_command_type=_operations("extension_types"),
                              client_factory=cf_extension_types) as g:
        for scope in ("cluster", "location"):
            g.custom_command(f"list-by-{scope}", f"extension_types_list_by_{scope}", table_transformer=types_row)
            g.custom_show_command(f"show-by-{scope}", f"extension_types_show_by_{scope}", table_transformer=types_row)
            g.custom_command(f"list-versions-by-{scope}", f"extension_types_list_versions_by_{scope}",
                             table_transformer=versions_row)
            g.custom_show_command(f"show-version-by-{scope}", f"extension_types_show_version_by_{scope}",
                                  table_transformer=versions_row)
        # The official command's older names, kept hidden and deprecated there too (with the handlers it runs).
        for old, handler, new, row in (("show", "show_by_location", "show-by-cluster", types_row),
                                       ("list", "list_by_cluster", "list-by-cluster", types_row),
                                       ("list-versions", "list_versions_by_cluster", "list-versions-by-cluster",
                                        versions_row)):
            g.custom_command(old, f"extension_types_{handler}", table_transformer=row,
                             deprecate_info=g.deprecate(redirect=f"az k8s-extension extension-types {new}", hide=True))


def _fleet_commands(loader):
    """Across every cluster of a scope, through Azure Resource Graph (azext_k8s_flux/fleet)."""

    def fleet(module):
        return CliCommandType(operations_tmpl=f"azext_k8s_flux.fleet.{module}#{{}}")

    def table(name):
        def transform(result):
            from azext_k8s_flux.fleet import tables

            return getattr(tables, name)(result)

        return transform

    with loader.command_group("k8s-configuration flux", custom_command_type=fleet("status")) as g:
        g.custom_command("status", "flux_fleet_status", table_transformer=table("fleet_status_table"))
    with loader.command_group("k8s-configuration flux", custom_command_type=fleet("rollout")) as g:
        g.custom_command("wait-rollout", "flux_wait_rollout", table_transformer=table("rollout_table"))
    with loader.command_group("k8s-extension", custom_command_type=fleet("audit")) as g:
        g.custom_command("status", "extension_fleet_status", table_transformer=table("extension_status_table"))


def _policy_commands(loader):
    """Azure Policy definitions generated from a configuration (azext_k8s_flux/policy)."""
    with loader.command_group(
        "k8s-configuration flux policy",
        custom_command_type=CliCommandType(operations_tmpl="azext_k8s_flux.policy.command#{}"),
        client_factory=cf_flux_configurations,
    ) as g:
        g.custom_command("generate", "flux_policy_generate", table_transformer=_policy_table)


def _policy_table(result):
    from azext_k8s_flux.policy.tables import generated_table

    return generated_table(result)
