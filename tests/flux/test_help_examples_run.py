"""Every example in the help of `az k8s-configuration ...` runs, against a fresh emulator cluster, and does what
its description says.

Each example gets its own cluster (type from its -t), the Flux configurations, kustomizations or Flux v1
configurations it refers to, and the files it names (in a temporary working folder; HOME points there too, so
`~/.ssh/...` resolves inside it). $RG and $CLUSTER, the variables the help asks to set (and my-rg, my-cluster,
my-aks), are replaced by the test cluster's names. Lines that are not `az` commands (the shell around a pipeline
example) run in bash with `$?` set to the exit code of the az line before them.
"""

import base64
import contextlib
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.flux import material as m
from tests.flux.examples import az_invocation, examples, shell_lines
from tests.v1.helpers import CLUSTER_CONFIG, SCC, last_seq, seed_v1

pytest.importorskip("arm_emulator", reason="the local ARM emulator is not in this checkout")

MANIFESTS = Path(__file__).resolve().parents[1] / "data" / "manifests"
REPO = "https://github.com/Azure/gitops-flux2-kustomize-helm-mt"
INFRA_APPS = ("-k name=infra path=./infrastructure prune=true "
              "-k name=apps path=./apps/staging prune=true depends_on=infra")  # fmt: skip


# --- arrangements: what each command's examples refer to -------------------------------------------------------

def flux_config(cli, cluster, name="cluster-config", kustomizations=INFRA_APPS, source=f"-u {REPO} --branch main"):
    cli(f"k8s-configuration flux create {cluster.args} -n {name} --namespace cluster-config {source} "
        f"{kustomizations} -o none")  # fmt: skip


def files_for_create(tmp_path):
    (tmp_path / ".ssh").mkdir()
    (tmp_path / ".ssh" / "flux_id_ed25519").write_text(m.SSH_KEY)
    (tmp_path / "known_hosts").write_text(m.KNOWN_HOSTS)
    (tmp_path / "token.txt").write_text(m.HTTPS_KEY + "\n")
    (tmp_path / "bucket-secret.txt").write_text(m.BUCKET_SECRET + "\n")


# The document the --file examples apply: the configuration flux_config creates, as a file.
DOCUMENT = f"""name: cluster-config
namespace: cluster-config
sourceKind: GitRepository
gitRepository:
  url: {REPO}
  repositoryRef: {{branch: main}}
kustomizations:
  infra: {{path: ./infrastructure, prune: true}}
  apps: {{path: ./apps/staging, dependsOn: [infra], prune: true}}
"""


def arrange_create(cli, cluster, tmp_path, argv):
    files_for_create(tmp_path)
    (tmp_path / "cluster-config.yaml").write_text(DOCUMENT)
    if "--what-if" in argv:
        flux_config(cli, cluster)
    elif "shown.json" in argv:
        flux_config(cli, cluster, source=f"-u {REPO} --branch main --https-user git --https-key-file token.txt")
        shown = cli(f"k8s-configuration flux show {cluster.args} -n cluster-config -o json")
        (tmp_path / "shown.json").write_text(shown.stdout)


def arrange_update(cli, cluster, tmp_path, option):
    name = option.get("-n")
    if "--file" in option:  # the document, edited after the configuration was made from it
        flux_config(cli, cluster)
        (tmp_path / "cluster-config.yaml").write_text(DOCUMENT.replace("{branch: main}", "{branch: release}"))
    elif name == "apps":  # the token rotation and the source switch: a private HTTPS repository
        (tmp_path / "token.txt").write_text(m.HTTPS_KEY)
        flux_config(cli, cluster, "apps", "-k name=apps path=./apps",
                    "-u https://github.com/org/fleet --branch main --https-user git --https-key-file token.txt")
        (tmp_path / "new-token.txt").write_text("ghp_rotatedTokenValue9876543210\n")
    else:
        flux_config(cli, cluster, name)


def arrange_manifests(tmp_path):
    """A monorepo whose releases cross namespaces: ./my-repo, the working folder itself, ./clusters/production."""
    shutil.copytree(MANIFESTS / "monorepo", tmp_path / "my-repo")
    shutil.copytree(MANIFESTS / "monorepo", tmp_path, dirs_exist_ok=True)


