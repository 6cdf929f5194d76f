"""Key material checks: SSH private keys, known_hosts, PEM certificates. Messages never quote the secret."""

import base64
import binascii
import re

from azure.cli.core.azclierror import InvalidArgumentValueError

_PEM_PRIVATE_KEY = re.compile(r"-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----.+-----END \1PRIVATE KEY-----", re.S)
_PEM_CERTIFICATE = re.compile(r"-----BEGIN CERTIFICATE-----.+-----END CERTIFICATE-----", re.S)
_KNOWN_HOST_KEY_TYPES = re.compile(
    r"^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp(256|384|521)|sk-[a-z0-9-]+@openssh\.com)$"
)


def b64encode(text):
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def _maybe_base64_text(value):
    """The decoded text when `value` is base64 of UTF-8 text, else None (options accept both forms)."""
    compact = "".join(value.split())
    if not compact or len(compact) % 4:
        return None
    try:
        return base64.b64decode(compact, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None


def _pem(value, pattern):
    """Return the PEM text of `value` (given as PEM text or base64 of it), or None if it is neither."""
    text = value.strip()
    if pattern.search(text):
        return text + "\n"
    decoded = _maybe_base64_text(text)
    if decoded and pattern.search(decoded):
        return decoded.strip() + "\n"
    return None


_PUBLIC_KEY = re.compile(r"^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp\d+|sk-\S+@openssh\.com) [A-Za-z0-9+/=]+")


def _is_encrypted(pem):
    """True for a passphrase-protected key: PKCS#8 'ENCRYPTED PRIVATE KEY', a traditional PEM key with
    'Proc-Type: 4,ENCRYPTED', or an OpenSSH key whose cipher is not 'none'."""
    if "ENCRYPTED PRIVATE KEY-----" in pem or "Proc-Type: 4,ENCRYPTED" in pem:
        return True
    if "BEGIN OPENSSH PRIVATE KEY" not in pem:
        return False
    body = "".join(line for line in pem.strip().splitlines()[1:-1])
    try:
        blob = base64.b64decode(body, validate=True)
    except binascii.Error:
        return False
    magic = b"openssh-key-v1\0"
    if not blob.startswith(magic) or len(blob) < len(magic) + 4:
        return False
    length = int.from_bytes(blob[len(magic) : len(magic) + 4], "big")
    return blob[len(magic) + 4 : len(magic) + 4 + length] != b"none"


def check_ssh_private_key(value, option):
    """PEM/OpenSSH private key (plain or base64) -> base64 of the PEM text, as the API stores it."""
    pem = _pem(value, _PEM_PRIVATE_KEY)
    if pem is None:
        if _PUBLIC_KEY.match(value.strip()):
            raise InvalidArgumentValueError(
                f"{option} is a public key (the .pub file): give the private key, e.g. ~/.ssh/id_ed25519 rather "
                "than ~/.ssh/id_ed25519.pub. The public key goes to the Git server as a deploy key."
            )
        raise InvalidArgumentValueError(
            f"{option} is not a private key in PEM or OpenSSH format (expected a '-----BEGIN ... PRIVATE KEY-----' "
            f"block, as text or base64). Give the key file with {option}-file PATH."
        )
    if _is_encrypted(pem):
        raise InvalidArgumentValueError(
            f"{option} is protected by a passphrase, which Flux cannot be given here: it could not use the key. "
            "Use a key without a passphrase (a dedicated deploy key; remove it from a copy with "
            "'ssh-keygen -p -N \"\" -f COPY_OF_KEY'), or keep the key and its passphrase (key 'password') in a "
            "secret in the cluster and give --local-auth-ref."
        )
    return b64encode(pem)


def check_certificate(value, option):
    """PEM certificate (plain or base64) -> base64 of the PEM text."""
    pem = _pem(value, _PEM_CERTIFICATE)
    if pem is None:
        raise InvalidArgumentValueError(
            f"{option} is not a PEM certificate (expected a '-----BEGIN CERTIFICATE-----' block, as text or base64)."
        )
    return b64encode(pem)


def check_pem_private_key(value, option):
    """PEM private key for TLS (plain or base64) -> base64 of the PEM text."""
    pem = _pem(value, _PEM_PRIVATE_KEY)
    if pem is None:
        raise InvalidArgumentValueError(
            f"{option} is not a PEM private key "
            "(expected a '-----BEGIN ... PRIVATE KEY-----' block, as text or base64)."
        )
    return b64encode(pem)


def _check_known_hosts_line(line, number, option):
    fields = line.split()
    if fields and fields[0].startswith("@"):  # @cert-authority / @revoked marker
        fields = fields[1:]
    ok = len(fields) >= 3 and _KNOWN_HOST_KEY_TYPES.match(fields[1])
    if ok:
        try:
            blob = base64.b64decode(fields[2], validate=True)
        except binascii.Error:
            blob = b""
        # An SSH public key blob starts with its own key type (length-prefixed): a truncated or garbled key
        # (or one pasted under the wrong type) would make every SSH connection of Flux fail.
        name = fields[1].encode()
        ok = blob[:4] == len(name).to_bytes(4, "big") and blob[4 : 4 + len(name)] == name and len(blob) > 4 + len(name)
    if not ok:
        raise InvalidArgumentValueError(
            f"{option}: line {number} is not a known_hosts entry. Each line must read 'HOSTS KEYTYPE BASE64KEY', "
            "for example the output of 'ssh-keyscan github.com'."
        )


def check_known_hosts(value, option):
    """known_hosts content (plain or base64) -> base64 of the content, as the API expects."""
    stripped = value.strip()
    looks_plain = any(ch.isspace() for ch in stripped)
    text = value if looks_plain else (_maybe_base64_text(stripped) or value)
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1)]
    entries = [(n, line) for n, line in lines if line and not line.startswith("#")]
    if not entries:
        raise InvalidArgumentValueError(
            f"{option} is empty: give known_hosts lines such as 'ssh-keyscan github.com' prints."
        )
    for number, line in entries:
        _check_known_hosts_line(line, number, option)
    return b64encode(text if text.endswith("\n") else text + "\n")


def pem_bundle(value, option):
    """A PEM bundle (certificate and its private key) given as text or base64 -> base64 of the PEM text."""
    text = value.strip()
    if "-----BEGIN " in text:
        pem, encoded = text, b64encode(text + "\n")
    else:
        pem = _maybe_base64_text(text) or ""
        encoded = "".join(text.split())
        if "-----BEGIN " not in pem:
            raise InvalidArgumentValueError(
                f"{option} is not PEM (expected '-----BEGIN ...' blocks, as text or base64)."
            )
    missing = [part for part, pattern in (("a certificate", _PEM_CERTIFICATE), ("its private key", _PEM_PRIVATE_KEY))
               if not pattern.search(pem)]  # fmt: skip
    if missing:
        raise InvalidArgumentValueError(
            f"{option} lacks {' and '.join(missing)}: the service principal signs in with both, so give one PEM "
            "file holding the certificate and its private key (e.g. cat cert.pem key.pem > sp.pem)."
        )
    return encoded
