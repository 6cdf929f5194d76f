"""The two DeployIfNotExists definitions and the initiative that assigns them together.

`generate` takes a configuration and its cluster's microsoft.flux extension as ARM returned them, and the user's
choices (parameters, the secret source), and returns plain JSON: what `az policy definition create` and
`az policy set-definition create` take.
"""

from dataclasses import dataclass, field

from azext_k8s_flux.document import writable
from azext_k8s_flux.document.arm_template import stored_as_base64
from azext_k8s_flux.flux_model.kinds import KINDS
from azext_k8s_flux.policy import existence, parameters, secrets, templates
from azext_k8s_flux.policy.aliases import EXTENSION_TYPE, FLUX_TYPE
from azext_k8s_flux.policy.values import parameter, with_parameters

CONTRIBUTOR = "/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c"
CLUSTER_TYPES = ["Microsoft.Kubernetes/connectedClusters", "Microsoft.ContainerService/managedClusters"]
EXTENSION_REFERENCE, CONFIGURATION_REFERENCE = "flux-extension", "flux-configuration"
EXTENSION_NOTE = ("The configuration's deployment also writes the microsoft.flux extension it depends on, with "
                  "the same properties as the extension definition: a PUT of identical extension properties "
                  "changes nothing, and the configuration is never deployed before its extension. The extension "
                  "keeps the name it has on the cluster generated from; a cluster whose microsoft.flux has another "
                  "name fails the deployment (one microsoft.flux per cluster).")  # fmt: skip


@dataclass
class Generated:
    name: str  # the configuration's
    extension: dict  # {name, displayName, description, mode, metadata, parameters, policyRule}
    configuration: dict
    warnings: list = field(default_factory=list)

    def initiative(self, definition_id):
        """{name, displayName, description, metadata, parameters, definitions} of the policy set;
        definition_id(name) gives a definition's resource ID."""
        chosen = self.configuration["parameters"]
        shared = {n: {"value": parameter(n)} for n in self.extension["parameters"]}
        return {
            "name": f"{self.name}-flux", "displayName": f"Flux configuration '{self.name}' with its extension",
            "description": "Installs microsoft.flux and creates the Flux configuration on every AKS and Arc cluster "
                           "in scope.",
            "metadata": {"category": "Kubernetes"}, "parameters": chosen,
            "definitions": [
                {"policyDefinitionReferenceId": EXTENSION_REFERENCE,
                 "policyDefinitionId": definition_id(self.extension["name"]), "parameters": shared},
                {"policyDefinitionReferenceId": CONFIGURATION_REFERENCE,
                 "policyDefinitionId": definition_id(self.configuration["name"]),
                 "parameters": {n: {"value": parameter(n)} for n in chosen}},
            ],
        }  # fmt: skip


def _rule(details_type, effect, details):
    return {"if": {"field": "type", "in": list(CLUSTER_TYPES)},
            "then": {"effect": effect, "details": {"type": details_type, **details,
                                                   "roleDefinitionIds": [CONTRIBUTOR]}}}  # fmt: skip


def _definition(name, display, description, metadata, params, rule):
    return {"name": name, "displayName": display, "description": description, "mode": "Indexed",
            "metadata": {"category": "Kubernetes", **metadata}, "parameters": params, "policyRule": rule}


def _effect(chosen):
    return parameter("effect") if any(c.token == "effect" for c in chosen) else "DeployIfNotExists"


def _template_inputs(chosen):
    """Template parameters and deployment values of the chosen parameters a template uses."""
    used = [c for c in chosen if c.path]
    return ({c.name: {"type": c.template_type} for c in used},
            {c.name: {"value": parameter(c.name)} for c in used})  # fmt: skip


def _parameterized(chosen, extension):
    """{path: parameter reference} of the chosen fields of the configuration (or of the extension)."""
    return {c.path: parameter(c.name) for c in chosen if c.path and c.extension is extension}


def _extension_definition(name, extension, chosen):
    ext_chosen = [c for c in chosen if c.token == "effect" or c.extension]
    ext_name, ext_props = extension.get("name") or "flux", writable.writable_extension(extension)
    by_path = _parameterized(chosen, extension=True)
    resource = templates.extension_resource(ext_name, with_parameters(ext_props, by_path))
    rule = _rule(EXTENSION_TYPE, _effect(chosen), {
        "existenceCondition": existence.extension_condition(ext_props, by_path),
        "deployment": templates.deployment([resource], *_template_inputs(ext_chosen))})
    return _definition(f"{name}-flux-extension", f"microsoft.flux for Flux configuration '{name}'",
                       "Installs the microsoft.flux cluster extension with the settings it has on the cluster the "
                       "definition was generated from.", {}, {c.name: c.definition(name) for c in ext_chosen},
                       rule)  # fmt: skip


