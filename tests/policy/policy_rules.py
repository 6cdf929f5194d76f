"""A small evaluator of the Azure Policy rule language the generated definitions use (allOf/anyOf/not, field and
value conditions, equals/notEquals/in, [parameters()] and [field()]), over a resource as ARM returns it.

Template functions are the ARM emulator's (arm_emulator/templates); `field` reads the resource through aliases:
`<provider>/<type>/<path>` is `properties.<path>` of a resource of that type, as Azure's default paths are.
"""

from arm_emulator.templates.evaluate import Evaluator
from arm_emulator.templates.expressions import is_expression, parse
from arm_emulator.templates.resourceids import Scope

_SCOPE = Scope("00000000-0000-0000-0000-000000000000", "tenant", "rg", "eastus", "policy")


def field_value(resource, name):
    if name.lower() in ("name", "type", "location", "id"):
        return resource.get(name.lower())
    provider, type_name, path = name.split("/", 2)
    assert f"{provider}/{type_name}".lower() == str(resource.get("type", "")).lower(), (name, resource.get("type"))
    node = resource.get("properties")
    for key in path.split("."):
        node = node.get(key) if isinstance(node, dict) else None
    return node


class PolicyEvaluator(Evaluator):
    def __init__(self, resource, parameters):
        super().__init__(_SCOPE, parameters, {})
        self.resource = resource

    def node(self, node):
        if node[0] == "call" and node[1].lower() == "field":
            return field_value(self.resource, self.node(node[2][0]))
        return super().node(node)

    def expression(self, value):
        if isinstance(value, str) and is_expression(value):
            return self.node(parse(value))
        return self.value(value)


def _same(left, right):
    if isinstance(left, str) and isinstance(right, str):
        return left.lower() == right.lower()
    if isinstance(left, bool) or isinstance(right, bool):
        return left is right
    return left == right


def holds(condition, resource, parameters):
    """Whether `condition` is true for `resource` with the policy parameter values `parameters`."""
    evaluator = PolicyEvaluator(resource, parameters)
    if "allOf" in condition:
        return all(holds(c, resource, parameters) for c in condition["allOf"])
    if "anyOf" in condition:
        return any(holds(c, resource, parameters) for c in condition["anyOf"])
    if "not" in condition:
        return not holds(condition["not"], resource, parameters)
    actual = field_value(resource, condition["field"]) if "field" in condition else \
        evaluator.expression(condition["value"])
    for operator in ("equals", "notEquals", "in", "notIn"):
        if operator in condition:
            expected = evaluator.expression(condition[operator])
            if operator in ("equals", "notEquals"):
                return _same(actual, expected) == (operator == "equals")
            return any(_same(actual, e) for e in expected) == (operator == "in")
    raise AssertionError(f"an operator the generated definitions do not use: {condition}")


def deployment_parameters(definition, cluster_resource, vault_value, assigned=None):
    """The parameters DINE passes to the deployment for `cluster_resource`, with the assignment's values
    (`assigned`, the definition's defaults for the rest); a Key Vault reference is resolved to `vault_value`."""
    defaults = {name: spec.get("defaultValue") for name, spec in definition["parameters"].items()}
    defaults.update(assigned or {})
    evaluator = PolicyEvaluator(cluster_resource, defaults)
    given = definition["policyRule"]["then"]["details"]["deployment"]["properties"]["parameters"]
    resolved = {}
    for name, spec in given.items():
        if "reference" in spec:
            assert evaluator.expression(spec["reference"]["keyVault"]["id"]).startswith("/subscriptions/")
            resolved[name] = {"value": vault_value}
        else:
            resolved[name] = {"value": evaluator.expression(spec["value"])}
    return resolved
