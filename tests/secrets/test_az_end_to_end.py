"""The real `az` with --debug, as a user or pipeline runs it (a few representative cases; the in-process tests
cover the rest)."""

from tests.secrets import material as m
from tests.v1.helpers import CLUSTER_CONFIG, TEAM_A, seed_v1

FLUX = "k8s-configuration flux"
SP = f"--sp-client-id {m.GUID} --sp-tenant-id {m.GUID}"


def test_az_debug_holds_no_secret(az, cluster, new_cluster, write_files, fault, tmp_path):
    f = write_files({"cert": m.SP_CERT, "password": m.SP_CERT_PASSWORD, "token": m.HTTPS_KEY, "tls-cert": m.CERT,
                     "tls-key": m.PRIVATE_KEY, "protected": f"gitToken={m.PROTECTED_VALUE}",
                     "migrate-key": m.MIGRATE_SSH_KEY, "migrate-token": m.MIGRATE_HTTPS_KEY})  # fmt: skip
    results = [
        az(f"{FLUX} create {cluster.args} -n az-sp --kind azblob -u https://acct.blob.core.windows.net "
           f"--container-name flux {SP} --sp-client-cert-file {f['cert']} --sp-client-cert-password-file "
           f"{f['password']} --debug -o table"),
        az(f"{FLUX} create {cluster.args} -n az-https -u https://github.com/org/repo --branch main --https-user git "
           f"--https-key @{f['token']} --debug --query provisioningState -o tsv"),
        # The mistake of giving the file form an @: refused, naming the option but not the token.
        az(f"{FLUX} update {cluster.args} -n az-https --https-key-file @{f['token']} --debug", expect=1),
        az(f"k8s-extension create {cluster.args} -n az-ext --extension-type vendor.thing "
           f"--config-protected @{f['protected']} --debug -o yaml"),
    ]
    assert results[1].stdout.strip() == "Succeeded"
    assert "Cannot read --https-key-file" in results[2].stderr
    with fault("throttle", method="PUT", path="fluxConfigurations/az-oci", retry_after=0):
        results.append(az(f"{FLUX} create {cluster.args} -n az-oci --kind oci -u oci://registry.example.com/org/app "
                          f"--tag v1 --tls-client-certificate-file {f['tls-cert']} --tls-private-key-file "
                          f"{f['tls-key']} --debug -o json"))  # fmt: skip
    assert "429" in results[-1].stderr
    with fault("error", method="PATCH", path="extensions/az-ext", status=501):
        results.append(az(f"k8s-extension update {cluster.args} -n az-ext --config-protected @{f['protected']} "
                          "--yes --debug", expect=1))  # fmt: skip
    v1 = new_cluster()
    seed_v1(v1, **{"cluster-config": CLUSTER_CONFIG, "team-a": TEAM_A})
    results.append(az(f"{FLUX} migrate {v1.args} --yes --plan-file {tmp_path / 'plan.json'} --debug "
                      f"--ssh-private-key-file cluster-config={f['migrate-key']} --https-user team-a=git "
                      f"--https-key-file team-a={f['migrate-token']}"))  # fmt: skip
    assert results[-1].json["status"] == "Completed"
    for result in results:
        assert "DEBUG: " in result.stderr and "Traceback" not in result.stderr.split("DEBUG")[0]
        m.assert_no_leak(result)
