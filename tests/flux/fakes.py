"""Fake SDK clients for handler tests: they record every call, and `NoRequests` fails on any use."""

import json
from types import SimpleNamespace


def wire(model):
    """The JSON the SDK would send for `model` (same encoder, read-only fields dropped)."""
    from azure.mgmt.kubernetesconfiguration.fluxconfigurations._utils.model_base import SdkJSONEncoder

    return json.loads(json.dumps(model, cls=SdkJSONEncoder, exclude_readonly=True))


def http_error(status, code=None, message="failed"):
    from azure.core.exceptions import HttpResponseError

    error = HttpResponseError(message=message)
    error.status_code = status
    error.error = SimpleNamespace(code=code, message=message) if code else None
    return error


class FakePoller:
    def __init__(self, result=None, error=None):
        self._result, self._error = result, error

    def result(self):
        if self._error is not None:
            raise self._error
        return self._result


class NoRequests:
    """A client that must not be used: validation has to fail before any request."""

    def __getattr__(self, name):
        raise AssertionError(f"no request expected, but the client's '{name}' was used")


class FakeFluxClient:
    def __init__(self, existing=None, error=None):
        self.calls = []
        self.existing = existing
        self.error = error

    def _record(self, verb, args, kwargs):
        self.calls.append((verb, args, kwargs))
        if self.error is not None:
            raise self.error

    def get(self, *args, **kwargs):
        from azure.mgmt.kubernetesconfiguration.fluxconfigurations import models

        self._record("GET", args, kwargs)
        if self.existing is None:
            raise http_error(404, "ResourceNotFound", f"Flux configuration with name '{args[-1]}' not found.")
        return models.FluxConfiguration(json.loads(json.dumps(self.existing)))

    def list(self, *args, **kwargs):
        from azure.mgmt.kubernetesconfiguration.fluxconfigurations import models

        self._record("LIST", args, kwargs)
        return [models.FluxConfiguration(self.existing)] if self.existing else []

    def begin_create_or_update(self, *args, **kwargs):
        self._record("PUT", args, kwargs)
        return FakePoller(args[-1])

    def begin_update(self, *args, **kwargs):
        self._record("PATCH", args, kwargs)
        return FakePoller(args[-1])

    def begin_delete(self, *args, **kwargs):
        self._record("DELETE", args, kwargs)
        return FakePoller(None)

    def writes(self):
        return [call for call in self.calls if call[0] in ("PUT", "PATCH", "DELETE")]


class FakeExtensionsClient:
    def __init__(self, extensions=(), error=None, install_error=None):
        self.calls = []
        self.extensions = list(extensions)
        self.error = error
        self.install_error = install_error

    def list(self, *args, **kwargs):
        from azure.mgmt.kubernetesconfiguration.extensions import models

        self.calls.append(("LIST", args, kwargs))
        if self.error is not None:
            raise self.error
        return [models.Extension(item) for item in self.extensions]

    def begin_create(self, *args, **kwargs):
        self.calls.append(("PUT", args, kwargs))
        return FakePoller(args[-1], self.install_error)


class FakeSourceControlClient:
    def __init__(self, names=()):
        self.calls = []
        self.names = list(names)

    def list(self, *args, **kwargs):
        self.calls.append(("LIST", args, kwargs))
        return [SimpleNamespace(name=name) for name in self.names]

    def get(self, *args, **kwargs):
        self.calls.append(("GET", args, kwargs))
        if args[-1] not in self.names:
            raise http_error(404, "ResourceNotFound", f"Source control configuration '{args[-1]}' not found.")
        return SimpleNamespace(name=args[-1])


def flux_extension(state="Succeeded", name="flux"):
    return {"name": name, "properties": {"extensionType": "microsoft.flux", "provisioningState": state}}
