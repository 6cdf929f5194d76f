"""Stand-ins for the SDK operation groups, recording every call (for handler tests without a server)."""

from types import SimpleNamespace

from azext_k8s_flux import _sdk


class FakePoller:
    def __init__(self, result):
        self._result = result

    def result(self):
        return self._result


def http_error(status, code="SomeCode", message="something happened"):
    from azure.core.exceptions import HttpResponseError

    error = HttpResponseError(message=f"({code}) {message}")
    error.status_code = status
    error.error = SimpleNamespace(code=code, message=message)
    return error


class FakeExtensions:
    """Behaves like client.extensions: stores extensions as JSON dicts and returns SDK models."""

    def __init__(self, existing=None, fail=None):
        self.store = dict(existing or {})
        self.calls = []
        self.fail = fail or {}

    def _model(self, body):
        return _sdk.extension_models().Extension(body)

    def _maybe_fail(self, method):
        if method in self.fail:
            raise self.fail[method]

    def get(self, rg, rp, kind, cluster, name):
        self.calls.append(("get", (rg, rp, kind, cluster, name), {}))
        self._maybe_fail("get")
        if name not in self.store:
            raise http_error(404, "ResourceNotFound", f"Extension instance with name '{name}' not found.")
        return self._model(self.store[name])

    def list(self, rg, rp, kind, cluster):
        self.calls.append(("list", (rg, rp, kind, cluster), {}))
        self._maybe_fail("list")
        return [self._model(body) for body in self.store.values()]

    def begin_create(self, rg, rp, kind, cluster, name, extension, **kwargs):
        self.calls.append(("begin_create", (rg, rp, kind, cluster, name), dict(kwargs, body=_sdk.as_dict(extension))))
        self._maybe_fail("begin_create")
        body = _sdk.as_dict(extension)
        body["name"] = name
        body["properties"]["provisioningState"] = "Succeeded"
        body["properties"].pop("configurationProtectedSettings", None)
        self.store[name] = body
        return FakePoller(self._model(body))

    def begin_update(self, rg, rp, kind, cluster, name, patch_extension, **kwargs):
        body = _sdk.as_dict(patch_extension)
        self.calls.append(("begin_update", (rg, rp, kind, cluster, name), dict(kwargs, body=body)))
        self._maybe_fail("begin_update")
        merged = dict(self.store[name])
        properties = dict(merged.get("properties") or {})
        for key, value in body["properties"].items():
            if isinstance(value, dict):
                inner = dict(properties.get(key) or {})
                inner.update(value)
                properties[key] = {k: v for k, v in inner.items() if v is not None}
            elif value is None:
                properties.pop(key, None)
            else:
                properties[key] = value
        properties.pop("configurationProtectedSettings", None)
        merged["properties"] = properties
        self.store[name] = merged
        return FakePoller(self._model(merged))

    def begin_delete(self, rg, rp, kind, cluster, name, **kwargs):
        self.calls.append(("begin_delete", (rg, rp, kind, cluster, name), kwargs))
        self._maybe_fail("begin_delete")
        self.store.pop(name, None)
        return FakePoller(None)

    def methods(self):
        return [call[0] for call in self.calls]


class FakeLister:
    """A list-only operation group (sourceControlConfigurations, fluxConfigurations)."""

    def __init__(self, names=(), fail=None):
        self.names = list(names)
        self.calls = []
        self.fail = fail

    def list(self, *args):
        self.calls.append(("list", args))
        if self.fail:
            raise self.fail
        return [SimpleNamespace(name=name) for name in self.names]


class FakeExtensionTypes:
    """client.extension_types for microsoft.flux: the emulator catalogue's versions (one place for the fact)."""

    def __init__(self, fail=None):
        self.calls = []
        self.fail = fail

    def cluster_list_versions(self, rg, rp, kind, cluster, extension_type, **kwargs):
        from arm_emulator.providers.extension_catalogue import published_versions

        self.calls.append(("cluster_list_versions", (rg, rp, kind, cluster, extension_type), kwargs))
        if self.fail:
            raise self.fail
        from azure.mgmt.kubernetesconfiguration.extensiontypes import models

        train = kwargs.get("release_train") or "stable"
        return [models.ExtensionTypeVersionForReleaseTrain({"name": v, "properties": {"version": v}})
                for v in reversed(published_versions(extension_type, train))]
