"""`flux export --format yaml`: the document of an existing configuration, secrets as references to fill in.

The document has the shape `flux show -o json` prints (writable part only, see document/writable.py), so the
keys read as users already know them. Each secret the configuration uses (document/secrets_in_use.py) appears as
a reference ({env: NAME} or {file: PATH}) with a comment saying what to provide.
"""

from azext_k8s_flux.document.references import place, reference
from azext_k8s_flux.document.secrets_in_use import secrets_in_use
from azext_k8s_flux.document.writable import source_kind, writable


class _Reference(dict):
    """A secret reference: written on one line, so that its comment can follow it."""


def _comment(secret, ref):
    how = f"set {ref['env']}" if "env" in ref else f"put it in {ref['file']} (next to this file)"
    text = f"secret, not exported: {how} (the value of {secret.field.flag}) before applying"
    if secret.alternative:
        from azext_k8s_flux.flux_model import field_named

        other = field_named(secret.alternative)
        text += f"; or give {other.api.split('.')[-1]}: {_flow(reference(other))} ({other.flag}) instead"
    return text


def document(name, shown):
    """(document dict, {reference line ending: comment}) of a configuration as `flux show` renders it."""
    doc = {"name": name, **writable(shown)}
    comments = {}
    kind = source_kind(shown)
    for secret in secrets_in_use(shown):
        if secret.alternative and secret.alternative < secret.field.name:
            continue  # of two interchangeable secrets the document names one, and its comment the other
        ref = _Reference(reference(secret.field))
        holder, key = place(secret.field, doc, kind.property)
        holder[key] = ref
        comments[f"{key}: {_flow(ref)}"] = _comment(secret, ref)
    return doc, comments


def _flow(ref):
    (form, value), = ref.items()
    return f"{{{form}: {value}}}"


def render(name, shown, origin):
    """The YAML text, with a header naming where it came from and how to apply it."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    Dumper.add_representer(_Reference, lambda d, data: d.represent_mapping("tag:yaml.org,2002:map", data,
                                                                           flow_style=True))
    doc, comments = document(name, shown)
    text = yaml.dump(doc, Dumper=Dumper, sort_keys=False, default_flow_style=False, allow_unicode=True, width=1000)
    lines = [f"# Flux configuration '{name}' exported from {origin}.",
             "# Apply it with: az k8s-configuration flux create -g RG -c CLUSTER -t CLUSTER_TYPE --file FILE"]
    if comments:
        lines.append("# Secrets are not exported: each is a reference ({env: VARIABLE} or {file: PATH}) to fill in.")
    for line in text.splitlines():
        ending = next((c for end, c in comments.items() if line.rstrip().endswith(end)), None)
        lines.append(f"{line}  # {ending}" if ending else line)
    return "\n".join(lines) + "\n"
