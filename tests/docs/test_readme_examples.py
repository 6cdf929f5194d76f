"""The README's bash examples that address `my-rg` / `my-cluster` run as written (in bash with `set -e`, as CI
runners use it) against a fresh emulator cluster, with the real `az`."""

import os
import re
import subprocess
from pathlib import Path

import pytest

from arm_emulator.connect import az_working_dir
from tests.harness.runner import az_executable

README = Path(__file__).resolve().parents[2] / "README.md"


def _examples():
    blocks = re.findall(r"```bash\n(.*?)```", README.read_text(), flags=re.S)
    return [block for block in blocks if "my-cluster" in block]


def test_the_readme_has_examples_to_run():
    assert len(_examples()) >= 2


@pytest.mark.parametrize("script", _examples(), ids=lambda script: script.split("\n")[0][:60])
def test_readme_example_runs(az_env, new_cluster, script):
    cluster = new_cluster("managedClusters")
    script = script.replace("my-rg", cluster.resource_group).replace("my-cluster", cluster.name)
    env = {**az_env, "PATH": f"{Path(az_executable()).parent}{os.pathsep}{os.environ['PATH']}"}
    completed = subprocess.run(["bash", "-e", "-c", script], env=env, cwd=az_working_dir(), capture_output=True,
                               text=True, timeout=300)  # fmt: skip
    assert completed.returncode == 0, completed.stderr[-2000:]
    configuration = cluster.get("fluxConfigurations", "cluster-config")[1]["properties"]
    assert sorted(configuration["kustomizations"]) == ["apps", "infra"]
    assert configuration["kustomizations"]["apps"]["dependsOn"] == ["infra"]
    if "sync_interval=3m" in script:  # the update -k example: one key changed, prune and path kept
        infra = configuration["kustomizations"]["infra"]
        assert (infra["syncIntervalInSeconds"], infra["prune"], infra["path"]) == (180, True, "./infrastructure")
    if "--wait" in script:
        assert completed.stdout.strip().splitlines()[-1] == "applied"
