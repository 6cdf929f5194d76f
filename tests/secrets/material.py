"""Distinctive secrets for every secret-bearing option, and the check that none of them reaches the user.

Every secret holds the word `LeakMarker`, so that even a fragment of one is caught. A secret counts as leaked
when its text, one of its lines (PEM bodies), its base64 (as the API carries it) or any base64 fragment that
encodes one of its lines appears in what the command printed.
"""

import base64

import pytest


def _pem(kind, *lines):
    return f"-----BEGIN {kind}-----\n" + "".join(line + "\n" for line in lines) + f"-----END {kind}-----\n"


SSH_KEY = _pem("OPENSSH PRIVATE KEY", "sshKeyLeakMarkerLine1AAAAB3NzaC1yc2EAAAADAQABAAABAQC7",
               "sshKeyLeakMarkerLine2QyNTUxOQAAACBvbmUAAAAEbm9uZQAAAAAAAAAB")  # fmt: skip
HTTPS_KEY = "ghp_httpsKeyLeakMarker7Q2w9E4rT6y"
BUCKET_SECRET_KEY = "bucketSecretLeakMarker/Kq83Jd0s+Zx"
ACCOUNT_KEY = "accountKeyLeakMarkerQm8N2b4V6c8X0z1A3s5D7f9G=="
SAS_TOKEN = "sv=2024-01-01&ss=b&sig=sasTokenLeakMarkerSig7Yh3Kd9"
SP_SECRET = "spSecretLeakMarker~Secret.8Fj2Kd9Lq"
CERT = _pem("CERTIFICATE", "certLeakMarkerLine1MIIBszCCAVmgAwIBAgIUdGVzdGNlcnQ", "certLeakMarkerLine2wCgYIKoZIzj0EAwIw")
PRIVATE_KEY = _pem("EC PRIVATE KEY", "tlsKeyLeakMarkerLine1MHcCAQEEIDdGVzdHRsc2tleXRlc3R0",
                   "tlsKeyLeakMarkerLine2bHNrZXl0ZXN0dGxza2V5oAoGCCqGSM49")  # fmt: skip
SP_CERT = CERT + PRIVATE_KEY
SP_CERT_PASSWORD = "spCertPasswordLeakMarker4Rt6Yu"
PROTECTED_VALUE = "protectedLeakMarkerGitToken9Xc2Vb"
MIGRATE_SSH_KEY = _pem("OPENSSH PRIVATE KEY", "migrateKeyLeakMarkerLine1AAAAC3NzaC1lZDI1NTE5AAAAIG")
MIGRATE_HTTPS_KEY = "migrateTokenLeakMarker5Tg7Hj9K"
MARKER = "LeakMarker"

GUID = "44444444-4444-4444-4444-444444444444"


def b64(text):
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def _base64_fragments(text):
    """Substrings that every base64 encoding of a document containing `text` holds, whatever its offset."""
    data = text.encode("utf-8")
    fragments = []
    for pad in range(3):
        encoded = base64.b64encode(b"\0" * pad + data).decode("ascii")
        core = encoded[4 if pad else 0 : -4]  # drop the groups the padding and the unknown tail touch
        if len(core) >= 12:
            fragments.append(core)
    return fragments


def needles(secret):
    """Every form of `secret` that must not be printed."""
    found = {MARKER}
    stripped = secret.strip()
    found.add(stripped)
    for variant in (secret, stripped, stripped + "\n"):
        found.add(b64(variant))
    for line in stripped.splitlines():
        line = line.strip()
        if len(line) >= 12 and not line.startswith("-----"):
            found.add(line)
            found.update(_base64_fragments(line))
    found.update(_base64_fragments(stripped))
    return found


def leaks(text, *secrets):
    """The forms of the secrets found in `text` (empty when nothing leaked)."""
    return sorted({needle for secret in secrets for needle in needles(secret) if needle in text})


def assert_no_leak(result, *secrets):
    """Nothing of any secret in stdout or stderr of an AzResult (or in a text)."""
    text = result if isinstance(result, str) else result.output
    found = leaks(text, *(secrets or ALL))
    if found:
        at = min(text.find(needle) for needle in found)
        pytest.fail(f"secret leaked ({found[:3]}...) near: {text[max(0, at - 300) : at + 200]!r}")


ALL = (SSH_KEY, HTTPS_KEY, BUCKET_SECRET_KEY, ACCOUNT_KEY, SAS_TOKEN, SP_SECRET, SP_CERT, SP_CERT_PASSWORD,
       PROTECTED_VALUE, MIGRATE_SSH_KEY, MIGRATE_HTTPS_KEY)  # fmt: skip
