"""Re-reading flagged fleet rows through ARM: Resource Graph can lag ARM by minutes (users report hours), so a row
that decides an outcome can be checked at the source, one GET per flagged configuration."""

from knack.log import get_logger

logger = get_logger(__name__)


def reread_configurations(cli_ctx, rows):
    """`rows` as ARM reports them now (marked verifiedWithArm); a configuration ARM no longer has is dropped."""
    from azure.core.exceptions import HttpResponseError, ResourceNotFoundError

    from azext_k8s_flux.operations._errors import translate_http_error

    fresh, gone, clients = [], [], {}
    for row in rows:
        subscription = row["subscriptionId"]
        client = clients.get(subscription) or clients.setdefault(subscription, _client(cli_ctx, subscription))
        try:
            config = client.get(*_cluster_args(row), row["configuration"])
        except ResourceNotFoundError:
            gone.append(row)
            continue
        except HttpResponseError as error:
            raise translate_http_error(error, f"Flux configuration '{row['configuration']}' on {row['clusterType']} "
                                              f"'{row['cluster']}' (re-read with --verify-with-arm)") from None
        fresh.append({**_arm_row(row, config), "verifiedWithArm": True})
    if gone:
        logger.warning("%d configuration(s) Resource Graph still lists no longer exist in Azure: %s", len(gone),
                       ", ".join(f"{r['cluster']}/{r['configuration']}" for r in gone))  # fmt: skip
    return fresh


def _client(cli_ctx, subscription):
    from azext_k8s_flux._client_factory import cf_flux_configurations_in

    return cf_flux_configurations_in(cli_ctx, subscription)


def _cluster_args(row):
    from azext_k8s_flux.fleet.rows import cluster_of

    cluster_id, cluster_type, cluster = cluster_of(row["id"])
    segments = cluster_id.strip("/").split("/")
    return segments[3], segments[5], cluster_type, cluster


def _arm_row(row, config):
    from azure.cli.core.util import todict

    from azext_k8s_flux.fleet.rows import configuration_row

    return configuration_row({"id": row["id"], "name": row["configuration"], "resourceGroup": row["resourceGroup"],
                              "subscriptionId": row["subscriptionId"], "properties": todict(config)})  # fmt: skip
