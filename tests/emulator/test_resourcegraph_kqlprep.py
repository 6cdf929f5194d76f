"""Each rewrite of the thin layer in front of the KQL engine, and that string literals are left alone."""

from __future__ import annotations

import pytest

from arm_emulator.resourcegraph.kqlprep import ParseRewriteError, prepare


def test_text_without_anything_to_rewrite_is_unchanged():
    query = "resources | where type =~ 'a|b' and name has \"parse\" | project id, name"
    assert prepare(query).text == query and prepare(query).renames == {}


def test_windows_line_ends_and_mvexpand():
    assert prepare("resources\r\n| mvexpand t = tags\r\n| count").text == "resources\n| mv-expand t = tags\n| count"


def test_table_names_ignore_case_but_property_steps_do_not_change():
    assert prepare("Resources | where properties.Resources == 1").text == (
        "resources | where properties.Resources == 1")


def test_parse_becomes_extract_with_case_blind_literals_and_typed_columns():
    text = prepare("t | parse id with * '/clusters/' cluster:string '/nodes/' count:int").text
    assert text == ("t | extend cluster = extract(@'(?is)^.*?/clusters/(.*?)/nodes/(.*)$', 1, tostring(id)), "
                    "count = toint(extract(@'(?is)^.*?/clusters/(.*?)/nodes/(.*)$', 2, tostring(id)))\n")


def test_a_parse_that_cannot_be_read_is_refused():
    with pytest.raises(ParseRewriteError):
        prepare("t | parse id with * 'unterminated")


def test_empty_string_tests_become_isempty():
    assert prepare("t | where a1 == '' and b != \"\" and c == 'x'").text == (
        "t | where isempty(a1) and isnotempty(b) and c == 'x'")


def test_iff_mixing_text_and_dynamic_makes_the_dynamic_branch_text():
    assert prepare("t | extend m = iff(ok, \"fine\", properties.S[0].M)").text == (
        "t | extend m = iff(ok, \"fine\", tostring(properties.S[0].M))")
    assert prepare("t | extend m = iff(ok, properties.a, properties.b)").text == (
        "t | extend m = iff(ok, properties.a, properties.b)")


def test_a_column_named_like_a_table_column_in_another_case_gets_an_internal_name():
    prepared = prepare("t | extend ResourceGroup = resourceGroup | project ResourceGroup, resourceGroup")
    assert prepared.text == ("t | extend ResourceGroup__1 = resourceGroup | project ResourceGroup__1, "
                             "resourceGroup")
    assert prepared.column_name("ResourceGroup__1") == "ResourceGroup"
    assert prepared.column_name("ResourceGroup__12") == "ResourceGroup2"
    assert prepared.column_name("other") == "other"
