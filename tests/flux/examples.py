"""The examples of the help, read the way a shell reads them (shared by the help tests)."""

import re
import shlex

_CONTROL = re.compile(r"\s+(?:&&|\|\||;)\s+")  # the first && || or ; of a line (examples quote none)


def help_entry(command):
    """The parsed YAML help of `command` (e.g. "k8s-configuration flux create")."""
    import yaml

    from azext_k8s_flux._help import helps

    return yaml.safe_load(helps[command])


def commands_with_examples(prefix):
    """Every command under `prefix` (the group itself included) whose help has examples."""
    from azext_k8s_flux._help import helps

    return [c for c in helps if (c == prefix or c.startswith(prefix + " ")) and help_entry(c).get("examples")]


def examples(prefix):
    """(command, example) for every example of every command under `prefix`."""
    for command in commands_with_examples(prefix):
        for example in help_entry(command)["examples"]:
            yield command, example


def shell_lines(text):
    """The example's command lines: backslash-newline continuations joined, blank lines dropped."""
    return [line.strip() for line in text.replace("\\\n", " ").splitlines() if line.strip()]


def az_invocation(line):
    """(argv after `az`, file that stdout is redirected to or None, the rest of the line from its first && || or ;
    on, for the shell, or "") of an `az` line; None for other lines."""
    if not line.startswith("az "):
        return None
    control = _CONTROL.search(line)
    command, rest = (line[: control.start()], line[control.start():]) if control else (line, "")
    words = shlex.split(command)
    redirect = None
    if ">" in words:
        at = words.index(">")
        redirect, words = words[at + 1], words[:at]
    return words[1:], redirect, rest
