"""Running a query through Resource Graph: every page (`$skipToken`, 1,000 rows each), every chunk of 1,000
subscriptions, and ARG's throttling (Retry-After and its quota headers) honoured."""

import time

from knack.log import get_logger

logger = get_logger(__name__)

PAGE_SIZE = 1000  # ARG's maximum $top
SUBSCRIPTIONS_PER_REQUEST = 1000  # ARG refuses more in one request
THROTTLED_RETRIES = 3
QUOTA_REMAINING = "x-ms-user-quota-remaining"
QUOTA_RESETS_AFTER = "x-ms-user-quota-resets-after"


class Graph:
    """Sends queries for one scope; counts its requests and remembers how long ARG asked it to pause."""

    def __init__(self, client, scope, sleep=time.sleep):
        self.client, self.scope, self.sleep = client, scope, sleep
        self.requests = 0
        self.pause = 0.0  # seconds before the next query, from the last response's quota headers

    def rows(self, query):
        """Every row the query returns over the whole scope."""
        rows = []
        for subscriptions, management_groups in self.scope.chunks(SUBSCRIPTIONS_PER_REQUEST):
            rows += self._pages(query, subscriptions, management_groups)
        return rows

    def _pages(self, query, subscriptions, management_groups):
        from azext_k8s_flux import _sdk

        models = _sdk.resource_graph_models()
        rows, skip_token = [], None
        while True:
            request = models.QueryRequest(
                query=query, subscriptions=subscriptions, management_groups=management_groups,
                options=models.QueryRequestOptions(top=PAGE_SIZE, skip_token=skip_token, result_format="objectArray"),
            )  # fmt: skip
            response = self._send(request)
            rows += list(response.data or [])
            skip_token = response.skip_token
            if not skip_token:
                return rows

    def _send(self, request):
        from azure.core.exceptions import HttpResponseError

        retries = 0
        while True:
            if self.pause:
                self.sleep(self.pause)
                self.pause = 0.0
            self.requests += 1
            try:
                response, headers = self.client.resources(request, cls=_with_headers)
            except HttpResponseError as error:
                headers = getattr(getattr(error, "response", None), "headers", None) or {}
                if error.status_code != 429 or retries == THROTTLED_RETRIES:
                    raise _graph_error(error, headers) from None
                retries += 1
                self.pause = throttled_for(headers)
                logger.warning("Resource Graph is throttling these queries: retrying in %gs.", self.pause)
                continue
            self.pause = throttled_for(headers) if _quota_used_up(headers) else 0.0
            return response


def _with_headers(pipeline_response, deserialized, _headers):
    return deserialized, pipeline_response.http_response.headers


def throttled_for(headers):
    """Seconds to wait as ARG says: Retry-After, or the time until the user's quota resets (hh:mm:ss)."""
    waits = [_seconds(headers.get("Retry-After")), _seconds(headers.get(QUOTA_RESETS_AFTER))]
    return max([1.0, *filter(None, waits)])


def _quota_used_up(headers):
    try:
        return int(headers.get(QUOTA_REMAINING)) <= 0
    except (TypeError, ValueError):
        return False


def _seconds(value):
    """Seconds from `5`, `1.5` or `00:00:05` (the quota header's form); None when unreadable."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        if ":" in text:
            hours, minutes, seconds = text.split(":")
            return int(hours) * 3600 + int(minutes) * 60 + float(seconds)
        return float(text)
    except ValueError:
        return None


def _graph_error(error, headers):
    from azure.cli.core.azclierror import AzureResponseError, BadRequestError

    from azext_k8s_flux.operations._errors import arm_error_code_and_message, translate_http_error

    if error.status_code == 429:
        wait = throttled_for(headers)
        return AzureResponseError(
            f"Resource Graph is still throttling these queries after {THROTTLED_RETRIES} retries: try again in "
            f"{wait:g}s, or narrow the scope (-g, --subscriptions) so each query costs less."
        )
    if error.status_code == 400:
        # ARG puts the reason in the details; its top-level message asks for support information.
        details = getattr(getattr(error, "error", None), "details", None) or []
        reasons = [f"({d.code}) {d.message}" for d in details if getattr(d, "message", None)]
        if not reasons:
            code, message = arm_error_code_and_message(error)
            reasons = [f"({code}) {message}" if code else message]
        return BadRequestError("Resource Graph refused the query: " + " ".join(reasons))
    return translate_http_error(error, "Azure Resource Graph")
