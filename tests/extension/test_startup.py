"""`az k8s-extension -h` imports every handler module: they must not pull in the SDK, azure.core or YAML."""

import subprocess
import sys

HEAVY = ("azure.mgmt", "azure.core", "yaml", "ruamel", "cryptography", "msrest")


def test_extension_modules_import_no_heavy_packages():
    code = (
        "import sys\n"
        "import azext_k8s_flux.operations.extension, azext_k8s_flux.operations.flux_extension\n"
        "import azext_k8s_flux._params_extension, azext_k8s_flux._help_extension\n"
        f"print(sorted(m for m in sys.modules if m.startswith({HEAVY!r})))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]", result.stdout