def arrange_migrate(cluster, tmp_path, option):
    if "--https-user" in option:
        seed_v1(cluster, **{"app-config": {"properties": {
            "repositoryUrl": "https://github.com/contoso/app-config", "operatorNamespace": "app-config",
            "operatorInstanceName": "app-config", "operatorType": "Flux", "operatorScope": "namespace",
            "operatorParams": "--git-readonly --git-branch=main --git-path=apps"}}})  # fmt: skip
        (tmp_path / "token.txt").write_text(m.HTTPS_KEY + "\n")
    else:
        if "--rename" in option:  # the clash it resolves: a Flux v2 cluster-config for another repository
            status, body = cluster.put("fluxConfigurations", "cluster-config", {"properties": {
                "scope": "cluster", "namespace": "other", "sourceKind": "GitRepository",
                "gitRepository": {"url": REPO, "repositoryRef": {"branch": "main"}},
                "kustomizations": {"apps": {"path": "./apps"}}}})  # fmt: skip
            assert status in (200, 201), body
        seed_v1(cluster, **{"cluster-config": CLUSTER_CONFIG})
        (tmp_path / ".ssh").mkdir()
        (tmp_path / ".ssh" / "flux_deploy_key").write_text(m.SSH_KEY)


def arrange(cli, cluster, tmp_path, command, argv):
    option = {argv[i]: argv[i + 1] for i in range(len(argv) - 1) if argv[i].startswith("-")}
    verb = command.split(" ", 1)[1]
    if verb == "flux create":
        arrange_create(cli, cluster, tmp_path, argv)
    elif verb == "flux update":
        arrange_update(cli, cluster, tmp_path, option)
    elif verb.startswith("flux kustomization"):
        monitoring = "" if verb.endswith("create") else " -k name=monitoring path=./monitoring depends_on=infra"
        flux_config(cli, cluster, option["-n"], INFRA_APPS + monitoring)
    elif verb in ("flux delete", "flux show", "flux list", "flux wait", "flux deployed-object list",
                  "flux deployed-object show"):
        flux_config(cli, cluster, option.get("-n", "cluster-config"))
    elif verb == "flux check-manifests":
        arrange_manifests(tmp_path)
    elif verb == "flux migrate":
        arrange_migrate(cluster, tmp_path, option)
    elif verb in ("list", "show", "delete"):
        seed_v1(cluster, **{"cluster-config": CLUSTER_CONFIG})
    elif verb == "flux export":
        arrange_export(cli, cluster, tmp_path)


def arrange_export(cli, cluster, tmp_path):
    """A configuration with an HTTPS key, and the parameters file the deployment example names."""
    (tmp_path / "token.txt").write_text(m.HTTPS_KEY + "\n")
    flux_config(cli, cluster, source=f"-u {REPO} --branch main --https-user git --https-key-file token.txt")
    (tmp_path / "flux-secrets.json").write_text(json.dumps({"parameters": {"httpsKey": {"value": m.HTTPS_KEY}}}))


# --- what each example promises ---------------------------------------------------------------------------------

def _flux(cluster, name):
    status, body = cluster.get("fluxConfigurations", name)
    assert status == 200, body
    return body["properties"]


def created_infra_apps(results, cluster, tmp_path, requests):
    result = results[0].json
    assert result["provisioningState"] == "Succeeded"
    assert result["kustomizations"]["apps"]["dependsOn"] == ["infra"]
    assert result["kustomizations"]["infra"]["prune"] is result["kustomizations"]["apps"]["prune"] is True


def check_create_seed(results, cluster, tmp_path, requests):
    created_infra_apps(results, cluster, tmp_path, requests)
    properties = _flux(cluster, "cluster-config")
    assert (properties["namespace"], properties["scope"]) == ("cluster-config", "cluster")


def check_create_wait(results, cluster, tmp_path, requests):
    check_create_seed(results, cluster, tmp_path, requests)
    assert results[0].json["complianceState"] == "Compliant"


def check_create_ssh(results, cluster, tmp_path, requests):
    result = results[0].json
    assert result["gitRepository"]["url"] == "ssh://git@github.com/org/fleet.git"
    assert base64.b64decode(result["gitRepository"]["sshKnownHosts"]).decode() == m.KNOWN_HOSTS
    assert result["kustomizations"]["apps"]["syncIntervalInSeconds"] == 300
    assert "TESTKEY" not in results[0].output


