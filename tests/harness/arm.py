"""Direct ARM calls to the emulator for arranging test state (not through the extension under test)."""

import http.client
import json
import ssl
import threading
import uuid
from urllib.parse import urlsplit

CLUSTER_API_VERSIONS = {
    "managedClusters": ("Microsoft.ContainerService", "2024-05-01"),
    "connectedClusters": ("Microsoft.Kubernetes", "2024-01-01"),
    "provisionedClusters": ("Microsoft.HybridContainerService", "2024-01-01"),
    "appliances": ("Microsoft.ResourceConnector", "2022-10-27"),
}
KUBERNETES_CONFIGURATION = "providers/Microsoft.KubernetesConfiguration"
API_VERSIONS = {
    "extensions": "2025-03-01",
    "fluxConfigurations": "2025-04-01",
    "sourceControlConfigurations": "2023-05-01",
}


class ArmClient:
    def __init__(self, base_url, ca_bundle):
        self.base_url = base_url.rstrip("/")
        self._context = ssl.create_default_context(cafile=str(ca_bundle))
        self._subscription = None
        self._local = threading.local()  # one kept-alive connection per thread: a TLS handshake per request
        # made arranging a thousand clusters take most of a minute

    def _connection(self):
        if getattr(self._local, "connection", None) is None:
            address = urlsplit(self.base_url)
            self._local.connection = http.client.HTTPSConnection(address.hostname, address.port,
                                                                 context=self._context, timeout=30)
        return self._local.connection

    def request(self, method, path, body=None, api_version=None):
        if api_version:
            path += ("&" if "?" in path else "?") + f"api-version={api_version}"
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Authorization": "Bearer test-harness", "Content-Type": "application/json"}
        for attempt in (1, 2):  # a kept-alive connection the emulator closed (idle, restarted) is opened again
            connection = self._connection()
            try:
                connection.request(method, path, body=data, headers=headers)
                response = connection.getresponse()
                payload = response.read()
                break
            except (http.client.HTTPException, ConnectionError):
                connection.close()
                self._local.connection = None
                if attempt == 2:
                    raise
        return response.status, json.loads(payload) if payload else None

    @property
    def subscription(self):
        if self._subscription is None:
            status, body = self.request("GET", "/subscriptions", api_version="2022-12-01")
            assert status == 200, body
            self._subscription = body["value"][0]["subscriptionId"]
        return self._subscription

    def ensure_resource_group(self, name, location="eastus"):
        path = f"/subscriptions/{self.subscription}/resourcegroups/{name}"
        status, body = self.request("PUT", path, {"location": location}, api_version="2021-04-01")
        assert status in (200, 201), body

    def create_cluster(self, resource_group, cluster_type="connectedClusters", name=None, location="eastus"):
        name = name or f"cluster-{uuid.uuid4().hex[:10]}"
        provider, api_version = CLUSTER_API_VERSIONS[cluster_type]
        path = (
            f"/subscriptions/{self.subscription}/resourceGroups/{resource_group}"
            f"/providers/{provider}/{cluster_type}/{name}"
        )
        status, body = self.request("PUT", path, {"location": location, "properties": {}}, api_version=api_version)
        assert status in (200, 201), body
        return Cluster(self, resource_group, provider, cluster_type, name)


class Cluster:
    """A cluster in the emulator, with paths and CLI options to address it."""

    def __init__(self, arm, resource_group, provider, cluster_type, name):
        self.arm = arm
        self.resource_group = resource_group
        self.provider = provider
        self.type = cluster_type
        self.name = name

    @property
    def args(self):
        return f"-g {self.resource_group} -c {self.name} -t {self.type}"

    def path(self, resource_type=None, name=None):
        base = (
            f"/subscriptions/{self.arm.subscription}/resourceGroups/{self.resource_group}"
            f"/providers/{self.provider}/{self.type}/{self.name}"
        )
        if resource_type:
            base += f"/{KUBERNETES_CONFIGURATION}/{resource_type}"
            if name:
                base += f"/{name}"
        return base

    def get(self, resource_type, name):
        return self.arm.request("GET", self.path(resource_type, name), api_version=API_VERSIONS[resource_type])

    def put(self, resource_type, name, body):
        return self.arm.request("PUT", self.path(resource_type, name), body, api_version=API_VERSIONS[resource_type])

    def list(self, resource_type):
        status, body = self.arm.request("GET", self.path(resource_type), api_version=API_VERSIONS[resource_type])
        assert status == 200, body
        return body["value"]


def cluster_with_flux(arm, prefix):
    """A new Arc cluster in the test resource group with microsoft.flux installed (named `prefix` + random)."""
    from tests.harness.fixtures import TEST_RESOURCE_GROUP

    created = arm.create_cluster(TEST_RESOURCE_GROUP, "connectedClusters", name=f"{prefix}{uuid.uuid4().hex[:12]}")
    status, body = created.put("extensions", "flux", {"properties": {"extensionType": "microsoft.flux"}})
    assert status in (200, 201), body
    return created
