"""Fixtures of the document tests: documents written to files, a cluster with microsoft.flux, request logs."""


import pytest

from tests.flux.conftest import clients, cmd  # noqa: F401 - fixtures shared with the flux handler tests

REPO = "https://github.com/org/fleet"

# A document as a team would keep it: two kustomizations, an HTTPS token read from a file next to it.
DOCUMENT = f"""\
name: team-config
scope: cluster
namespace: team-config
sourceKind: GitRepository
suspend: false
gitRepository:
  url: {REPO}
  repositoryRef: {{branch: main}}
  httpsUser: git
  syncIntervalInSeconds: 300
kustomizations:
  infra: {{path: ./infrastructure, prune: true}}
  apps: {{path: ./apps, dependsOn: [infra], prune: true, timeoutInSeconds: 900}}
configurationProtectedSettings:
  httpsKey: {{file: ./token.txt}}
"""
# The same configuration without credentials (a public repository).
PUBLIC = f"""\
name: public-config
namespace: public-config
gitRepository:
  url: {REPO}
  repositoryRef: {{branch: main}}
kustomizations:
  infra: {{path: ./infrastructure, prune: true}}
  apps: {{path: ./apps, dependsOn: [infra]}}
"""
TOKEN = "ghp_documentTokenLeakMarker4Fh8Jk2"


@pytest.fixture
def document(tmp_path):
    """document(TEXT, name="doc.yaml", token=TOKEN) -> path of the document (with token.txt next to it)."""

    def write(text, name="doc.yaml", token=TOKEN):
        (tmp_path / "token.txt").write_text(token + "\n")
        path = tmp_path / name
        path.write_text(text)
        return str(path)

    return write


@pytest.fixture(scope="module")
def cluster(arm):
    """One cluster with microsoft.flux installed; each test uses configuration names of its own."""
    from tests.harness.arm import cluster_with_flux

    return cluster_with_flux(arm, "d")


@pytest.fixture
def watch(emulator):
    """requests = watch(); ...; requests() -> [(method, type/name)] of the ARM requests since watch() (LRO polls
    left out)."""
    from tests.v1.helpers import last_seq

    def start():
        seq = last_seq(emulator)
        return lambda: [(e["method"], "/".join(e["path"].lower().rsplit("/", 2)[-2:]))
                        for e in emulator.requests(kind="arm")
                        if e["seq"] > seq and "/operations/" not in e["path"]]  # fmt: skip

    return start
