"""`az k8s-configuration list|show|delete|create`: Flux v1 configurations (sourceControlConfigurations).

Flux v1 is retired: these commands exist to find, inspect and remove what is left, and `create` only
explains where to go instead.
"""

from azure.cli.core.azclierror import ResourceNotFoundError, ValidationError
from knack.log import get_logger

from azext_k8s_flux._cluster import cluster_ref
from azext_k8s_flux._validators import require_value
from azext_k8s_flux.operations._errors import arm_errors
from azext_k8s_flux.operations._writes import send_and_follow

RETIRED = (
    "Flux v1 is retired: new Flux v1 configurations (sourceControlConfigurations) cannot be created since "
    "2024-01-01, and support for existing ones ended on 2025-05-24. Create a Flux v2 configuration instead "
    "with 'az k8s-configuration flux create', and move existing Flux v1 configurations with "
    "'az k8s-configuration flux migrate'. Nothing was sent to Azure."
)

logger = get_logger(__name__)

# Said on stderr whenever list/show return Flux v1 configurations (stdout keeps the JSON alone).
_RETIRED_NOTICE = ("Flux v1 is retired: support for Flux v1 configurations ended on 2025-05-24. Move them to "
                   "Flux v2 with 'az k8s-configuration flux migrate {cluster}'.")

# What a deleted Flux v1 configuration leaves behind, said once it is gone.
_DELETED_NOTE = ("Deleted Flux v1 configuration '%s'. Applications it deployed keep running but no longer sync: "
                 "changes in the repository are not applied and drift is not repaired. Manage them with Flux v2: "
                 "'az k8s-configuration flux create %s ...'.")

# People used to Flux v1 type `az k8s-configuration show/delete` for what is now a Flux v2 configuration.
_FLUX_V2_HINT = ("These commands handle retired Flux v1 configurations only; for a Flux v2 configuration use "
                 "'az k8s-configuration flux {verb} {cluster} -n {name}'.")


def flux_v1_instead(cli_ctx, cluster, name, verb, missing):
    """For `flux show|delete` of a name with no Flux v2 configuration: the error to raise. When a Flux v1
    configuration of that name exists it says so and where to go; otherwise (or when that cannot be told)
    `missing` stands. Asked only after the 404, so a successful `flux show` stays one request."""
    from azure.core.exceptions import AzureError

    from azext_k8s_flux import _client_factory

    try:
        _client_factory.cf_source_control_configurations(cli_ctx).get(*cluster.sdk_args(), name)
    except AzureError:
        return missing
    args = f"{cluster.cli_args()} -n {name}"
    return ResourceNotFoundError(
        f"{missing.error_msg[:-1]}: '{name}' is a Flux v1 configuration (sourceControlConfigurations), which the "
        "flux commands do not manage. Flux v1 is retired.",
        [f"{verb.capitalize()} it with 'az k8s-configuration {verb} {args}'.",
         f"Move it to Flux v2 with 'az k8s-configuration flux migrate {cluster.cli_args()}'."],
    )


def _arm_json(model):
    """The resource with its properties at the top level, as azure-cli shows every resource (and as the
    retired upstream command did, so `--query repositoryUrl` keeps working), protected setting values masked."""
    resource = model.serialize(keep_readonly=True)
    properties = resource.pop("properties", None) or {}
    if properties.get("configurationProtectedSettings"):  # write-only: names, never values
        properties["configurationProtectedSettings"] = {key: "" for key in properties["configurationProtectedSettings"]}
    return {**resource, **properties}


def source_control_list(client, resource_group_name, cluster_name, cluster_type, cluster_resource_provider=None):
    """List the Flux v1 configurations of a cluster."""
    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    # A 404 here can only mean the cluster (or its resource group) is missing: name the cluster.
    with arm_errors(cluster.describe(), cluster):
        configurations = [_arm_json(item) for item in client.list(*cluster.sdk_args())]
    if configurations:
        logger.warning(_RETIRED_NOTICE.format(cluster=cluster.cli_args()))
    return configurations


def source_control_show(client, resource_group_name, cluster_name, cluster_type, name, cluster_resource_provider=None):
    """Show one Flux v1 configuration."""
    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    require_value(name, "-n/--name", "Flux v1 configuration")
    not_found = (f"Flux v1 configuration '{name}' of {cluster.describe()} was not found. "
                 f"{_FLUX_V2_HINT.format(verb='show', cluster=cluster.cli_args(), name=name)}")
    with arm_errors(f"Flux v1 configuration '{name}' of {cluster.describe()}", cluster, not_found=not_found):
        configuration = _arm_json(client.get(*cluster.sdk_args(), name))
    logger.warning(_RETIRED_NOTICE.format(cluster=cluster.cli_args()))
    return configuration


def source_control_delete(cmd, client, resource_group_name, cluster_name, cluster_type, name,
                          cluster_resource_provider=None, yes=False):
    """Delete one Flux v1 configuration. No prompt, as with the official command (pipelines written for it pass no
    --yes): deleting a Flux v1 configuration leaves its workloads running, and the note after it says so."""
    cluster = cluster_ref(resource_group_name, cluster_name, cluster_type, cluster_resource_provider)
    require_value(name, "-n/--name", "Flux v1 configuration")
    # ARM answers 204 when there was nothing to delete: say so instead of reporting success.
    statuses = []
    send_and_follow(client.begin_delete, (*cluster.sdk_args(), name), False,
                    f"Flux v1 configuration '{name}' of {cluster.describe()}", cluster,
                    f"The Flux v1 configuration may have been deleted: see it with az k8s-configuration show "
                    f"{cluster.cli_args()} -n {name}.", lambda result: result,
                    raw_response_hook=lambda response: statuses.append(response.http_response.status_code))
    if statuses[:1] == [204]:
        raise ResourceNotFoundError(
            f"Flux v1 configuration '{name}' was not found on {cluster.describe()}: nothing was deleted. "
            f"List them with 'az k8s-configuration list {cluster.cli_args()}'. "
            f"{_FLUX_V2_HINT.format(verb='delete', cluster=cluster.cli_args(), name=name)}"
        )
    logger.warning(_DELETED_NOTE, name, cluster.cli_args())


def source_control_create(resource_group_name=None, cluster_name=None, cluster_type=None, name=None,
                          cluster_resource_provider=None, repository_url=None, scope=None, operator_instance_name=None,
                          operator_namespace=None, operator_params=None, operator_type=None, enable_helm_operator=None,
                          helm_operator_params=None, helm_operator_chart_version=None, ssh_private_key=None,
                          ssh_private_key_file=None, https_user=None, https_key=None, ssh_known_hosts=None,
                          ssh_known_hosts_file=None):
    """Refused: new Flux v1 configurations cannot be created."""
    raise ValidationError(RETIRED)