def check_create_https(results, cluster, tmp_path, requests):
    source = results[0].json["gitRepository"]
    assert source["repositoryRef"]["tag"] == "v1.2.0"
    assert source["httpsUser"] == "git"
    assert m.HTTPS_KEY not in results[0].output


def check_create_bucket(results, cluster, tmp_path, requests):
    bucket = results[0].json["bucket"]
    assert (bucket["bucketName"], bucket["accessKey"]) == ("manifests", "AKIAEXAMPLE")
    assert m.BUCKET_SECRET not in results[0].output


def check_create_azblob(results, cluster, tmp_path, requests):
    blob = results[0].json["azureBlob"]
    assert blob["containerName"] == "flux"
    assert blob["managedIdentity"]["clientId"] == "00000000-0000-0000-0000-000000000000"


def check_create_oci(results, cluster, tmp_path, requests):
    result = results[0].json
    assert result["ociRepository"]["useWorkloadIdentity"] is True
    assert result["kustomizations"]["apps"]["postBuild"]["substitute"] == {"CLUSTER": "prod", "REGION": "eastus"}


def check_create_document(results, cluster, tmp_path, requests):
    created_infra_apps(results, cluster, tmp_path, requests)
    check_create_seed(results, cluster, tmp_path, requests)
    assert requests[0] == ("GET", "fluxconfigurations/cluster-config")  # a document is compared with the cluster


def check_create_what_if(results, cluster, tmp_path, requests):
    rows = [line.split() for line in results[0].stdout.splitlines()[2:]]
    assert rows == [["gitRepository.repositoryRef.branch", "changed", "main", "release"]]
    assert requests == [("GET", "fluxconfigurations/cluster-config")]
    assert _flux(cluster, "cluster-config")["gitRepository"]["repositoryRef"]["branch"] == "main"


def check_create_copy(results, cluster, tmp_path, requests):
    original, copy = _flux(cluster, "cluster-config"), _flux(cluster, "copy")
    assert copy["kustomizations"] == original["kustomizations"] and copy["gitRepository"] == original["gitRepository"]
    assert copy["namespace"] == "cluster-config"
    assert m.HTTPS_KEY not in results[0].output


def check_update_document(results, cluster, tmp_path, requests):
    assert results[0].json == [{"path": "gitRepository.repositoryRef.branch", "change": "changed", "before": "main",
                                "after": "release"}]  # fmt: skip
    assert _flux(cluster, "cluster-config")["gitRepository"]["repositoryRef"]["branch"] == "release"
    assert [r for r in requests if r[0] != "GET"] == [("PATCH", "fluxconfigurations/cluster-config")]


def check_update_tag(results, cluster, tmp_path, requests):
    reference = _flux(cluster, "cluster-config")["gitRepository"]["repositoryRef"]
    assert {key: value for key, value in reference.items() if value} == {"tag": "v1.3.0"}


def check_update_token(results, cluster, tmp_path, requests):
    assert results[0].json["gitRepository"]["httpsUser"] == "git"
    assert "ghp_rotated" not in results[0].output
    assert requests == [("GET", "fluxconfigurations/apps"), ("PATCH", "fluxconfigurations/apps"),
                        ("GET", "fluxconfigurations/apps")]  # read, send the new token, the poller's final read


def check_update_suspend(results, cluster, tmp_path, requests):
    assert _flux(cluster, "cluster-config")["suspend"] is True
    assert [write for write in requests if write[0] != "GET"] == [("PATCH", "fluxconfigurations/cluster-config")]


def check_update_oci(results, cluster, tmp_path, requests):
    properties = _flux(cluster, "apps")
    assert properties["sourceKind"] == "OCIRepository"
    assert properties["ociRepository"]["url"] == "oci://ghcr.io/org/manifests"
    assert properties.get("gitRepository") is None


def check_flux_deleted(results, cluster, tmp_path, requests):
    assert cluster.get("fluxConfigurations", "cluster-config")[0] == 404


def check_show_table(results, cluster, tmp_path, requests):
    assert "Compliant" in results[0].stdout and "cluster-config" in results[0].stdout


def check_show_compliance(results, cluster, tmp_path, requests):
    assert results[0].stdout == "Compliant\n"


def check_flux_list_table(results, cluster, tmp_path, requests):
    assert "cluster-config" in results[0].stdout and REPO in results[0].stdout


