"""`az k8s-configuration flux export`: an existing configuration as a document (yaml) or an ARM template (arm).

Requests: yaml = GET of the configuration; arm = that GET + LIST of the cluster's extensions (microsoft.flux as
installed). Nothing is written. The text goes to --file, or to stdout as it is: like `az bicep build --stdout` and
`az aks get-credentials --file -`, a command whose product is a file prints the file itself, not a JSON string of
it, so that `> config.yaml` or a pipe gets a valid document whatever --output says.
"""

from knack.log import get_logger

logger = get_logger(__name__)

FORMATS = ("yaml", "arm")


def flux_export(cmd, client, resource_group_name, cluster_name, cluster_type, name, cluster_resource_provider=None,
                export_format="yaml", file_path=None):  # fmt: skip
    """Export a Flux configuration as YAML (the document `flux create --file` applies) or as an ARM template."""
    from azext_k8s_flux import _sdk
    from azext_k8s_flux._cluster import cluster_ref
    from azext_k8s_flux.operations.flux import get_configuration

    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    _check_target(file_path)
    configuration = get_configuration(client, cluster, name)
    if export_format == "arm":
        text = _arm_text(cmd, cluster, name, _sdk.as_dict(configuration).get("properties") or {})
    else:
        from azext_k8s_flux.document.export_yaml import render
        from azext_k8s_flux.operations.flux_view import public_configuration

        text = render(name, public_configuration(configuration), cluster.describe())
    _deliver(text, file_path)


def _arm_text(cmd, cluster, name, properties):
    import json

    from azext_k8s_flux import _sdk
    from azext_k8s_flux._client_factory import cf_extensions
    from azext_k8s_flux.document.arm_template import arm_template
    from azext_k8s_flux.operations.flux_extension import find_flux_extension

    extension = _sdk.as_dict(find_flux_extension(cf_extensions(cmd.cli_ctx), cluster))
    if extension is None:
        logger.warning("microsoft.flux is not installed on %s: the template installs it with its defaults.",
                       cluster.describe())  # fmt: skip
    elif (extension.get("properties") or {}).get("configurationProtectedSettings"):
        logger.warning("The protected settings of extension '%s' are not exported: add them to the template if "
                       "the cluster needs them.", extension["name"])  # fmt: skip
    return json.dumps(arm_template(name, properties, extension), indent=2) + "\n"


def _check_target(file_path):
    """A file that cannot be written is refused before any request."""
    import os

    from azure.cli.core.azclierror import FileOperationError

    if file_path is None:
        return
    folder = os.path.dirname(os.path.abspath(file_path))
    if os.path.isdir(file_path) or not os.path.isdir(folder):
        raise FileOperationError(f"Cannot write --file {file_path}: "
                                 + ("it is a folder." if os.path.isdir(file_path) else f"no folder {folder}."),
                                 "Give the path of a file in an existing folder.")  # fmt: skip


def _deliver(text, file_path):
    import sys

    if file_path is None:
        sys.stdout.write(text)
        return
    from azure.cli.core.azclierror import FileOperationError

    try:
        with open(file_path, "w", encoding="utf-8") as out:
            out.write(text)
    except OSError as error:
        raise FileOperationError(f"Cannot write --file {file_path}: {error.strerror}.") from None