def _secret_wiring(vault_secrets, key_vault):
    """Template parameters, deployment values and policy parameters of the Key Vault references."""
    template_params, values, policy_params = {}, {}, {}
    if vault_secrets:
        policy_params[secrets.VAULT_PARAMETER] = {"type": "String", "defaultValue": key_vault, "metadata": {
            "displayName": "Key Vault resource ID", "strongType": "Microsoft.KeyVault/vaults",
            "assignPermissions": True,
            "description": "The RESOURCE ID of the Key Vault (/subscriptions/.../resourceGroups/.../providers/"
                           "Microsoft.KeyVault/vaults/NAME), not its name. The vault must allow template deployment "
                           "(enabledForTemplateDeployment)."}}  # fmt: skip
    for secret in vault_secrets:
        template_params[secret.parameter] = {"type": "securestring"}
        values[secret.parameter] = {"reference": {"keyVault": {"id": parameter(secrets.VAULT_PARAMETER)},
                                                  "secretName": parameter(secret.name_parameter)}}  # fmt: skip
        held = ("the plain value (the deployment base64-encodes it)" if stored_as_base64(secret.field)
                else "the value")  # fmt: skip
        policy_params[secret.name_parameter] = {"type": "String", "defaultValue": secret.secret_name, "metadata": {
            "displayName": f"Key Vault secret of {secret.option}",
            "description": f"Name of the Key Vault secret that holds {held} of --{secret.option}."}}
    return template_params, values, policy_params


def generate(configuration, extension, tokens=None, local_auth_ref=None, key_vault=None, vault_pairs=None):
    name = configuration["name"]
    properties = writable.writable_configuration(configuration)
    kind = properties["sourceKind"]
    source_key = KINDS[kind].property
    raw_source = (configuration.get("properties") or {}).get(source_key) or {}
    vault_secrets = secrets.plan(kind, raw_source, local_auth_ref, key_vault, vault_pairs or {})
    if local_auth_ref:
        properties[source_key] = secrets.use_local_secret(kind, properties[source_key], local_auth_ref)
    extra = 1 + len(vault_secrets) if vault_secrets else 0
    available = parameters.candidates(properties, writable.writable_extension(extension))
    chosen = parameters.select(tokens, available, extra)
    condition, not_compared = existence.configuration_condition(properties, _parameterized(chosen, False))
    resource_props = with_parameters(properties, _parameterized(chosen, False))
    template_params, values, policy_params = _secret_wiring(vault_secrets, key_vault)
    chosen_params, chosen_values = _template_inputs(chosen)
    extension_definition = _extension_definition(name, extension, chosen)
    ext_resource = extension_definition["policyRule"]["then"]["details"]["deployment"]["properties"]["template"][
        "resources"][0]
    resources = [ext_resource,
                 templates.configuration_resource(name, resource_props, vault_secrets, ext_resource["name"])]
    rule = _rule(FLUX_TYPE, _effect(chosen), {"name": name, "existenceCondition": condition, "deployment":
                 templates.deployment(resources, {**template_params, **chosen_params}, {**values, **chosen_values})})
    metadata = {"fluxConfiguration": name, "notComparedFields": not_compared, "note": EXTENSION_NOTE}
    config_def = _definition(f"{name}-flux-configuration", f"Flux configuration '{name}'",
                             f"Creates the Flux configuration '{name}' ({kind}, {len(properties['kustomizations'])} "
                             "kustomizations) on every AKS and Arc cluster in scope, with its microsoft.flux "
                             "extension.", metadata, {**{c.name: c.definition(name) for c in chosen}, **policy_params},
                             rule)  # fmt: skip
    warnings = _warnings(not_compared, extension, local_auth_ref)
    return Generated(name, extension_definition, config_def, warnings)


def _warnings(not_compared, extension, local_auth_ref):
    found = []
    if not_compared:
        found.append("No Azure Policy alias exists for " + ", ".join(not_compared) + ": the definition writes "
                     "these fields but cannot check them on a cluster (listed in its metadata).")
    protected = writable.protected_setting_keys(extension)
    if protected:
        found.append("microsoft.flux has protected settings (" + ", ".join(protected) + ") that ARM never returns; "
                     "the generated deployment of the extension does not carry them.")
    if local_auth_ref:
        found.append(f"Every cluster in scope needs the Kubernetes secret '{local_auth_ref}' in the configuration's "
                     "namespace before the configuration can sync.")
    return found
