"""Key material checks: SSH private keys, known_hosts, PEM certificates. Messages never quote the secret."""

import base64
import binascii
import re

from azure.cli.core.azclierror import InvalidArgumentValueError

# One PEM block and the whitespace around it; the body is checked by whoever reads the key (Flux, Git, Azure).
_PEM_BLOCK = re.compile(r"\s*(-----BEGIN ([A-Z0-9 ]{1,40})-----.*?-----END \2-----)\s*", re.S)
_KNOWN_HOST_KEY_TYPES = re.compile(
    r"^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp(256|384|521)|sk-[a-z0-9-]+@openssh\.com)$"
)
# A CA bundle of every public root is about 250 KB: key material beyond 1 MB is not key material.
MAX_KEY_MATERIAL = 1024 * 1024


def b64encode(text, option="A secret value"):
    try:
        return base64.b64encode(text.encode("utf-8")).decode("ascii")
    except UnicodeEncodeError:  # bytes that were not UTF-8 on the command line (surrogate escapes)
        raise InvalidArgumentValueError(
            f"{option} holds bytes that are not UTF-8 text: give it from a UTF-8 file with the option's file form."
        ) from None


def _first_unprintable(text):
    """(line, column) of the first character no key, certificate or known_hosts file holds, or None."""
    for index, char in enumerate(text):
        if not (" " <= char <= "~" or char in "\r\n\t"):
            line = text.count("\n", 0, index) + 1
            return line, index - (text.rfind("\n", 0, index) + 1) + 1
    return None


def key_material(value, option):
    """The text of key, certificate or known_hosts material given as text or as base64 of it.

    The one decoder of every key option: such material is ASCII, so a no-break space, a typographic quote or
    a byte that is not UTF-8 (usually pasted from a document) is refused with its position, never its text.
    """
    if len(value) > MAX_KEY_MATERIAL:
        raise InvalidArgumentValueError(f"{option} is larger than {MAX_KEY_MATERIAL // 1024} KB: it is not key "
                                        "material. Give the key or certificate file itself.")  # fmt: skip
    _refuse_unprintable(value, option, "")
    text = value.strip()
    if "-----BEGIN" in text:
        return text
    decoded = _maybe_base64_text(text, ascii_only=False)
    if decoded is None:
        return text
    _refuse_unprintable(decoded, option, " (once decoded from base64)")
    return decoded.strip()


def _refuse_unprintable(text, option, where):
    position = _first_unprintable(text)
    if position:
        raise InvalidArgumentValueError(
            f"{option}{where} holds a character that key material never holds, at line {position[0]}, column "
            f"{position[1]}: a non-ASCII or control character, such as a no-break space or a typographic quote "
            f"pasted from a document. Give the file as written by the tool that made it, with {option}-file PATH."
        )


def _maybe_base64_text(value, ascii_only=True):
    """The decoded text when `value` is base64 of UTF-8 text, else None (options accept both forms)."""
    compact = "".join(value.split())
    if not compact or len(compact) % 4 or not compact.isascii():
        return None
    try:
        return base64.b64decode(compact, validate=True).decode("ascii" if ascii_only else "utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None


def pem_blocks(text):
    """[(label, block)] when `text` is nothing but PEM blocks (whitespace between them), else None.

    Strict framing: text before '-----BEGIN' or after '-----END' (a pasted prompt, a 'Bag Attributes'
    header) would reach Flux as part of the key, which it then cannot use.
    """
    blocks, position = [], 0
    while position < len(text):
        match = _PEM_BLOCK.match(text, position)
        if match is None:
            return None
        blocks.append((match.group(2), match.group(1)))
        position = match.end()
    return blocks or None


def _pem(value, option, wanted, single):
    """The PEM text (stripped, ending in a newline) of `value` if it is nothing but PEM blocks, among them a
    `wanted` one (`single`: exactly one block). Other blocks are kept as readers do (Go's X509KeyPair reads
    the certificates of a file that also holds the key)."""
    text = key_material(value, option)
    blocks = pem_blocks(text)
    if not blocks or (single and len(blocks) != 1) or not any(wanted(label) for label, _ in blocks):
        if blocks is None and "-----BEGIN" in text and _first_block_anywhere(text, wanted):
            raise InvalidArgumentValueError(
                f"{option} has text before '-----BEGIN' or after '-----END': give only the PEM block"
                f"{'' if single else 's'}, exactly as in the file, with nothing around {'it' if single else 'them'}."
            )
        return None
    return text + "\n"


def _first_block_anywhere(text, wanted):
    match = re.search(r"-----BEGIN ([A-Z0-9 ]{1,40})-----", text)
    return bool(match) and wanted(match.group(1))


def _is_private_key(label):
    return label.endswith("PRIVATE KEY")


def _is_certificate(label):
    return label == "CERTIFICATE"


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
    except (binascii.Error, ValueError):
        return False
    magic = b"openssh-key-v1\0"
    if not blob.startswith(magic) or len(blob) < len(magic) + 4:
        return False
    length = int.from_bytes(blob[len(magic) : len(magic) + 4], "big")
    return blob[len(magic) + 4 : len(magic) + 4 + length] != b"none"


def check_ssh_private_key(value, option):
    """PEM/OpenSSH private key (plain or base64) -> base64 of the PEM text, as the API stores it."""
    pem = _pem(value, option, _is_private_key, single=True)
    if pem is None:
        if _PUBLIC_KEY.match(key_material(value, option)):
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
    pem = _pem(value, option, _is_certificate, single=False)
    if pem is None:
        raise InvalidArgumentValueError(
            f"{option} is not a PEM certificate (expected a '-----BEGIN CERTIFICATE-----' block, as text or base64)."
        )
    return b64encode(pem)


def check_pem_private_key(value, option):
    """PEM private key for TLS (plain or base64) -> base64 of the PEM text."""
    pem = _pem(value, option, _is_private_key, single=True)
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
    decoded = key_material(value, option)
    text = value if any(ch.isspace() for ch in value.strip()) else decoded
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
    text = key_material(value, option)
    given_as_base64 = "-----BEGIN" not in value
    blocks = pem_blocks(text)
    if blocks is None:
        where = "has text before '-----BEGIN' or after '-----END'" if "-----BEGIN" in text else "is not PEM"
        raise InvalidArgumentValueError(
            f"{option} {where}: give only '-----BEGIN ...' blocks (the certificate and its private key), as text "
            "or base64, with nothing around them."
        )
    labels = [label for label, _ in blocks]
    missing = [part for part, wanted in (("a certificate", _is_certificate), ("its private key", _is_private_key))
               if not any(wanted(label) for label in labels)]  # fmt: skip
    if missing:
        raise InvalidArgumentValueError(
            f"{option} lacks {' and '.join(missing)}: the service principal signs in with both, so give one PEM "
            "file holding the certificate and its private key (e.g. cat cert.pem key.pem > sp.pem)."
        )
    return "".join(value.split()) if given_as_base64 else b64encode(text + "\n", option)
