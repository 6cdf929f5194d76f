"""List pages, the way ARM hands them out: ``{"value": [...], "nextLink": "<absolute URL>" | null}``.

Every collection of the emulator answers through ``list_response``. A page holds at most
``Settings.page_size`` items; when more follow, ``nextLink`` is the request URL on the emulator's own
host with its query kept (``api-version`` included) and an opaque ``$skipToken`` added. The token marks
the last item served (and how many were served), bound to the collection path by a checksum, so that:

- the next page resumes right after that item, even when other items were added or removed meanwhile
  (the list order is the store's, stable across pages: new items come last); if that item itself was
  deleted, the page resumes one place before the old offset (exact when it was the only item removed);
- an altered token, or one issued for another collection, is refused with 400 ``InvalidSkipToken``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from typing import Any
from urllib.parse import quote, urlencode

from aiohttp import web

from ..httpapi.aad import base_url
from ..httpapi.httpio import json_response, query
from .context import Context
from .errors import ArmError

SKIP_TOKEN = "$skipToken"
_KEY = b"arm-emulator list continuation"
_MAC_BYTES = 12


def list_response(ctx: Context, request: web.Request, items: list[dict[str, Any]]) -> web.Response:
    """One page of ``items`` (every item of the collection, in list order) for this request."""
    return json_response(page_body(request, items, ctx.settings.page_size))


def page_body(request: web.Request, items: list[dict[str, Any]], page_size: int) -> dict[str, Any]:
    token = query(request, SKIP_TOKEN)
    start = 0 if token is None else _resume_at(items, _decode(token, request.path))
    page = items[start:start + page_size]
    end = start + len(page)
    next_link = _next_link(request, end, page[-1]) if page and end < len(items) else None
    return {"value": page, "nextLink": next_link}


def _scope(path: str) -> bytes:
    # ARM matches paths case-insensitively: a token stays valid whatever casing the client resends.
    return path.rstrip("/").lower().encode()


def _mac(payload: bytes, path: str) -> bytes:
    return hmac.new(_KEY, _scope(path) + b"\n" + payload, hashlib.sha256).digest()[:_MAC_BYTES]


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _item_mark(item: dict[str, Any]) -> str:
    return hashlib.sha256(str(item.get("id", "")).lower().encode()).hexdigest()[:16]


def encode_token(path: str, served: int, last: dict[str, Any]) -> str:
    """URL-safe (the SDK re-quotes query values it copies from a nextLink) and opaque."""
    payload = f"{served}:{_item_mark(last)}".encode()
    return f"{_b64(payload)}.{_b64(_mac(payload, path))}"


def _decode(token: str, path: str) -> tuple[int, str]:
    try:
        payload_text, mac_text = token.split(".")
        payload, mac = _unb64(payload_text), _unb64(mac_text)
        if not hmac.compare_digest(mac, _mac(payload, path)):
            raise ValueError("checksum")
        served, mark = payload.decode().split(":")
        if not served.isdigit():
            raise ValueError("offset")
        return int(served), mark
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise ArmError(400, "InvalidSkipToken",
                       f"The value of the '{SKIP_TOKEN}' query parameter is not valid for this list: it was "
                       "altered or issued for another collection. Start the list again without it.") from None


def _resume_at(items: list[dict[str, Any]], token: tuple[int, str]) -> int:
    served, mark = token
    for index, item in enumerate(items):
        if _item_mark(item) == mark:
            return index + 1
    return min(max(served - 1, 0), len(items))


def _next_link(request: web.Request, served: int, last: dict[str, Any]) -> str:
    params = [(k, v) for k, v in request.query.items() if k.lower() != SKIP_TOKEN.lower()]
    params.append((SKIP_TOKEN, encode_token(request.path, served, last)))
    return f"{base_url(request)}{quote(request.path)}?{urlencode(params, safe='$', quote_via=quote)}"
