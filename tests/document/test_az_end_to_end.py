"""The real `az`, as a pipeline runs it: a document applied twice (the second run writes nothing), its what-if,
and a copy through `flux show -o json > f.json` and `flux create --file f.json -n other`."""

import uuid

from tests.document.conftest import DOCUMENT
from tests.secrets import material as m

FLUX = "k8s-configuration flux"
READ_ONLY = {"id", "name", "systemData", "statuses", "sourceSyncedCommitId", "sourceUpdatedAt", "statusUpdatedAt"}


def test_apply_twice_what_if_and_copy_with_real_az(az, cluster, document, tmp_path, watch, monkeypatch):
    name = f"az-{uuid.uuid4().hex[:8]}"
    path = document(DOCUMENT.replace("team-config", name, 1).replace("{file: ./token.txt}", "{env: DOC_E2E_TOKEN}"))
    env = {"DOC_E2E_TOKEN": m.HTTPS_KEY}
    created = az(f"{FLUX} create {cluster.args} --file {path} --debug", env=env)
    assert created.json["kustomizations"]["apps"]["timeoutInSeconds"] == 900
    requests = watch()
    again = az(f"{FLUX} update {cluster.args} --file {path} --debug", env=env)
    assert "sent again, the service does not return secrets" in again.stderr
    assert [r for r in requests() if r[0] != "GET"] == [("PATCH", f"fluxconfigurations/{name}")]
    requests = watch()
    plan = az(f"{FLUX} create {cluster.args} --file {path} --branch dev --what-if --debug", env=env)
    assert requests() == [("GET", f"fluxconfigurations/{name}")]
    assert [row["path"] for row in plan.json["changes"] if "before" in row] == ["gitRepository.repositoryRef.branch"]
    for result in (created, again, plan):
        m.assert_no_leak(result, m.HTTPS_KEY)
    shown = az(f"{FLUX} show {cluster.args} -n {name} -o json")
    (tmp_path / "f.json").write_text(shown.stdout)
    copy = az(f"{FLUX} create {cluster.args} --file {tmp_path / 'f.json'} -n {name}-copy --https-key-file "
              f"{tmp_path / 'token.txt'}")  # fmt: skip
    assert {k: v for k, v in copy.json.items() if k not in READ_ONLY} == \
        {k: v for k, v in shown.json.items() if k not in READ_ONLY}
