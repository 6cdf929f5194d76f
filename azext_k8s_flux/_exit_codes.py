"""Exit codes beyond azure-cli's own (0 success, 1 error, 2 usage, 3 not found).

azure-cli prints a command's result after the handler returns and then exits 0; a command that must print
its result and still end non-zero (a wait that timed out, a check with findings) asks for the code here.
It is applied once the output has been written.
"""

from knack.events import EVENT_CLI_SUCCESSFUL_EXECUTE

NOT_COMPLIANT = 4
TIMED_OUT = 5


def exit_after_output(cli_ctx, exit_code):
    """End this invocation with `exit_code` once its result has been printed."""
    if not exit_code:
        return

    def _exit(_cli, **_):
        cli_ctx.unregister_event(EVENT_CLI_SUCCESSFUL_EXECUTE, _exit)
        raise SystemExit(exit_code)

    cli_ctx.register_event(EVENT_CLI_SUCCESSFUL_EXECUTE, _exit)