def check_kustomization_created(results, cluster, tmp_path, requests):
    monitoring = _flux(cluster, "cluster-config")["kustomizations"]["monitoring"]
    assert (monitoring["path"], monitoring["dependsOn"], monitoring["prune"]) == ("./monitoring", ["infra"], True)
    assert monitoring["syncIntervalInSeconds"] == 600


def check_prune_off(results, cluster, tmp_path, requests):
    kustomizations = _flux(cluster, "cluster-config")["kustomizations"]
    assert kustomizations["apps"]["prune"] is False
    assert kustomizations["infra"]["prune"] is True


def check_kustomization_deleted(results, cluster, tmp_path, requests):
    assert sorted(_flux(cluster, "cluster-config")["kustomizations"]) == ["apps", "infra"]


def check_kustomization_show(results, cluster, tmp_path, requests):
    result = results[0].json
    assert (result["name"], result["path"], result["dependsOn"]) == ("apps", "./apps/staging", ["infra"])


def check_kustomization_list(results, cluster, tmp_path, requests):
    lines = results[0].stdout.splitlines()
    assert any(line.startswith("infra") for line in lines) and any(line.startswith("apps") for line in lines)


def check_deployed_list(results, cluster, tmp_path, requests):
    for name in ("cluster-config-apps", "cluster-config-infra", "GitRepository"):
        assert name in results[0].stdout


def check_deployed_show(results, cluster, tmp_path, requests):
    result = results[0].json
    assert (result["kind"], result["name"], result["namespace"]) == (
        "Kustomization", "cluster-config-apps", "cluster-config")  # fmt: skip
    assert result["complianceState"] == "Compliant"


def check_wait(results, cluster, tmp_path, requests):
    assert results[0].json["complianceState"] == "Compliant"


def check_wait_pipeline(results, cluster, tmp_path, requests):
    assert results[0].stdout == "" and results[-1] == "applied\n"


def check_manifests_table(results, cluster, tmp_path, requests):
    assert "MT002" in results[0].stdout and "MT001" in results[0].stdout
    assert requests == []  # offline


def check_manifests_json(results, cluster, tmp_path, requests):
    saved = json.loads((tmp_path / "findings.json").read_text())
    assert {f["rule"] for f in saved} >= {"MT001", "MT002"}
    assert all(f["severity"] in ("error", "warning") for f in saved)


def check_manifests_fix(results, cluster, tmp_path, requests):
    diff, fixed = results
    assert diff.stdout.startswith("--- ") and "+++ " in diff.stdout
    assert "namespace: cluster-config" in (tmp_path / "clusters" / "production" / "apps.yaml").read_text()
    assert fixed.exit_code == 0


def check_manifests_query(results, cluster, tmp_path, requests):
    rows = [line.split("\t") for line in results[0].stdout.splitlines()]
    assert rows and all(len(row) == 3 and row[1].isdigit() for row in rows)


def check_migrate_plan(results, cluster, tmp_path, requests):
    plan = results[0].json
    assert [(item["name"], item["fromV1"]) for item in plan["createV2"]] == [("cluster-config", "cluster-config")]
    assert plan["createV2"][0]["payload"]["properties"]["gitRepository"]["url"] == "ssh://git@github.com/contoso/gitops"
    assert plan["blockers"] == []
    assert [method for method, _ in requests] == ["GET", "GET"]  # the v1 and v2 lists; nothing changed


def check_migrated_ssh(results, cluster, tmp_path, requests):
    assert cluster.list(SCC) == []
    properties = _flux(cluster, "cluster-config")
    assert properties["gitRepository"]["url"] == "ssh://git@github.com/contoso/gitops"
    assert not properties.get("repositoryPublicKey")  # the key from the file was sent: Flux generated none
    assert "TESTKEY" not in results[0].output


def check_migrated_renamed(results, cluster, tmp_path, requests):
    assert cluster.list(SCC) == []
    properties = _flux(cluster, "platform-config")
    assert properties["gitRepository"]["url"] == "ssh://git@github.com/contoso/gitops"
    assert not properties.get("repositoryPublicKey")  # the key given for cluster-config (the v1 name) was sent
    assert _flux(cluster, "cluster-config")["gitRepository"]["url"] == REPO  # the other one is untouched
    assert "TESTKEY" not in results[0].output


