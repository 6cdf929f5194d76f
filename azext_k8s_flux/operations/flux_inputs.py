"""The source options among a handler's keywords, with every secret's file form read (the only I/O step
before validation)."""

from azext_k8s_flux._secrets import read_secret
from azext_k8s_flux.flux_model import fields


def source_options(arguments):
    """{source option: value or None} from the source keywords of `flux create|update` (the description's fields
    and their `_file` forms); any other keyword is a programming error."""
    known = {f.name for f in fields()} | {f.file_name for f in fields() if f.file}
    unknown = sorted(set(arguments) - known)
    if unknown:
        raise TypeError(f"unexpected source arguments: {', '.join(unknown)}")
    options = {f.name: arguments.get(f.name) for f in fields()}
    for f in fields():
        if f.file:
            value = read_secret(arguments.get(f.name), arguments.get(f.file_name), f.flag, f.file_flag)
            options[f.name] = value.rstrip("\r\n") if value is not None and f.file == "line" else value
    return options
