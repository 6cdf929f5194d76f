"""Commits as Flux reports them: `<branch>/<sha>` (what ARG stores in sourceSyncedCommitId), Flux's newer
`<branch>@sha1:<sha>`, or a bare SHA (Bucket sources). One parser for what a user types, one test for a match."""

import re

_SHA = re.compile(r"^[0-9a-f]{7,64}$")


def parse_commit(value, option="--commit"):
    """(branch or None, sha) from `main/4f1bdad`, `release/1.2/4f1bdad`, `main@sha1:4f1bdad` or `4f1bdad`."""
    from azure.cli.core.azclierror import InvalidArgumentValueError

    text = (value or "").strip()
    branch, sha = _split(text)
    if not _SHA.match(sha) or branch == "":
        raise InvalidArgumentValueError(
            f"{option} '{value}' is not a commit: give a SHA (7 to 64 hexadecimal characters), optionally after "
            "its branch as Flux reports it, for example main/4f1bdad0 or 4f1bdad0.",
            recommendation="See the commit each configuration reports with: az k8s-configuration flux status",
        )
    return branch, sha


def _split(text):
    if "@" in text:
        branch, _, revision = text.rpartition("@")
    elif "/" in text:
        branch, _, revision = text.rpartition("/")
    else:
        branch, revision = None, text
    return branch, revision.rpartition(":")[2].lower()


def matches(reported, commit):
    """Whether the commit a configuration reports (`reported`) is `commit` = (branch or None, sha prefix)."""
    if not reported:
        return False
    branch, sha = commit
    reported_branch, reported_sha = _split(str(reported).strip())
    if not reported_sha.startswith(sha):
        return False
    return branch is None or (reported_branch or "").lower() == branch.lower()


def describe(commit):
    branch, sha = commit
    return f"{branch}/{sha}" if branch else sha