def check_migrated_https(results, cluster, tmp_path, requests):
    assert cluster.list(SCC) == []
    properties = _flux(cluster, "app-config")
    assert (properties["gitRepository"]["url"], properties["gitRepository"]["httpsUser"]) == (
        "https://github.com/contoso/app-config", "flux")  # fmt: skip
    assert m.HTTPS_KEY not in results[0].output
    assert not (tmp_path / "migration.json").exists()  # removed once the migration finished


def check_export_yaml(results, cluster, tmp_path, requests):
    import yaml

    document = yaml.safe_load(results[0].stdout)
    assert document["name"] == "cluster-config" and document["gitRepository"]["httpsUser"] == "git"
    assert document["configurationProtectedSettings"] == {"httpsKey": {"env": "FLUX_HTTPS_KEY"}}
    assert requests == [("GET", "fluxconfigurations/cluster-config")]


def check_export_arm_deployed(results, cluster, tmp_path, requests):
    template = json.loads((tmp_path / "cluster-config.json").read_text())
    assert template["parameters"]["httpsKey"]["type"] == "securestring"
    assert results[1].json["properties"]["provisioningState"] == "Succeeded"
    assert _flux(cluster, "cluster-config")["gitRepository"]["httpsUser"] == "git"
    assert m.HTTPS_KEY not in results[0].output + results[1].output + json.dumps(template)


def check_v1_list(results, cluster, tmp_path, requests):
    assert "cluster-config" in results[0].stdout and "git@github.com:contoso/gitops" in results[0].stdout


def check_v1_show(results, cluster, tmp_path, requests):
    assert results[0].json["repositoryUrl"] == "git@github.com:contoso/gitops"


def check_v1_deleted(results, cluster, tmp_path, requests):
    assert cluster.list(SCC) == []


def check_v1_refused(results, cluster, tmp_path, requests):
    assert "Flux v1 is retired" in results[0].stderr and "Nothing was sent to Azure" in results[0].stderr
    assert requests == []


def check_v2_instead(results, cluster, tmp_path, requests):
    kustomizations = results[0].json["kustomizations"]
    assert kustomizations["infra"]["path"] == "./infrastructure" and kustomizations["infra"]["prune"] is True


MIGRATE_RENAMED = ("Migrate cluster-config as Flux v2 configuration platform-config, because a Flux v2 configuration "
                   "named cluster-config already exists for another repository (credentials still take the v1 "
                   "name).")
MIGRATE_HTTPS = ("Migrate a private HTTPS repository after a confirmation, keeping the plan and progress in "
                 "./migration.json until the migration has finished (run the same command again to continue an "
                 "interrupted run).")

EXPORT_ARM = ("Write it as an ARM template and deploy that with az deployment (clusterName and clusterType choose the "
              "cluster); each secret the configuration uses is a securestring parameter, given here in a parameters "
              'file ({"parameters": {"httpsKey": {"value": "..."}}}) so that it is not on the command line.')

