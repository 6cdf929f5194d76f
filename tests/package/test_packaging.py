"""The wheel users install: what it contains, that az loads it, and that help stays light."""

import os
import subprocess
import sys
import zipfile

import pytest

from arm_emulator.connect import az_working_dir

# Modules that must not be imported just to render help: they cost start-up time on every call.
# (PyYAML is not among them: azure-cli itself loads it to read YAML help.)
HEAVY_MODULES = ("azure.mgmt.kubernetesconfiguration", "ruamel", "aiohttp", "cryptography", "arm_emulator")


def test_wheel_contains_only_the_extension_package(extension_wheel):
    names = zipfile.ZipFile(extension_wheel).namelist()
    top_levels = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert top_levels == {"azext_k8s_flux"}
    assert "azext_k8s_flux/azext_metadata.json" in names


def test_wheel_declares_runtime_dependencies(extension_wheel):
    with zipfile.ZipFile(extension_wheel) as wheel:
        metadata_name = next(name for name in wheel.namelist() if name.endswith(".dist-info/METADATA"))
        metadata = wheel.read(metadata_name).decode()
    requires = [line.split(":", 1)[1].strip() for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    assert any(req.startswith("msrest") for req in requires), requires
    assert any(req.startswith("azure-mgmt-kubernetesconfiguration-fluxconfigurations") for req in requires)
    assert any(req.startswith("azure-mgmt-kubernetesconfiguration-extensions") for req in requires)


def _imported_modules_for(args):
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "azure.cli", *args],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=az_working_dir(),
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    modules = set()
    for line in completed.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            modules.add(line.rsplit("|", 1)[1].strip())
    return completed.stdout, modules


@pytest.mark.parametrize(
    "group",
    [["k8s-extension"], ["k8s-configuration"], ["k8s-configuration", "flux"], ["k8s-configuration", "flux", "create"]],
)
def test_help_renders_without_heavy_imports(extension_wheel, group):
    stdout, modules = _imported_modules_for([*group, "-h"])
    assert "az " + " ".join(group) in stdout
    heavy = sorted(m for m in modules if m.startswith(HEAVY_MODULES))
    assert heavy == [], f"help imported {heavy[:10]}"


def test_extension_is_listed(extension_wheel):
    from tests.harness.runner import az_executable, run_az_subprocess

    listed = run_az_subprocess(az_executable(), dict(os.environ), "extension", "list", "-o", "json").json
    assert [ext["name"] for ext in listed] == ["k8s-flux"]
    assert listed[0]["version"] == "0.1.0"


def test_wheel_holds_exactly_the_source_modules(extension_wheel):
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    source = {str(p.relative_to(root)) for p in (root / "azext_k8s_flux").rglob("*.py")}
    packaged = {name for name in zipfile.ZipFile(extension_wheel).namelist() if name.endswith(".py")}
    assert packaged == source
