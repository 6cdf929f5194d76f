"""Just enough of Microsoft Entra ID and cloud metadata for ``az cloud register`` and ``az login``.

MSAL reads the OpenID configuration of ``<loginEndpoint>/<tenant>``, then posts a client-credentials
grant to its token endpoint. The token is an unsigned JWT: the emulator only checks that a bearer
token is present, as the brief for a local stand-in allows.
"""

from __future__ import annotations

import base64
import json
import time
import uuid

from aiohttp import web

from ..core.context import CLIENT_ID, TENANT_ID

TOKEN_LIFETIME = 24 * 3600


def base_url(request: web.Request) -> str:
    """https origin the client used; every URL the emulator hands out is built from it."""
    return f"https://{request.host}"


def _b64(data: dict) -> str:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def make_token(audience: str, tenant: str, client_id: str, issuer: str) -> str:
    now = int(time.time())
    claims = {
        "aud": audience, "iss": issuer, "iat": now, "nbf": now, "exp": now + TOKEN_LIFETIME,
        "appid": client_id, "azp": client_id, "oid": client_id, "sub": client_id, "tid": tenant,
        "idtyp": "app", "ver": "1.0",
    }
    return f"{_b64({'typ': 'JWT', 'alg': 'none'})}.{_b64(claims)}."


async def metadata_endpoints(request: web.Request) -> web.Response:
    base = base_url(request)
    body = {
        "name": "ArmEmulator",
        "portal": base,
        "resourceManager": base + "/",
        "authentication": {
            "loginEndpoint": base + "/",
            "audiences": [base + "/"],
            "tenant": "common",
            "identityProvider": "AAD",
        },
        "graphAudience": base + "/",
        "graph": base + "/",
        "microsoftGraphResourceId": base + "/",
        "media": base + "/",
        "batch": base + "/",
        "sqlManagement": base + "/",
        "vmImageAliasDoc": base + "/vm-image-aliases.json",
        "activeDirectoryDataLake": base + "/",
        "suffixes": {"storage": "core.emulator.invalid", "keyVaultDns": "vault.emulator.invalid",
                     "acrLoginServer": "azurecr.emulator.invalid"},
    }
    return web.json_response(body)


async def openid_configuration(request: web.Request) -> web.Response:
    base = base_url(request)
    tenant = request.match_info["tenant"]
    issuer = f"{base}/{tenant}/v2.0"
    body = {
        "issuer": issuer,
        "token_endpoint": f"{base}/{tenant}/oauth2/v2.0/token",
        "authorization_endpoint": f"{base}/{tenant}/oauth2/v2.0/authorize",
        "device_authorization_endpoint": f"{base}/{tenant}/oauth2/v2.0/devicecode",
        "jwks_uri": f"{base}/{tenant}/discovery/v2.0/keys",
        "response_types_supported": ["code", "id_token", "token"],
        "subject_types_supported": ["pairwise"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
        "scopes_supported": ["openid", "profile", "email", "offline_access"],
        "tenant_region_scope": "NA",
    }
    return web.json_response(body)


async def instance_discovery(request: web.Request) -> web.Response:
    # Only asked for when a client leaves instance discovery on; answer like Entra does for a known host.
    host = request.host
    body = {
        "tenant_discovery_endpoint": f"https://{host}/common/v2.0/.well-known/openid-configuration",
        "api-version": "1.1",
        "metadata": [{"preferred_network": host, "preferred_cache": host, "aliases": [host]}],
    }
    return web.json_response(body)


async def token(request: web.Request) -> web.Response:
    form = await request.post()
    tenant = request.match_info["tenant"]
    if tenant.lower() in ("common", "organizations"):
        tenant = TENANT_ID
    if form.get("grant_type") not in ("client_credentials", "refresh_token", "password"):
        return web.json_response(
            {"error": "unsupported_grant_type",
             "error_description": "AADSTS70003: The emulator supports the client_credentials grant only."},
            status=400,
        )
    scope = str(form.get("scope") or "")
    audience = next((s for s in scope.split() if s.endswith("/.default")), base_url(request) + "/.default")
    audience = audience[: -len(".default")]
    client_id = str(form.get("client_id") or CLIENT_ID)
    issuer = f"https://sts.emulator.invalid/{tenant}/"
    body = {
        "token_type": "Bearer",
        "expires_in": TOKEN_LIFETIME,
        "ext_expires_in": TOKEN_LIFETIME,
        "access_token": make_token(audience, tenant, client_id, issuer),
        "client_info": _b64({"uid": client_id, "utid": tenant}),
    }
    return web.json_response(body, headers={"x-ms-request-id": str(uuid.uuid4())})


def add_routes(app: web.Application) -> None:
    app.router.add_get("/metadata/endpoints", metadata_endpoints)
    app.router.add_get("/common/discovery/instance", instance_discovery)
    app.router.add_get("/{tenant}/v2.0/.well-known/openid-configuration", openid_configuration)
    app.router.add_get("/{tenant}/.well-known/openid-configuration", openid_configuration)
    app.router.add_post("/{tenant}/oauth2/v2.0/token", token)
    app.router.add_post("/{tenant}/oauth2/token", token)