# (command, example name) -> (exit code of each az line, check)
EXPECTED = {
    ("flux create", "Follow a public Git repository with two kustomizations; apps waits for infra, both prune."):
        ([0], check_create_seed),
    ("flux create", "In a pipeline, create and wait until Flux has applied everything (at most 10 minutes)."):
        ([0], check_create_wait),
    ("flux create", "Private repository over SSH, key and known hosts read from files."): ([0], check_create_ssh),
    ("flux create", "Private repository over HTTPS with a token from a file."): ([0], check_create_https),
    ("flux create", "S3-compatible bucket."): ([0], check_create_bucket),
    ("flux create", "Azure Blob container read with the cluster's managed identity."): ([0], check_create_azblob),
    ("flux create", "OCI artifact read with workload identity, with variable substitution (the Flux extension needs "
                    "--config workloadIdentity.enable=true workloadIdentity.azureClientId=<client id> for it)."):
        ([0], check_create_oci),
    ("flux create", "Apply a configuration document (run it again after editing the file; only a change is "
                    "written)."): ([0], check_create_document),
    ("flux create", "See what applying the document with another branch would change, as a table; nothing is "
                    "written."): ([0], check_create_what_if),
    ("flux create", "Apply what `flux show -o json > shown.json` printed, under another name (secrets given "
                    "again)."): ([0], check_create_copy),
    ("flux update", "Apply the edited document of an existing configuration, after looking at what it changes."):
        ([0, 0], check_update_document),
    ("flux update", "Follow a tag instead of a branch."): ([0], check_update_tag),
    ("flux update", "Rotate the HTTPS token, read from a file."): ([0], check_update_token),
    ("flux update", "Suspend syncing."): ([0], check_update_suspend),
    ("flux update", "Switch to an OCI source without a prompt (scripts)."): ([0], check_update_oci),
    ("flux delete", "Delete without a prompt."): ([0], check_flux_deleted),
    ("flux show", "Show the source and compliance as a table."): ([0], check_show_table),
    ("flux show", "Only the compliance state."): ([0], check_show_compliance),
    ("flux list", "List as a table."): ([0], check_flux_list_table),
    ("flux export", "Print the configuration as a document (YAML)."): ([0], check_export_yaml),
    ("flux export", EXPORT_ARM): ([0, 0], check_export_arm_deployed),
    ("flux kustomization create", "Add a kustomization that waits for infra."): ([0], check_kustomization_created),
    ("flux kustomization update", "Turn prune off."): ([0], check_prune_off),
    ("flux kustomization delete", "Delete without a prompt."): ([0], check_kustomization_deleted),
    ("flux kustomization show", "Show a kustomization."): ([0], check_kustomization_show),
    ("flux kustomization list", "List as a table."): ([0], check_kustomization_list),
    ("flux deployed-object list", "List as a table."): ([0], check_deployed_list),
    ("flux deployed-object show", "Show the apps Kustomization object."): ([0], check_deployed_show),
    ("flux wait", "Wait up to 10 minutes for a configuration to be applied."): ([0], check_wait),
    ("flux wait", "In a pipeline, branch on the outcome (bash; also under set -e, as CI runners use; other errors "
                  "stop the step)."): ([0], check_wait_pipeline),
    ("flux check-manifests", "Check a repository for a configuration in the cluster-config namespace."):
        ([1], check_manifests_table),
    ("flux check-manifests", "In a pipeline, fail the build (exit code 1) when multi-tenancy would block something, "
                             "and keep the findings as JSON; add --strict to fail on warnings too."):
        ([1], check_manifests_json),
    ("flux check-manifests", "Preview the fixes as a unified diff, then apply them."): ([1, 0], check_manifests_fix),
    ("flux check-manifests", "List only the cross-namespace references."): ([1], check_manifests_query),
    ("flux migrate", "See the plan without changing anything."): ([0], check_migrate_plan),
    ("flux migrate", "Migrate without a prompt, reusing the SSH key of configuration cluster-config."):
        ([0], check_migrated_ssh),
    ("flux migrate", MIGRATE_RENAMED): ([0], check_migrated_renamed),
    ("flux migrate", MIGRATE_HTTPS):
        ([0], check_migrated_https),
    ("list", "List the Flux v1 configurations of an Azure Arc-enabled cluster, as a table."): ([0], check_v1_list),
    ("show", "Show a Flux v1 configuration of an AKS cluster."): ([0], check_v1_show),
    ("delete", "Delete a Flux v1 configuration."): ([0], check_v1_deleted),
    ("create", "A Flux v1 command from an old script stops with this explanation (exit code 1) and changes nothing."):
        ([1], check_v1_refused),
    ("create", "Create a Flux v2 configuration instead (here for the Flux v2 multi-tenancy sample repository)."):
        ([0], check_v2_instead),
}  # fmt: skip

# Examples meant for a terminal, where the command asks before it changes something.
PROMPTED = {MIGRATE_HTTPS}

# The fleet commands' examples need a fleet: tests/fleet/test_help_examples.py runs them; tests/policy runs the
# policy generator's.
FLEET = {"k8s-configuration flux status", "k8s-configuration flux wait-rollout",
         "k8s-configuration flux policy generate"}
EXAMPLES = [pytest.param(command, example, id=f"{command[len('k8s-configuration '):]}: {example['name']}")
            for command, example in examples("k8s-configuration") if command not in FLEET]  # fmt: skip


def test_every_example_has_an_expectation():
    names = {(command[len("k8s-configuration "):], example["name"])
             for command, example in examples("k8s-configuration") if command not in FLEET}  # fmt: skip
    assert names == set(EXPECTED)


