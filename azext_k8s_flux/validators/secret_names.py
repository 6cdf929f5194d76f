"""Whether a setting's name says that its value is a secret (which belongs in the protected settings)."""

import re

# Names are cut into words at '.', '-', '_', brackets and camelCase humps (azure.clientSecret -> azure,
# client, secret), and only the last word decides: keyVault.enabled, monkey, toleration-keys or
# secretName (the name of a Kubernetes Secret, not its value) are not secrets.
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_SECRET_WORDS = {"secret", "password", "passwd", "passphrase", "pwd", "token", "credential", "credentials",
                 "apikey", "sastoken"}  # fmt: skip
# "key" is a secret only after one of these words (sshPrivateKey, storageAccountKey, apiKey).
_KEY_QUALIFIERS = {"private", "access", "api", "account", "secret", "shared", "signing", "storage", "client",
                   "encryption", "master", "primary", "secondary", "auth", "ssh", "subscription"}  # fmt: skip
_JOINED_KEYS = {qualifier + "key" for qualifier in _KEY_QUALIFIERS}


def looks_like_a_secret(name):
    words = [word.lower() for word in _WORD.findall(name or "")]
    if not words:
        return False
    last, before = words[-1], words[-2] if len(words) > 1 else ""
    if last in _SECRET_WORDS or last in _JOINED_KEYS:
        return True
    if last in ("key", "keys"):
        return before in _KEY_QUALIFIERS
    return (before, last) == ("connection", "string")
