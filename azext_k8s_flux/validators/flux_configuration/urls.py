"""Source URLs: which scheme each source kind accepts."""

import re

from azure.cli.core.azclierror import InvalidArgumentValueError

_SCP_LIKE = re.compile(r"^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:.+")
# Linear time: the user part stops at the first ':' ([^/@:]), so no input makes the two runs trade characters
# (a URL of many ':' took the former pattern quadratic time: 38 s for 120,000 characters).
_USERINFO = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@:]*:[^/@]*@")
# Far beyond any repository URL (browsers and Git hosts stop near 2,000-8,000 characters).
MAX_URL_LENGTH = 8192


_QUERY = re.compile(r"\?.*$", re.S)


def display(url):
    """The URL for messages: a password or token written into it (https://user:token@host) and its query
    string (where SAS tokens and access tokens travel) are hidden."""
    return _QUERY.sub("?***", _USERINFO.sub(r"\1***@", url or ""))


def has_password(url):
    """Whether a password or token is written into the URL (https://user:token@host)."""
    return bool(_USERINFO.match(url or ""))


def check_no_password(url):
    """A password or token inside the URL would be stored in plain text and shown by `show`: refuse it.
    (The first check of every source URL: a URL too long for any server is refused here, unrepeated.)"""
    if len(url or "") > MAX_URL_LENGTH:
        raise InvalidArgumentValueError(
            f"--url is {len(url)} characters long: a repository URL has at most {MAX_URL_LENGTH}. Check the value."
        )
    if has_password(url):
        raise InvalidArgumentValueError(
            f"--url '{display(url)}' carries a password or token. It would be stored and shown in plain text: "
            "give the URL without it, and the credentials with --https-user and --https-key-file "
            "(or --local-auth-ref)."
        )
    if "?" in (url or "") and "://" in url:
        # A Blob SAS URL (?sv=...&sig=...) or a token parameter: Flux sources take no query string, and this one
        # would be stored and shown in plain text.
        raise InvalidArgumentValueError(
            f"--url '{display(url)}' has a query string, which a Flux source URL does not take; it often holds a "
            "SAS token or another credential, which would be stored and shown in plain text. Give the URL "
            "without '?...', and a SAS token with --sas-token-file (Azure Blob) or credentials with their own "
            "options."
        )


def is_ssh_url(url):
    """ssh://... or git's scp-like user@host:path (None: not SSH)."""
    url = url or ""
    return url.lower().startswith("ssh://") or bool(_SCP_LIKE.match(url))


def is_http_url(url):
    return url.lower().startswith(("http://", "https://"))


def _has_host(url):
    """A URL with a scheme must name a host, and no URL holds whitespace (a pasted or split value)."""
    from urllib.parse import urlsplit

    if any(ch.isspace() for ch in url):
        return False
    if "://" not in url:
        return True  # scp-like git@host:path, checked by its own pattern
    try:
        return bool(urlsplit(url).hostname)
    except ValueError:  # e.g. a malformed port or IPv6 literal
        return False


def check_git_url(url):
    check_no_password(url)
    if not url or not (is_http_url(url) or is_ssh_url(url)) or not _has_host(url):
        raise InvalidArgumentValueError(
            f"Invalid --url '{display(url)}' for a Git repository: "
            "use an http://, https://, ssh:// or git@host:path URL."
        )


def check_http_url(url, kind):
    check_no_password(url)
    if not url or not is_http_url(url) or not _has_host(url):
        raise InvalidArgumentValueError(f"Invalid --url '{display(url)}' for {kind}: use an http:// or https:// URL.")


def check_oci_url(url):
    check_no_password(url)
    if not url or not url.lower().startswith("oci://") or not _has_host(url):
        raise InvalidArgumentValueError(
            f"Invalid --url '{display(url)}' for an OCI repository: "
            "use an oci:// URL such as oci://ghcr.io/org/manifests."
        )
