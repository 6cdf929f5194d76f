"""Generated option values: what users paste, what scripts pass by mistake, and what breaks parsers."""

import base64

from hypothesis import strategies as st

from tests.flux import material as m

NUMBERS = ["nan", "NaN", "inf", "-inf", "Infinity", "-0", "-0.0", "0", "1e309", "1e-400", "1" * 5000, "-1",
           "0x10", "1_000", "4.5", "99999999999999999999"]  # fmt: skip
DURATIONS = ["1h2m3s", "0s", "-1s", "1.5ms", "1" * 200 + "s", "9" * 5000 + "h", "10m" * 50, "1d", "µs"]
DEEP = ["[" * 1200, "{" * 1200, '{"a":' * 1200 + "1" + "}" * 1200, "[" * 60 + "]" * 60, "[[[[1]]]]"]
URLS = ["https://" + ":" * 20000, "https://u:p@github.com/o/r", "https://github.com/o/r?token=x", "git@github.com:o/r",
        "ssh://", "oci://", "https://[::1", "http://" + "a" * 300 + ".com", "file:///etc/passwd", "HTTPS://GITHUB.COM"]
PEM = ["junk before\n" + m.SSH_KEY, m.SSH_KEY + "junk after", m.SSH_KEY.replace("b3Bl", "b3\u00a0Bl"),
       m.CERT.replace("MIIB", "MII\u201cB"), base64.b64encode(("x" + m.CERT).encode()).decode(), m.CERT * 3,
       "-----BEGIN CERTIFICATE-----", "-----BEGIN CERTIFICATE-----" * 2000, m.KNOWN_HOSTS.replace(" ", "\u00a0"),
       m.TLS_KEY, m.SSH_KEY, m.KNOWN_HOSTS, m.CERT, m.SP_CERT]  # fmt: skip
TEXT = ["", " ", "\t", "\u00a0", "\udcff", "caf\udce9", "a\udcff", "\x00", "\x1b[31m", "\u202e", "é", "名前", "'",
        '"', "\\", "a" * 64, "a" * 91, "a" * 300, "a" * 5000, "--", "-", "@", "@/nonexistent", "*", "..", "../x",
        "a/b", "a#b", "a?b", "true", "false", "null", "name=x", "name=x path=./y", "a=b=c", "=", "ConfigMap:x"]
SETTINGS = ["a=" + "[" * 1200, "a=1" + "0" * 5000, "a", "=b", "a b=c", '{"a": 1}', "a.b=" + "x" * 10000]
KUSTOMIZATIONS = ["name=k path=./p depends_on=" + "[" * 1200, "name=k depends_on=[" + '"a",' * 5 + "]",
                  "name=k post_build_substitute={" + '"a":' * 1200, "name=k post_build_substitute=" + "{" * 1200,
                  "name=k timeout=nan", "name=k sync_interval=" + "9" * 5000 + "s", "name=k prune=maybe",
                  "name=" + "k" * 70, "name=k path=" + "p" * 10000]  # fmt: skip

CATALOGUE = NUMBERS + DURATIONS + DEEP + URLS + PEM + TEXT + SETTINGS + KUSTOMIZATIONS


def file_values(files):
    """`@path` and path values for the generated files (settings, keys, non-UTF-8 bytes)."""
    return [f"@{path}" for path in files.values()] + list(files.values())


def write_files(directory):
    """Files whose content is itself bad input: deep, huge or not text."""
    contents = {
        "deep.json": ("[" * 5000).encode(),
        "deep-object.json": ('{"a":' * 2000 + "1" + "}" * 2000).encode(),
        "deep.yaml": "".join(" " * level + "a:\n" for level in range(0, 3000, 1)).encode(),
        "huge-int.json": ('{"a": ' + "1" * 5000 + "}").encode(),
        "huge-int.yaml": ("a: " + "1" * 5000 + "\n").encode(),
        "float.json": b'{"a": 1e999, "b": NaN}',
        "not-utf8.txt": b"\xff\xfe\xfa key",
        "junk-key.pem": ("Bag Attributes\n" + m.SSH_KEY).encode(),
        "nbsp-key.pem": m.SSH_KEY.replace("b3Bl", "b3\u00a0Bl").encode(),
        "big.txt": b"A" * (5 * 1024 * 1024),
        "empty.txt": b"",
        "list.yaml": b"- a\n- b\n",
    }
    paths = {}
    for name, content in contents.items():
        path = directory / name
        path.write_bytes(content)
        paths[name] = str(path)
    return paths


def values(files):
    """A strategy of option values: the catalogue, generated text (surrogates included), and both combined."""
    catalogue = st.sampled_from(CATALOGUE + file_values(files))
    generated = st.text(st.characters(exclude_categories=[]), max_size=40)  # surrogates too
    combined = st.one_of(catalogue, generated, st.builds(lambda a, b: a + b, catalogue, generated))
    # azure-cli itself reads `@file` values before any extension runs, and fails on a NUL in the file name
    # (`az group list -g @x<NUL>` shows the same traceback): not this extension's input to check.
    return combined.filter(lambda value: not (value.startswith("@") and "\x00" in value))
