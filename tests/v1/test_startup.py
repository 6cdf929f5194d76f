"""Help and the command table must not pay for the SDK: the v1 and migration modules import none of it."""

import json
import subprocess
import sys

HEAVY = ("azure.mgmt", "azure.core", "msrest", "yaml", "ruamel", "cryptography")


def test_operations_modules_import_no_sdk():
    code = (
        "import sys, json\n"
        "import azext_k8s_flux.operations.source_control, azext_k8s_flux.operations.migrate\n"
        "import azext_k8s_flux._params_source_control, azext_k8s_flux._help_source_control\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({HEAVY!r}))))\n"
    )
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    output = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert json.loads(output.stdout) == []
