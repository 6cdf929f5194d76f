"""The real `az rest` posts a Resource Graph query to the emulator and reads ARG's answer."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from graph_helpers import GRAPH_PATH

from arm_emulator.testing import SUBSCRIPTION_ID, start_emulator


@pytest.mark.az_login
def test_az_rest_queries_resource_graph(tmp_path):
    from arm_emulator.connect import connect_az

    az = shutil.which("az", path=str(Path(sys.executable).parent)) or shutil.which("az")
    if az is None:
        pytest.skip("az is not installed")
    with start_emulator(tmp_path / "s") as emu:
        env = {**os.environ, **connect_az(emu.state_dir, az=az)}
        body = {"subscriptions": [SUBSCRIPTION_ID], "options": {"$top": 2},
                "query": "resources | project id, name, type | order by name asc"}
        result = subprocess.run([az, "rest", "--method", "post", "--url",
                                 f"{emu.url}{GRAPH_PATH}?api-version=2024-04-01", "--body", json.dumps(body)],
                                env=env, capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode == 0, result.stderr
        answer = json.loads(result.stdout)
        assert (answer["totalRecords"], answer["count"]) == (4, 2) and answer["$skipToken"]
        assert [r["name"] for r in answer["data"]] == ["aks-demo", "arc-demo"]
        assert answer["data"][0]["type"] == "microsoft.containerservice/managedclusters"
        bad = subprocess.run([az, "rest", "--method", "post", "--url", f"{emu.url}{GRAPH_PATH}?api-version=2024-04-01",
                              "--body", json.dumps({"query": "resources | where"})],
                             env=env, capture_output=True, text=True, timeout=120, check=False)
        assert bad.returncode != 0 and "BadRequest" in bad.stderr and "Traceback" not in bad.stderr
