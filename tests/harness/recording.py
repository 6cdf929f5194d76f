"""vcrpy cassettes of in-process CLI runs: recorded against the emulator, replayed offline.

Recorded requests and responses are scrubbed before they reach the disk: the emulator's address becomes
management.azure.com, subscription ids become zeros, authorization headers are dropped, and protected settings
and secret fields of request and response bodies become REDACTED. Token and metadata traffic is never recorded
(it passes through to the emulator), so cassettes hold ARM calls only.
"""

import re
from pathlib import Path

RECORDINGS_DIR = Path(__file__).resolve().parents[1] / "recordings"
SCRUBBED_HOST = "https://management.azure.com"
SCRUBBED_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000"
_LOCAL_HOST = re.compile(r"https://(127\.0\.0\.1|localhost):\d+")
_SUBSCRIPTION = re.compile(r"(/subscriptions/)[0-9a-fA-F-]{36}", re.IGNORECASE)
_NOT_ARM = ("/oauth2/", "/.well-known/", "/metadata/", "/discovery/", "/_emulator/", "/common/")
_DROPPED_HEADERS = ("authorization", "x-ms-client-request-id", "x-ms-correlation-request-id", "x-ms-request-id")


def scrub_text(text):
    return _SUBSCRIPTION.sub(r"\g<1>" + SCRUBBED_SUBSCRIPTION, _LOCAL_HOST.sub(SCRUBBED_HOST, text))


_SECRET_FIELDS = {
    "accountkey",
    "sastoken",
    "clientsecret",
    "clientcertificate",
    "clientcertificatepassword",
    "privatekey",
    "cacertificate",
}


def _redact_secrets(value):
    """Replace every protected setting and secret field of a request body with a marker."""
    if isinstance(value, dict):
        redacted = {}
        for key, item in value.items():
            if key == "configurationProtectedSettings" and isinstance(item, dict):
                redacted[key] = {name: "REDACTED" for name in item}
            elif key.lower() in _SECRET_FIELDS and isinstance(item, str):
                redacted[key] = "REDACTED"
            else:
                redacted[key] = _redact_secrets(item)
        return redacted
    if isinstance(value, list):
        return [_redact_secrets(item) for item in value]
    return value


def _scrub_body(body):
    import json

    if not body:
        return body
    try:
        text = body.decode("utf-8") if isinstance(body, bytes) else body
        scrubbed = json.dumps(_redact_secrets(json.loads(text)), sort_keys=True)
    except ValueError:  # not UTF-8 JSON (UnicodeDecodeError is a ValueError): nothing structured to redact
        return body
    return scrubbed.encode() if isinstance(body, bytes) else scrubbed


def _redact_response_text(text):
    """A JSON response with its secret fields redacted (ARM never returns them: this does not rely on it);
    left as it is when there is nothing to redact, so that recorded responses keep their order."""
    import json

    try:
        document = json.loads(text)
    except ValueError:
        return text
    redacted = _redact_secrets(document)
    return text if redacted == document else json.dumps(redacted)


def _scrub_request(request):
    if any(marker in request.path for marker in _NOT_ARM) or request.path.rstrip("/") in ("/subscriptions", "/tenants"):
        return None  # not recorded, not replayed: served live by the emulator
    request.uri = scrub_text(request.uri)
    request.body = _scrub_body(request.body)
    for header in list(request.headers):
        if header.lower() in _DROPPED_HEADERS:
            del request.headers[header]
    return request


def _scrub_response(response):
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in _DROPPED_HEADERS:
            del headers[name]
            continue
        headers[name] = [scrub_text(value) for value in headers[name]]
    body = response.get("body", {}).get("string")
    if isinstance(body, bytes):
        response["body"]["string"] = _redact_response_text(scrub_text(body.decode("utf-8", "replace"))).encode()
    elif isinstance(body, str):
        response["body"]["string"] = _redact_response_text(scrub_text(body))
    return response


def make_vcr(record):
    import vcr

    return vcr.VCR(
        cassette_library_dir=str(RECORDINGS_DIR),
        serializer="yaml",
        record_mode="all" if record else "none",
        match_on=["method", "scheme", "host", "path", "query", "body"],
        before_record_request=_scrub_request,
        before_record_response=_scrub_response,
        decode_compressed_response=True,
    )
