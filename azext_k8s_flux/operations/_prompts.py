"""Confirmation prompts that never hang a pipeline: without a terminal they fail and name --yes."""

from azure.cli.core.azclierror import ManualInterrupt, NoTTYError


def confirm(message, yes, cli_ctx=None):
    """Ask `message` unless --yes was given (or, with `cli_ctx`, azure-cli's core.disable_confirm_prompt is
    set, as it is for azure-cli's own confirmations); raise when declined or when no terminal can answer."""
    if yes or (cli_ctx is not None and cli_ctx.config.getboolean("core", "disable_confirm_prompt", fallback=False)):
        return
    from knack.prompting import NoTTYException, prompt_y_n

    try:
        accepted = prompt_y_n(message, default="n")
    except NoTTYException:
        raise NoTTYError(
            f"{message.strip()}\nThere is no terminal to confirm this on. Pass --yes to proceed without a prompt."
        ) from None
    if not accepted:
        raise ManualInterrupt("Cancelled: nothing was changed.")
