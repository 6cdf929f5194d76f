"""Source URLs: which scheme each source kind accepts."""

import re

from azure.cli.core.azclierror import InvalidArgumentValueError

_SCP_LIKE = re.compile(r"^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:.+")
_USERINFO = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*:[^/@]*@")


def display(url):
    """The URL for messages: a password or token written into it (https://user:token@host) is hidden."""
    return _USERINFO.sub(r"\1***@", url or "")


def is_ssh_url(url):
    return url.lower().startswith("ssh://") or bool(_SCP_LIKE.match(url))


def is_http_url(url):
    return url.lower().startswith(("http://", "https://"))


def check_git_url(url):
    if not url or not (is_http_url(url) or is_ssh_url(url)):
        raise InvalidArgumentValueError(
            f"Invalid --url '{display(url)}' for a Git repository: "
            "use an http://, https://, ssh:// or git@host:path URL."
        )


def check_http_url(url, kind):
    if not url or not is_http_url(url):
        raise InvalidArgumentValueError(f"Invalid --url '{display(url)}' for {kind}: use an http:// or https:// URL.")


def check_oci_url(url):
    if not url or not url.lower().startswith("oci://") or len(url) <= len("oci://"):
        raise InvalidArgumentValueError(
            f"Invalid --url '{display(url)}' for an OCI repository: "
            "use an oci:// URL such as oci://ghcr.io/org/manifests."
        )
