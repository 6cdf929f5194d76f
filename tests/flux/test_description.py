"""The description of the source options (flux_model) is the only place a field is declared: a field added to it,
here a made-up one, is in the help, parsed and checked, sent in the PUT and in the PATCH, and masked, with no
other edit."""

import pytest
from azure.cli.core.azclierror import InvalidArgumentValueError, MutuallyExclusiveArgumentError

from azext_k8s_flux import flux_model
from azext_k8s_flux.flux_model import source_fields
from azext_k8s_flux.flux_model.field import SourceField
from azext_k8s_flux.flux_model.kinds import GIT
from azext_k8s_flux.operations.flux import flux_create, flux_update
from azext_k8s_flux.operations.flux_view import public_configuration
from tests.flux.cases import arguments
from tests.flux.existing import git_configuration
from tests.flux.fakes import FakeFluxClient, wire

GIT_HTTPS = "https://github.com/org/fleet"


def _replica_count(value, flag):
    if not str(value).isdigit():
        raise InvalidArgumentValueError(f"Invalid {flag} '{value}': give a whole number.")
    return int(value)


@pytest.fixture
def made_up_field(monkeypatch):
    """A secret Git field with a file form, a parser, a nested API path and an official alias."""
    field = SourceField("mirror_replicas", (GIT,), "How many mirrors to keep (made up for this test).", "Git Auth",
                        api="mirror.replicas", parse=_replica_count, secret=True, file="line",
                        aliases=("--mirror-count",))  # fmt: skip
    monkeypatch.setattr(source_fields, "FIELDS", [*source_fields.FIELDS, field])
    return field


def _create(cmd, **options):
    client = FakeFluxClient()
    flux_create(cmd, client, **arguments(url=GIT_HTTPS, branch="main", **options))
    (verb, args, kwargs), = client.writes()
    return verb, wire(args[-1]), kwargs


def test_it_is_in_the_help_with_its_alias_and_file_form(made_up_field, cli, capsys):
    cli("k8s-configuration flux create -h")
    help_text = capsys.readouterr().out
    assert "Git Auth Arguments" in help_text
    for option in ("--mirror-replicas", "--mirror-count", "--mirror-replicas-file", "How many mirrors to keep"):
        assert option in help_text


def test_the_command_line_parses_it_and_its_parser_checks_it(made_up_field, cli):
    base = f"k8s-configuration flux create -g rg -c c1 -t connectedClusters -n cfg -u {GIT_HTTPS} --branch main"
    result = cli(base + " --mirror-count many", expect=None)
    assert result.exit_code != 0
    assert "Invalid --mirror-replicas 'many': give a whole number." in result.stderr


def test_it_lands_in_the_put_and_keeps_the_body_out_of_debug(made_up_field, cmd, clients, tmp_path):
    path = tmp_path / "replicas"
    path.write_text("3\n")
    verb, body, kwargs = _create(cmd, mirror_replicas_file=str(path))
    assert verb == "PUT"
    assert body["properties"]["gitRepository"]["mirror"] == {"replicas": 3}
    assert kwargs["logging_enable"] is False


def test_other_kinds_refuse_it(made_up_field, cmd, clients):
    with pytest.raises(MutuallyExclusiveArgumentError, match="--mirror-replicas cannot be used with a Bucket"):
        flux_create(cmd, FakeFluxClient(), **arguments(kind="bucket", url="https://s3.amazonaws.com",
                                                        bucket_name="b", local_auth_ref="s", mirror_replicas="2"))


def test_it_lands_in_the_patch(made_up_field, cmd):
    client = FakeFluxClient(git_configuration())
    flux_update(cmd, client, **arguments(mirror_replicas="5"))
    (verb, args, kwargs), = client.writes()
    assert verb == "PATCH"
    assert wire(args[-1])["properties"] == {"gitRepository": {"mirror": {"replicas": 5}}}
    assert kwargs["logging_enable"] is False


def test_it_is_masked_in_output(made_up_field):
    shown = public_configuration({"properties": {"gitRepository": {"url": GIT_HTTPS, "mirror": {"replicas": 7}}}})
    assert shown["properties"]["gitRepository"] == {"url": GIT_HTTPS, "mirror": {"replicas": ""}}


def test_the_description_covers_every_kind_and_declares_secrets_once():
    for field in flux_model.fields():
        assert field.kinds and (field.api or field.protected), field.name
        assert not (field.protected and not field.secret), field.name
        assert field.file or not field.secret, field.name  # every secret option also accepts a file