def _shell_words(argv, cluster):
    """The words as the command receives them: placeholders replaced, `~/` expanded as the shell does."""
    placeholders = {}
    if cluster:
        placeholders = {"my-rg": cluster.resource_group, "my-cluster": cluster.name, "my-aks": cluster.name,
                        "$RG": cluster.resource_group, "$CLUSTER": cluster.name}
    words = [os.path.expanduser(w) if w.startswith("~/") else placeholders.get(w, w) for w in argv]
    for variable in ("$RG", "$CLUSTER"):  # also inside a word: --parameters clusterName=$CLUSTER
        words = [w.replace(variable, placeholders[variable]) if placeholders else w for w in words]
    return words


def _requests_since(emulator, seq):
    """(method, type/name) of the ARM requests made after `seq`, without long-running-operation polls."""
    return [(entry["method"], "/".join(entry["path"].lower().rsplit("/", 2)[-2:]))
            for entry in emulator.requests(kind="arm") if entry["seq"] > seq and "/operations/" not in entry["path"]]


READ_ONLY = {"flux show", "flux list", "flux wait", "flux kustomization show", "flux kustomization list",
             "flux deployed-object show", "flux deployed-object list", "flux check-manifests", "list", "show"}


def run_example(cli, cluster, text, codes, shell_exit=0):
    """Run the example's az commands in-process, expecting exit codes `codes`; when the example has shell around
    them, run it in bash under `set -e` (as CI runners do) with each az command replaced by its exit code.
    Returns the az results, then the shell's output if there was a shell part."""
    script, results, shell_part = ["set -e"], [], False
    for line in shell_lines(text):
        invocation = az_invocation(line)
        if invocation is None:
            script.append(line)
            shell_part = True
            continue
        argv, redirect, rest = invocation
        shell_part = shell_part or bool(rest)
        printed = io.StringIO()  # what a handler writes to stdout itself (check-manifests --diff)
        with contextlib.redirect_stdout(printed):
            result = cli(*_shell_words(argv, cluster), expect=codes[len(results)])
        result.stdout += printed.getvalue()
        if redirect:
            Path(redirect).write_text(result.stdout)
        results.append(result)
        script.append(f"(exit {result.exit_code}){rest}")
    assert len(results) == len(codes)
    if shell_part:
        shell = subprocess.run(["bash", "-c", "\n".join(script)], capture_output=True, text=True)
        assert shell.returncode == shell_exit, shell
        results.append(shell.stdout)
    return results


@pytest.fixture
def at_home(tmp_path, monkeypatch):
    """The example's working folder and HOME: tmp_path."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize("command, example", EXAMPLES)
def test_help_example_runs(cli, emulator, new_cluster, at_home, monkeypatch, command, example):
    verb = command[len("k8s-configuration "):]
    assert (verb, example["name"]) in EXPECTED, "a new example: say in EXPECTED what it must do"
    codes, check = EXPECTED[(verb, example["name"])]
    first = az_invocation(shell_lines(example["text"])[0])[0]
    cluster = new_cluster(first[first.index("-t") + 1]) if "-t" in first else None
    arrange(cli, cluster, at_home, command, first)
    # An example without --yes is typed on a terminal: its user answers the prompt with yes.
    prompts = []
    monkeypatch.setattr("knack.prompting.prompt_y_n", lambda message, **_: prompts.append(message) or True)
    start = last_seq(emulator)
    results = run_example(cli, cluster, example["text"], codes)
    requests = _requests_since(emulator, start)
    check(results, cluster, at_home, requests)
    assert bool(prompts) == (example["name"] in PROMPTED), prompts
    if verb in READ_ONLY:
        assert [request for request in requests if request[0] != "GET"] == []


def _wait_pipeline():
    return next(e["text"] for _, e in examples("k8s-configuration flux wait") if e["name"].startswith("In a pipeline"))


def test_wait_pipeline_example_branches_on_a_failure(cli, new_cluster, at_home):
    cluster = new_cluster("connectedClusters")
    flux_config(cli, cluster, kustomizations="-k name=apps path=./apps/fail")
    assert run_example(cli, cluster, _wait_pipeline(), [4])[-1] == "flux reported a failure\n"


def test_wait_pipeline_example_fails_the_step_on_other_errors(cli, new_cluster, at_home):
    results = run_example(cli, new_cluster("connectedClusters"), _wait_pipeline(), [3], shell_exit=3)
    assert "not found" in results[0].stderr and results[-1] == ""
