"""Packaging of the k8s-flux Azure CLI extension (only azext_k8s_flux goes into the wheel)."""

from setuptools import find_packages, setup

VERSION = "0.1.0"

CLASSIFIERS = [
    "Development Status :: 4 - Beta",
    "Intended Audience :: Developers",
    "Intended Audience :: System Administrators",
    "Programming Language :: Python :: 3",
    "Programming Language :: Python :: 3.10",
    "Programming Language :: Python :: 3.11",
    "Programming Language :: Python :: 3.12",
    "License :: OSI Approved :: MIT License",
]

# azure-cli brings azure-core, azure-mgmt-core, knack and azure-identity; these are what the
# extension itself needs on top. azure-cli-core imports msrest at run time without declaring it.
DEPENDENCIES = [
    "azure-mgmt-kubernetesconfiguration==3.1.0",
    "azure-mgmt-kubernetesconfiguration-fluxconfigurations==1.0.0",
    "azure-mgmt-kubernetesconfiguration-extensions==1.0.0",
    "azure-mgmt-kubernetesconfiguration-extensiontypes==1.0.0b2",
    "azure-mgmt-resourcegraph==8.0.1",
    "msrest>=0.7.1",
    "pyyaml>=6.0",
    "ruamel.yaml>=0.18",
]

with open("README.md", encoding="utf-8") as readme:
    LONG_DESCRIPTION = readme.read()

setup(
    name="k8s-flux",
    version=VERSION,
    description="GitOps with Flux v2 on AKS and Azure Arc-enabled Kubernetes: k8s-extension and "
    "k8s-configuration commands that know Flux.",
    long_description=LONG_DESCRIPTION,
    long_description_content_type="text/markdown",
    license="MIT",
    author="azext_k8s_flux maintainers",
    url="https://github.com/azext-k8s-flux/azext_k8s_flux",
    classifiers=CLASSIFIERS,
    packages=find_packages(include=["azext_k8s_flux", "azext_k8s_flux.*"]),
    install_requires=DEPENDENCIES,
    package_data={"azext_k8s_flux": ["azext_metadata.json"]},
)
