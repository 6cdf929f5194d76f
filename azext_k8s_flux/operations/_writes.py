"""The one way a command sends a write and follows it to its end."""


def send_and_follow(method, args, no_wait, what, cluster, accepted, render, secret=False, on_accepted=None,
                    **kwargs):  # fmt: skip
    """Send `method(*args, **kwargs)` (an SDK begin_* call) and return `render(result)`, or None with --no-wait.

    Errors before Azure accepts the write say nothing changed; errors after it carry `accepted` (how to see the
    resource's state). A request carrying a secret is kept out of --debug. `on_accepted` runs once the request
    is accepted, before following it (a note that must not precede an error that stopped the command).
    """
    from azure.cli.core.util import sdk_no_wait

    from azext_k8s_flux._secrets import quiet
    from azext_k8s_flux.operations._errors import arm_errors

    with arm_errors(what, cluster):
        poller = sdk_no_wait(no_wait, method, *args, **kwargs, **quiet(secret))
    if on_accepted is not None:
        on_accepted()
    if no_wait:
        return None
    with arm_errors(what, cluster, accepted=accepted):
        return render(poller.result())
