"""Every command of the extension, with the options its handler takes and a base command line that is valid
on the fuzz cluster: generated values replace or add options, one command at a time."""

import inspect
from dataclasses import dataclass

from azext_k8s_flux.migrate import command as migrate
from azext_k8s_flux.operations import (
    check_manifests,
    deployed_object,
    extension,
    flux,
    kustomization,
    source_control,
    wait,
)

CONFIG = "fuzz-config"  # a Flux configuration that exists on the fuzz cluster
KUSTOMIZATION = "infra"  # and one of its kustomizations
REPOSITORY = "https://github.com/contoso/fleet"

# Options whose names differ from the handler's argument (azure-cli's default is --argument-name).
_RENAMED = {
    "resource_group_name": "-g", "cluster_name": "-c", "cluster_type": "-t", "name": "-n",
    "cluster_resource_provider": "--cluster-rp", "kustomization": "-k", "configuration_settings": "--config",
    "configuration_protected_settings": "--config-protected", "configuration_settings_file": "--config-file",
    "configuration_protected_settings_file": "--config-protected-file", "url": "-u", "repository_url": "-u",
    "wait_for_compliance": "--wait-for-compliance", "ssh_known_hosts": "--ssh-known-hosts",
}  # fmt: skip
_NOT_OPTIONS = {"cmd", "client"}


@dataclass(frozen=True)
class Command:
    words: str  # e.g. "k8s-configuration flux create"
    handler: object
    base: str  # options that make the command valid, with {cluster} for -g -c -t
    writes: bool  # whether it sends PUT/PATCH/DELETE when it succeeds
    waits: bool = False  # may exit 4 or 5 (flux wait, --wait)

    def options(self):
        """(option, is_flag) for every argument of the handler."""
        result = []
        for name, parameter in inspect.signature(self.handler).parameters.items():
            if parameter.kind is inspect.Parameter.VAR_KEYWORD:  # options registered from the description
                names = _kustomization_names() if self.handler.__module__.endswith("kustomization") else _source_names()
                result += [(_RENAMED.get(name, "--" + name.replace("_", "-")), False) for name in names]
                continue
            if name in _NOT_OPTIONS:
                continue
            option = _RENAMED.get(name, "--" + name.replace("_", "-"))
            result.append((option, parameter.default is False))
        return result


def _kustomization_names():
    from azext_k8s_flux.flux_model.kustomization_fields import keys

    return [key for key in keys() if key != "name"]


def _source_names():
    from azext_k8s_flux.flux_model import fields

    return [name for f in fields() for name in ((f.name, f.file_name) if f.file else (f.name,))]


FLUX = "k8s-configuration flux"
COMMANDS = [
    Command("k8s-extension create", extension.extension_create,
            "{cluster} -n fz-ext --extension-type contoso.monitor", True, waits=True),
    Command("k8s-extension update", extension.extension_update, "{cluster} -n flux --config a=b --yes", True,
            waits=True),
    Command("k8s-extension delete", extension.extension_delete, "{cluster} -n absent-ext --yes", True),
    Command("k8s-extension show", extension.extension_show, "{cluster} -n flux", False),
    Command("k8s-extension list", extension.extension_list, "{cluster}", False),
    Command("k8s-configuration create", source_control.source_control_create,
            "{cluster} -n v1 -u git@github.com:contoso/fleet.git --scope cluster", False),
    Command("k8s-configuration delete", source_control.source_control_delete, "{cluster} -n absent-v1 --yes", True),
    Command("k8s-configuration show", source_control.source_control_show, "{cluster} -n absent-v1", False),
    Command("k8s-configuration list", source_control.source_control_list, "{cluster}", False),
    Command(f"{FLUX} create", flux.flux_create,
            f"{{cluster}} -n fz-new --namespace fz -u {REPOSITORY} --branch main -k name=apps path=./apps", True,
            waits=True),
    Command(f"{FLUX} update", flux.flux_update, f"{{cluster}} -n {CONFIG} --branch main --yes", True, waits=True),
    Command(f"{FLUX} delete", flux.flux_delete, "{cluster} -n absent-config --yes", True),
    Command(f"{FLUX} show", flux.flux_show, f"{{cluster}} -n {CONFIG}", False),
    Command(f"{FLUX} list", flux.flux_list, "{cluster}", False),
    Command(f"{FLUX} wait", wait.flux_wait, f"{{cluster}} -n {CONFIG} --timeout 5 --interval 1", False, waits=True),
    Command(f"{FLUX} migrate", migrate.flux_migrate, "{cluster} --dry-run", True),
    Command(f"{FLUX} check-manifests", check_manifests.flux_check_manifests, "--path {manifests}", False),
    Command(f"{FLUX} kustomization create", kustomization.kustomization_create,
            f"{{cluster}} -n {CONFIG} -k fz-k --path ./fz", True, waits=True),
    Command(f"{FLUX} kustomization update", kustomization.kustomization_update,
            f"{{cluster}} -n {CONFIG} -k {KUSTOMIZATION} --path ./infrastructure", True, waits=True),
    Command(f"{FLUX} kustomization delete", kustomization.kustomization_delete,
            f"{{cluster}} -n {CONFIG} -k absent-k --yes", True),
    Command(f"{FLUX} kustomization show", kustomization.kustomization_show,
            f"{{cluster}} -n {CONFIG} -k {KUSTOMIZATION}", False),
    Command(f"{FLUX} kustomization list", kustomization.kustomization_list, f"{{cluster}} -n {CONFIG}", False),
    Command(f"{FLUX} deployed-object list", deployed_object.deployed_object_list, f"{{cluster}} -n {CONFIG}", False),
    Command(f"{FLUX} deployed-object show", deployed_object.deployed_object_show,
            f"{{cluster}} -n {CONFIG} --object-name {CONFIG} --object-kind GitRepository", False),
]  # fmt: skip
