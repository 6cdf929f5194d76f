"""`az k8s-configuration flux check-manifests`: the offline multi-tenancy pre-flight (no Azure, no cluster).

Exit codes: 0 clean (no error findings; warnings are printed), 1 error findings (or any finding with
--strict), 2 the check could not run (bad argument, unreadable file, invalid YAML, missing kustomize
resource). azure-cli exits 0 after printing a result and 1 for an error, so both non-default codes go
through `_exit_codes.exit_after_output`, which ends the invocation once the output has been written: the
findings stay on stdout in the chosen format (-o json, --query) and errors are printed the azure-cli way.
"""

import sys

from knack.log import get_logger

from azext_k8s_flux import _exit_codes

logger = get_logger(__name__)

FINDINGS = 1
CHECK_FAILED = 2
DEFAULT_NAMESPACE = "cluster-config"


def flux_check_manifests(cmd, path, namespace=DEFAULT_NAMESPACE, fix=False, diff=False, strict=False):
    """Check a folder of Flux manifests for what multi-tenancy would block; optionally fix it."""
    from azure.cli.core.azclierror import AzCLIError

    from azext_k8s_flux.manifests import checker, fixer
    from azext_k8s_flux.manifests.loader import ManifestError

    _table_by_default(cmd.cli_ctx)
    try:
        _validate(path, namespace, fix, diff)
        report = checker.check(path, namespace)
        if fix or diff:
            changes, skipped = fixer.apply(report)
            if diff:
                sys.stdout.write(fixer.unified_diff(changes))
            else:
                fixer.write(changes)
                report = checker.check(path, namespace)
            _log_fix(changes, skipped, written=fix)
    except ManifestError as err:
        return _fail(cmd.cli_ctx, _manifest_error(err))
    except AzCLIError as err:
        return _fail(cmd.cli_ctx, err)
    for note in report.notes:
        logger.warning("Note: %s", note)
    logger.warning("%s", report.summary())
    failing = report.findings if strict else report.errors
    _exit_codes.exit_after_output(cmd.cli_ctx, FINDINGS if failing else 0)
    return None if diff else [finding.to_dict() for finding in report.findings]


def _validate(path, namespace, fix, diff):
    import os

    from azure.cli.core.azclierror import (
        FileOperationError,
        MutuallyExclusiveArgumentError,
        RequiredArgumentMissingError,
    )

    from azext_k8s_flux._validators import check_dns1123_label

    # An empty --path (an unset variable) would otherwise check the current folder and could pass.
    if not path.strip():
        raise RequiredArgumentMissingError(
            "--path is empty: give the folder of the repository to check (or a single YAML file)."
        )
    if not os.path.exists(path):
        raise FileOperationError(f"--path '{path}': no such file or folder. Give the folder of the repository "
                                 "to check (or a single YAML file).")
    check_dns1123_label(namespace, "--namespace")
    if fix and diff:
        raise MutuallyExclusiveArgumentError(
            "--fix and --diff cannot be used together: use --diff to preview the changes, then --fix to write them."
        )


def _manifest_error(err):
    from azure.cli.core.azclierror import FileOperationError

    error = FileOperationError(str(err))
    error.set_recommendation("Correct the file (or remove it from the kustomization) and run the check again.")
    return error


def _fail(cli_ctx, error):
    """Print an azure-cli error the usual way, and end with exit code 2 rather than azure-cli's 1."""
    error.print_error()
    error.send_telemetry()
    _exit_codes.exit_after_output(cli_ctx, CHECK_FAILED)


def _log_fix(changes, skipped, written):
    verb = "Rewrote" if written else "Would rewrite"
    logger.warning("%s %d file(s)%s", verb, len(changes), ": " + ", ".join(sorted(changes)) if changes else ".")
    for finding, reason in skipped:
        logger.warning("Not fixed %s:%s %s (%s): fix it by hand.", finding.file, finding.line, finding.rule, reason)


def _table_by_default(cli_ctx):
    """A table unless the user chose a format (-o/--output, or core.output in the azure-cli configuration)."""
    from azure.cli.core._output import set_output_format

    given = cli_ctx.data.get("safe_params") or []
    if "-o" in given or "--output" in given or cli_ctx.config.get("core", "output", fallback=None):
        return
    set_output_format(cli_ctx, "table")
