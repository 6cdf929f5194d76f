"""Confirmation prompts that never hang a pipeline: without a terminal they fail and name --yes."""

from azure.cli.core.azclierror import ManualInterrupt, NoTTYError


def confirm(message, yes):
    """Ask `message` unless --yes was given; raise when declined or when no terminal can answer."""
    if yes:
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
