"""Policy set definitions: member checks, and each member's parameters from the set assignment's values."""

from __future__ import annotations

import pytest
from policy_helpers import definition

from arm_emulator.core.errors import ArmError
from arm_emulator.policy.sets import member_parameters, members, validate_set_definition

EXT_ID = "/subscriptions/s/providers/Microsoft.Authorization/policyDefinitions/flux-extension"
CFG_ID = "/subscriptions/s/providers/Microsoft.Authorization/policyDefinitions/flux-baseline"
KNOWN = {EXT_ID.lower(): definition("flux-extension"), CFG_ID.lower(): definition("flux-git-public")}
SET = {
    "parameters": {"repositoryUrl": {"type": "String"}, "branch": {"type": "String", "defaultValue": "main"}},
    "policyDefinitions": [
        {"policyDefinitionId": EXT_ID, "policyDefinitionReferenceId": "install-flux",
         "parameters": {"helmControllerEnabled": {"value": False}}},
        {"policyDefinitionId": CFG_ID, "policyDefinitionReferenceId": "baseline",
         "parameters": {"configurationName": {"value": "baseline"},
                        "repositoryUrl": {"value": "[parameters('repositoryUrl')]"},
                        "repositoryRefBranch": {"value": "[concat('release/', parameters('branch'))]"}}},
    ],
}


def lookup(definition_id):
    return KNOWN.get(definition_id.lower())


def test_a_set_of_the_extension_and_a_configuration_is_valid_and_binds_member_parameters():
    validate_set_definition(SET, lookup)
    given = {"repositoryUrl": {"value": "https://example.org/fleet"}}
    first, second = members(SET)
    assert member_parameters(SET, given, first) == {"helmControllerEnabled": {"value": False}}
    assert member_parameters(SET, given, second) == {
        "configurationName": {"value": "baseline"}, "repositoryUrl": {"value": "https://example.org/fleet"},
        "repositoryRefBranch": {"value": "release/main"}}


def with_member(index, **changes):
    out = {**SET, "policyDefinitions": [dict(m) for m in SET["policyDefinitions"]]}
    out["policyDefinitions"][index].update(changes)
    return out


@pytest.mark.parametrize("properties, code, words", [
    ({**SET, "policyDefinitions": []}, "InvalidPolicyRule", "non-empty 'policyDefinitions'"),
    (with_member(1, policyDefinitionId=CFG_ID + "-gone"), "PolicyDefinitionNotFound", "flux-baseline-gone"),
    (with_member(1, policyDefinitionReferenceId="INSTALL-flux"), "InvalidPolicyRule", "used twice"),
    (with_member(0, parameters={"helmEnabled": {"value": True}}), "InvalidPolicyParameters", "'helmEnabled'"),
    (with_member(1, parameters={"repositoryUrl": {"value": "[parameters('url')]"}}), "UndefinedPolicyParameter",
     "'url'"),
])
def test_an_invalid_set_is_refused(properties, code, words):
    with pytest.raises(ArmError) as caught:
        validate_set_definition(properties, lookup)
    assert caught.value.code == code and words in caught.value.message


def test_a_set_assignment_missing_a_required_parameter_is_refused():
    with pytest.raises(ArmError) as caught:
        member_parameters(SET, {}, members(SET)[1])
    assert caught.value.code == "MissingPolicyParameter" and "'repositoryUrl'" in caught.value.message
