"""Secret option values: taken from a value or a file, never echoed.

`az --debug` prints the command line, so every secret option has a file form too: either the
`--<option>-file PATH` variant or azure-cli's `@PATH` value syntax.
"""

import os

from azure.cli.core.azclierror import FileOperationError, MutuallyExclusiveArgumentError


def read_secret(value, path, option, file_option):
    """Return the secret from `value` or the file at `path`; at most one may be given."""
    if value is not None and path is not None:
        raise MutuallyExclusiveArgumentError(f"Give {option} or {file_option}, not both.")
    if path is None:
        return value
    return read_text_file(path, file_option)


def read_text_file(path, option):
    """The UTF-8 text of the file an option names, or a clear error naming the option."""
    expanded = os.path.expanduser(path)
    try:
        with open(expanded, encoding="utf-8") as handle:
            return handle.read()
    except OSError as error:
        raise FileOperationError(f"Cannot read {option} '{path}': {error.strerror}.") from None
    except UnicodeDecodeError:
        raise FileOperationError(f"{option} '{path}' is not a UTF-8 text file.") from None
