"""A GET that also reports the service's Retry-After, for the commands that poll a resource themselves."""

import math

from azext_k8s_flux.operations._errors import arm_errors


def get_with_retry_after(client, cluster, name, what, not_found):
    """(the resource, Retry-After in seconds); 0 when the header is absent or not a finite positive number
    (a date, nan or inf is no number of seconds to sleep)."""

    # The SDK hands GET's `cls` no response headers of its own: read Retry-After from the raw response.
    def keep_retry_after(pipeline_response, deserialized, _headers):
        return deserialized, pipeline_response.http_response.headers.get("Retry-After")

    with arm_errors(what, cluster, not_found=not_found):
        resource, header = client.get(*cluster.sdk_args(), name, cls=keep_retry_after)
    try:
        seconds = float(header or 0)
    except (TypeError, ValueError):
        return resource, 0.0
    return resource, seconds if math.isfinite(seconds) and seconds > 0 else 0.0
