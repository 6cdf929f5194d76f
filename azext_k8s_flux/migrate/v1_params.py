"""Reading Flux v1 settings: operator parameter strings, Go durations, repository URLs. Pure, no I/O.

Flux v1 (fluxd) took its settings as command-line flags; Azure stored them verbatim in `operatorParams`.
"""

import re
import shlex

from azext_k8s_flux.validators.flux_configuration import urls
from azext_k8s_flux.validators.flux_configuration.durations import go_duration_seconds

# fluxd flags that take no value (`--flag` = true, `--flag=false` = false); every other flag takes one.
BOOLEAN_FLAGS = frozenset(
    {
        "git-readonly",
        "sync-garbage-collection",
        "sync-garbage-collection-dry",
        "manifest-generation",
        "registry-disable-scanning",
        "git-set-author",
        "git-verify-signatures",
        "git-ci-skip",
        "registry-trace",
        "registry-require",
        "k8s-unsafe-exclude-resource",
        "sync-state-annotation",
    }
)

# fluxd defaults that decide the v2 equivalent when a flag is absent.
V1_DEFAULTS = {"git-branch": "master", "git-poll-interval": "5m", "sync-interval": "5m"}



def parse_operator_params(text):
    """Split an operatorParams string into ([(flag, value)], [problems]).

    `value` is True/False for boolean flags given without a value or as `--flag=true|false`, otherwise a
    string. Tokens that are not flags are returned as problems, never dropped silently.
    """
    try:
        tokens = shlex.split(text or "")
    except ValueError as error:
        return [], [f"operatorParams could not be read ({error}): {text!r}"]
    flags, problems = [], []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if not token.startswith("-") or token in ("-", "--"):
            problems.append(f"unexpected value '{token}' that belongs to no flag")
            continue
        name, has_value, value = token.lstrip("-").partition("=")
        if name in BOOLEAN_FLAGS:
            flags.append((name, _bool_value(value) if has_value else True))
        elif has_value:
            flags.append((name, value))
        elif index < len(tokens) and not tokens[index].startswith("--"):
            flags.append((name, tokens[index]))
            index += 1
        else:
            flags.append((name, ""))
    return flags, problems


def _bool_value(value):
    from azext_k8s_flux._validators import boolean_word

    parsed = boolean_word(value, go=True)
    return value if parsed is None else parsed  # kept as a string: reported as a value that cannot be read


def duration_seconds(value):
    """Seconds of a Go duration such as `3m`, `1h30m`, `90s`, `500ms` (rounded up), or None if not one."""
    text = (value or "").strip()
    if text == "0":
        return 0
    total = go_duration_seconds(text)
    if total is None:
        return None
    seconds = int(total)
    return seconds + 1 if total > seconds else seconds


# user@host:path (scp-like syntax of git); path must not start with '/' after an optional leading '//'.
_SCP_LIKE = re.compile(r"^(?P<user>[^@/:\s]+)@(?P<host>[^:/\s]+):(?P<path>(?!//)\S+)$")


def convert_repository_url(url):
    """Return (v2_url, warning or None, problem or None) for a v1 repository URL.

    Flux v2 GitRepository URLs must use http, https or ssh; v1 also accepted git's scp-like form
    (`git@github.com:org/repo`) and the git protocol.
    """
    text = (url or "").strip()
    if urls.has_password(text):
        # Never carried over (Flux v2 would store it in plain text) nor repeated in the plan or its file.
        return None, None, (f"repository URL '{urls.display(text)}' carries a password or token, which Flux v2 would "
                            "store and show in plain text: create this configuration yourself with az "
                            "k8s-configuration flux create (URL without it, --https-user and --https-key-file), "
                            "then delete the Flux v1 one.")
    lowered = text.lower()
    if lowered.startswith(("https://", "http://", "ssh://")):
        return text, None, None
    match = _SCP_LIKE.match(text)
    if match:
        path = match.group("path").lstrip("/")
        converted = f"ssh://{match.group('user')}@{match.group('host')}/{path}"
        return converted, f"repository URL '{text}' uses git's scp-like form, which Flux v2 does not accept; " \
            f"it becomes '{converted}' (same host, user and path over SSH).", None
    if lowered.startswith("git://"):
        converted = "https://" + text[len("git://"):]
        return converted, f"repository URL '{text}' uses the unauthenticated git protocol, which Flux v2 does not " \
            f"support; it becomes '{converted}'. Check that the host serves the repository over HTTPS.", None
    return None, None, f"repository URL '{text}' has no scheme Flux v2 accepts (https://, http:// or ssh://)."

