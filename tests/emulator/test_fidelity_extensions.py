"""extensions answer as Azure does at each api-version: the exchanges the official extension's recorded
traffic shows (2020-07-01-preview, 2021-09-01, 2022-03-01, 2022-11-01, 2023-05-01) and the 2025-03-01
spec examples, replayed with our own names and values."""

from __future__ import annotations

import pytest
from emu_helpers import item_path
from fidelity_helpers import ASYNC, ASYNC_AND_LOCATION, DELETED, ENVELOPE, ERROR, LIST, OPERATION, expect

from arm_emulator.providers.versions import EXTENSIONS

COLLECTION = item_path("extensions", "x").rsplit("/", 1)[0]
RECORDED_BEFORE_2022_11 = ("aksAssignedIdentity", "autoUpgradeMinorVersion", "configurationProtectedSettings",
                           "configurationSettings", "extensionType", "installState", "provisioningState",
                           "releaseTrain", "scope", "statuses", "version")
RECORDED_2022_11 = tuple(k for k in RECORDED_BEFORE_2022_11 if k != "installState") + ("isSystemExtension",)
RECORDED_2023_05 = RECORDED_2022_11 + ("currentVersion",)
PREVIEW_2020_07 = ("autoUpgradeMinorVersion", "configurationSettings", "creationTime", "errorInfo", "extensionType",
                   "installState", "lastModifiedTime", "lastStatusTime", "releaseTrain", "scope", "statuses",
                   "version")


def _body(**props) -> dict:
    return {"properties": {"extensionType": "contoso.sample-agent", "autoUpgradeMinorVersion": False,
                           "releaseTrain": "stable", "version": "2.4.1",
                           "scope": {"cluster": {"releaseNamespace": "sample-agent"}},
                           "configurationSettings": {"logLevel": "debug"}, "configurationProtectedSettings": {},
                           **props}}


@pytest.mark.parametrize(("api", "keys"), [("2021-09-01", RECORDED_BEFORE_2022_11),
                                           ("2022-03-01", RECORDED_BEFORE_2022_11),
                                           ("2022-11-01", RECORDED_2022_11), ("2023-05-01", RECORDED_2023_05)])
def test_create_list_show_force_delete_as_recorded(arm, api, keys):
    path = item_path("extensions", "sample-agent")
    expect(arm.put(path, api, _body()), 201, lro=ASYNC_AND_LOCATION, body=ENVELOPE, properties=keys)
    expect(arm.get(COLLECTION, api), 200, body=LIST, item=ENVELOPE, item_properties=keys)
    expect(arm.get(path, api), 200, body=ENVELOPE, properties=keys)
    expect(arm.delete(path, api, forceDelete="true"), 200, body=DELETED)
    listed = arm.get(COLLECTION, api)
    expect(listed, 200, body=LIST)
    assert listed.json() == {"value": [], "nextLink": None}


def test_async_create_and_delete_poll_like_recorded_2021_09(arm):
    api, path = "2021-09-01", item_path("extensions", "sample-agent")
    created = arm.put(path, api, _body())
    expect(created, 201, lro=ASYNC_AND_LOCATION, body=ENVELOPE, properties=RECORDED_BEFORE_2022_11)
    assert created.json()["properties"]["installState"] == "Unknown"
    poll = arm.session.get(created.headers["Azure-AsyncOperation"], timeout=10)
    expect(poll, 200, body=OPERATION)
    shown = arm.wait(path, api, lambda b: b["properties"]["provisioningState"] == "Succeeded")
    assert shown["properties"]["installState"] == "Installed"
    deleting = arm.delete(path, api, forceDelete="false")
    expect(deleting, 202, lro=ASYNC)  # no Location on deletes, and no body
    expect(arm.session.get(deleting.headers["Azure-AsyncOperation"], timeout=10), 200, body=OPERATION)


def test_2020_07_01_preview_is_synchronous_with_its_own_status_fields(arm):
    api, path = "2020-07-01-preview", item_path("extensions", "sample-agent")
    expect(arm.put(path, api, _body()), 200, body=("id", "name", "type", "properties"), properties=PREVIEW_2020_07)
    listed_keys = tuple(k for k in PREVIEW_2020_07 if k not in ("configurationSettings", "statuses"))
    expect(arm.get(COLLECTION, api), 200, body=LIST, item=("id", "name", "type", "properties"),
           item_properties=listed_keys)
    expect(arm.delete(path, api), 200, body=DELETED)
    expect(arm.get(path, api), 404, body=ERROR, error="ResourceNotFound")


def test_2025_03_01_shows_the_fields_that_version_defines(arm):
    api, path = "2025-03-01", item_path("extensions", "sample-agent")
    expect(arm.put(path, api, _body(autoUpgradeMode="compatible")), 201, lro=ASYNC_AND_LOCATION, body=ENVELOPE,
           properties=RECORDED_2023_05 + ("autoUpgradeMode",))
    done = arm.wait(path, api, lambda b: b["properties"]["provisioningState"] == "Succeeded")
    assert done["properties"]["extensionState"] == "Ready"
    # The same resource read at an older version: no 2025-03-01 fields, and no empty errorInfo & co.
    older = arm.get(path, "2023-05-01")
    expect(older, 200, body=ENVELOPE, properties=RECORDED_2023_05)


def test_every_registered_version_is_accepted_and_others_get_arm_error(arm):
    for api in EXTENSIONS.versions:
        expect(arm.get(item_path("extensions", "none"), api), 404, body=ERROR, error="ResourceNotFound")
    refused = arm.get(item_path("extensions", "none"), "2021-03-01")
    expect(refused, 400, body=ERROR, error="NoRegisteredProviderFound")
    assert "for type 'extensions'" in refused.json()["error"]["message"]


def test_unknown_request_properties_are_dropped_not_echoed(arm):
    path = item_path("extensions", "sample-agent")
    created = arm.put(path, "2023-05-01", _body(notAField="x", favouriteColour={"a": 1}))
    expect(created, 201, lro=ASYNC_AND_LOCATION, body=ENVELOPE, properties=RECORDED_2023_05)
    assert "notAField" not in arm.get(path, "2025-03-01").json()["properties"]


def test_fields_newer_than_the_request_version_are_ignored(arm):
    path = item_path("extensions", "sample-agent")
    arm.put(path, "2023-05-01", _body(autoUpgradeMode="patch"))
    assert "autoUpgradeMode" not in arm.get(path, "2025-03-01").json()["properties"]
    arm.put(path, "2025-03-01", _body(autoUpgradeMode="patch"))
    assert arm.get(path, "2025-03-01").json()["properties"]["autoUpgradeMode"] == "patch"


@pytest.mark.parametrize("raw", [b"{", b"[]", b'{"properties": 5}', b'{"properties": {"scope": "cluster"}}',
                                 b'{"properties": {"extensionType": 7}}'])
def test_malformed_bodies_get_400_invalid_request_content(arm, raw):
    response = arm.call("PUT", item_path("extensions", "bad"), "2025-03-01", raw=raw)
    expect(response, 400, body=ERROR, error="InvalidRequestContent")
