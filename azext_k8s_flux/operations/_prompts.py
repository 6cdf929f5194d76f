"""Confirmation prompts that never hang a pipeline: without a terminal they fail and name --yes.

Our own rather than azure-cli's `confirmation=True`: that one asks a fixed question before the handler runs, and
ours must ask after the GET (what will be removed: prune, the old source kind) and must name --yes without a TTY.
"""

from azure.cli.core.azclierror import InvalidArgumentValueError, ManualInterrupt, NoTTYError


def confirm(message, yes, cli_ctx):
    """Ask `message` unless --yes was given or azure-cli's core.disable_confirm_prompt is set (which skips
    azure-cli's own confirmations too); raise when declined or when no terminal can answer."""
    if yes or _prompts_disabled(cli_ctx):
        return
    from knack.prompting import NoTTYException, prompt_y_n

    try:
        accepted = prompt_y_n(message, default="n")
    except NoTTYException:
        raise NoTTYError(
            f"{message.strip()} There is no terminal to confirm this on.", "Pass --yes to proceed without a prompt."
        ) from None
    if not accepted:
        raise ManualInterrupt("Cancelled: nothing was changed.")


def _prompts_disabled(cli_ctx):
    try:
        return cli_ctx.config.getboolean("core", "disable_confirm_prompt", fallback=False)
    except ValueError:
        raise InvalidArgumentValueError(
            "The azure-cli setting core.disable_confirm_prompt (or AZURE_CORE_DISABLE_CONFIRM_PROMPT) is not a "
            "boolean: use true or false."
        ) from None
