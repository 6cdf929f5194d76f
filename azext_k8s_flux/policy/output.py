"""What `flux policy generate` hands over: the files `az policy definition create --rules --params` and
`az policy set-definition create --definitions --params` read, and those commands, ready to run."""

import json
import shlex
from pathlib import Path

DEFINITION_ID = "/subscriptions/{subscription}/providers/Microsoft.Authorization/policyDefinitions/{name}"


def definition_id(subscription):
    return lambda name: DEFINITION_ID.format(subscription=subscription, name=name)


def _definition_command(definition, rules, params, subscription):
    return shlex.join(["az", "policy", "definition", "create", "--name", definition["name"],
                       "--display-name", definition["displayName"], "--description", definition["description"],
                       "--mode", definition["mode"], "--metadata", "category=Kubernetes",
                       "--rules", rules, "--params", params, "--subscription", subscription])  # fmt: skip


def _initiative_command(initiative, definitions, params, subscription):
    return shlex.join(["az", "policy", "set-definition", "create", "--name", initiative["name"],
                       "--display-name", initiative["displayName"], "--description", initiative["description"],
                       "--metadata", "category=Kubernetes", "--definitions", definitions, "--params", params,
                       "--subscription", subscription])  # fmt: skip


def _files(generated, initiative):
    """{file name: JSON} of every file, in the order the commands use them."""
    files = {}
    for role, definition in (("flux-extension", generated.extension), (generated.name, generated.configuration)):
        files[f"{role}.rules.json"] = definition["policyRule"]
        files[f"{role}.params.json"] = definition["parameters"]
        files[f"{role}.definition.json"] = {"properties": {k: v for k, v in definition.items() if k != "name"}}
    files["initiative.definitions.json"] = initiative["definitions"]
    files["initiative.params.json"] = initiative["parameters"]
    return files


def commands(generated, initiative, subscription, folder):
    def path(name):
        return str(Path(folder) / name)

    return [
        _definition_command(generated.extension, path("flux-extension.rules.json"),
                            path("flux-extension.params.json"), subscription),
        _definition_command(generated.configuration, path(f"{generated.name}.rules.json"),
                            path(f"{generated.name}.params.json"), subscription),
        _initiative_command(initiative, path("initiative.definitions.json"), path("initiative.params.json"),
                            subscription),
    ]  # fmt: skip


def write(generated, subscription, folder):
    """Writes the files into `folder` (created if needed); returns what the command prints."""
    from azure.cli.core.azclierror import FileOperationError

    initiative = generated.initiative(definition_id(subscription))
    target = Path(folder)
    written = []
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name, content in _files(generated, initiative).items():
            (target / name).write_text(json.dumps(content, indent=2) + "\n", encoding="utf-8")
            written.append(str(target / name))
    except OSError as error:
        done = f" ({len(written)} of the files were written)" if written else ""
        raise FileOperationError(f"Could not write into --output-dir '{folder}': {error.strerror}{done}.") from None
    return {"files": written, "commands": commands(generated, initiative, subscription, folder),
            "warnings": generated.warnings}


def as_json(generated, subscription):
    """Everything in one JSON document, for stdout (--output-dir writes the files the az commands read)."""
    return {"definitions": [generated.extension, generated.configuration],
            "initiative": generated.initiative(definition_id(subscription)), "warnings": generated.warnings}
