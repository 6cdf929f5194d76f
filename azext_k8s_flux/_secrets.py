"""Secret option values: taken from a value or a file, never echoed.

`az --debug` prints the command line, so every secret option has a file form too: either the
`--<option>-file PATH` variant or azure-cli's `@PATH` value syntax.
"""

import os

from azure.cli.core.azclierror import FileOperationError, MutuallyExclusiveArgumentError

# What a secret file option holds when it cannot be opened is not always a path: `--https-key-file @token.txt`
# (azure-cli puts the file's content in place of the path) or `--https-key-file "$TOKEN"` hand over the secret
# itself. Errors about such options therefore never repeat the "path".
_UNSHOWN_PATH_HINT = (" Give the path of a file that holds the value: not the value itself, and without '@' (the "
                      "path is not repeated here, as it may be the secret).")  # fmt: skip


def read_secret(value, path, option, file_option):
    """Return the secret from `value` or the file at `path`; at most one may be given."""
    if value is not None and path is not None:
        raise MutuallyExclusiveArgumentError(f"Give {option} or {file_option}, not both.")
    if path is None:
        return value
    return read_text_file(path, file_option, show_path=False)


def masked(value):
    """The one masker of output: a secret value reads "" (set, not shown), as the official extension commands show
    protected settings; a mapping keeps its keys. (flux migrate's plan writes its own "<redacted>" marker: a plan
    file is read by people, and "" there would read as 'empty'.)"""
    return {key: "" for key in value} if isinstance(value, dict) else ""


def quiet(secret):
    """SDK keyword arguments that keep a request body carrying a secret out of `--debug` logs: azure-cli logs
    request bodies there, and honours `logging_enable=False` per request."""
    return {"logging_enable": False} if secret else {}


def read_text_file(path, option, show_path=True):
    """The UTF-8 text of the file an option names, or a clear error naming the option (and, unless the option
    holds a secret, the path)."""
    shown = f" '{path}'" if show_path else ""
    hint = "" if show_path else _UNSHOWN_PATH_HINT
    try:
        with open(os.path.expanduser(path), encoding="utf-8") as handle:
            return handle.read()
    except OSError as error:
        raise FileOperationError(f"Cannot read {option}{shown}: {error.strerror}.{hint}") from None
    except UnicodeDecodeError:
        raise FileOperationError(f"{option}{shown} is not a UTF-8 text file.") from None
    except ValueError:  # an embedded NUL byte: no file system can hold that name
        raise FileOperationError(f"Cannot read {option}{shown}: not a valid file name.{hint}") from None
