"""Command line: ``python -m arm_emulator [serve|stop|connect|disconnect|faults|requests|agent|push] ...``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .core.context import CLIENT_ID, RESOURCE_GROUP, SUBSCRIPTION_ID, TENANT_ID, Settings
from .core.faults import KINDS, parse_spec
from .fleet import cli as fleet_cli

DESCRIPTION = f"""Local stand-in for Azure Resource Manager (Microsoft.KubernetesConfiguration and friends).

Default world: subscription {SUBSCRIPTION_ID} (tenant {TENANT_ID}), resource group
{RESOURCE_GROUP} with clusters aks-demo (managedClusters), arc-demo (connectedClusters),
hybrid-demo (provisionedClusters) and bridge-demo (appliances). Log in as service principal
{CLIENT_ID} with any secret (the 'connect' command does it for you).
"""

FAULT_HELP = (f"kind[:key=value,...]; kinds: {', '.join(KINDS)}; keys: count (N or 'all'), method, path "
              "(substring), status (error), retry_after (throttle), delay (slow, lro-slow), code and message "
              "(lro-fail). Example: throttle:count=2,method=PUT,path=fluxConfigurations")


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be an integer > 0")
    return value


def _non_negative(text: str) -> float:
    value = float(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be >= 0")
    return value


def _fault(text: str):
    try:
        return parse_spec(text)
    except (ValueError, TypeError) as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m arm_emulator", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    serve = sub.add_parser("serve", help="run the emulator (default command)")
    _add_serve_options(serve)

    connect = sub.add_parser("connect", help="register the emulator as an az cloud, log in, print export lines",
                             description="Run 'az cloud register/set' and 'az login --service-principal' under "
                                         "<state-dir>/azure-config, then print shell export lines. Use: "
                                         'eval "$(python -m arm_emulator connect)"')
    _add_state_dir(connect)
    connect.add_argument("--az", default=None,
                         help="az executable to run (default: the az of this Python environment, else az on PATH)")

    sub.add_parser("disconnect", help="print the unset lines matching 'connect'")

    stop = sub.add_parser("stop", help="stop the emulator serving a state directory (a background 'serve')")
    _add_state_dir(stop)

    faults = sub.add_parser("faults", help="list, add or clear runtime faults on a running emulator")
    _add_state_dir(faults)
    faults.add_argument("action", choices=("list", "add", "clear"))
    faults.add_argument("spec", nargs="?", help="for 'add': " + FAULT_HELP)
    faults.add_argument("--id", type=int, help="for 'clear': only this fault")

    requests = sub.add_parser("requests", help="print (or clear) the request log of a running emulator")
    _add_state_dir(requests)
    requests.add_argument("--kind", choices=("arm", "aad", "metadata", "admin"), help="only this kind")
    requests.add_argument("--clear", action="store_true", help="clear the log instead of printing it")
    requests.add_argument("--json", action="store_true", help="print JSON instead of one line per request")

    agent = sub.add_parser("agent", help="make the simulated fluxconfig-agent fail (or stop failing)")
    _add_state_dir(agent)
    agent.add_argument("action", choices=("list", "fail", "clear"))
    agent.add_argument("--configuration", help="fluxConfiguration name, or '*' for all (for 'fail')")
    agent.add_argument("--target", default="*", help="'source', a kustomization name, or '*' (default)")
    agent.add_argument("--message", help="failure message to report")
    fleet_cli.add_parser(sub, _add_state_dir)
    return parser


def _add_state_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--state-dir", type=Path, default=Path(".emulator"),
                        help="state directory (default: .emulator)")


def _add_serve_options(parser: argparse.ArgumentParser) -> None:
    _add_state_dir(parser)
    parser.add_argument("--host", default="127.0.0.1", help="loopback address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8443, help="port; 0 picks a free one (default 8443)")
    parser.add_argument("--seed", type=Path, help="YAML or JSON seed file, applied when the state is new")
    parser.add_argument("--operation-delay", type=_non_negative, default=1.0, metavar="SECONDS",
                        help="how long long-running operations stay non-terminal; 0 = done at first poll "
                             "(default 1.0)")
    parser.add_argument("--retry-after", type=_positive_int, default=1, metavar="SECONDS",
                        help="Retry-After on long-running operations, integer > 0 (default 1)")
    parser.add_argument("--agent-delay", type=_non_negative, default=2.0, metavar="SECONDS",
                        help="simulated fluxconfig-agent: Pending -> Compliant after this (default 2.0)")
    parser.add_argument("--page-size", type=_positive_int, default=100, metavar="N",
                        help="most items per list page; longer lists carry a nextLink with a $skipToken "
                             "(default 100)")
    parser.add_argument("--arg-quota", type=_quota, default=(1000, 5.0), metavar="N/S",
                        help="Resource Graph queries allowed per S seconds before 429 (default 1000/5)")
    parser.add_argument("--arg-lag", type=_non_negative, default=0.0, metavar="SECONDS",
                        help="Resource Graph answers from a snapshot refreshed at most this often (default 0: live)")
    parser.add_argument("--policy-evaluation-delay", type=_non_negative, default=5.0, metavar="SECONDS",
                        help="Azure Policy evaluates every assignment again this often, and deploys to resources "
                             "created in a DeployIfNotExists assignment's scope (default 5; Azure: ~15 minutes)")
    parser.add_argument("--allow-flux-v1-create", action="store_true",
                        help="accept new sourceControlConfigurations (the real service refuses since 2024-01-01)")
    parser.add_argument("--fault", type=_fault, action="append", default=[], metavar="SPEC",
                        help="startup fault, repeatable: " + FAULT_HELP)
    parser.add_argument("--log-file", type=Path, help="log file (default <state-dir>/emulator.log)")


def _quota(text: str) -> tuple[int, float]:
    from .resourcegraph.quota import parse_spec

    try:
        return parse_spec(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r}: {exc}") from None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["serve", *argv]
    args = parser.parse_args(argv)
    handler = {"serve": _serve, "stop": _stop, "connect": _connect, "disconnect": _disconnect, "faults": _faults,
               "requests": _requests, "agent": _agent, "push": _push}[args.command]
    return handler(args)


def _serve(args: argparse.Namespace) -> int:
    from .httpapi.server import ServeOptions, serve

    settings = Settings(operation_delay=args.operation_delay, retry_after=args.retry_after,
                        agent_delay=args.agent_delay, allow_flux_v1_create=args.allow_flux_v1_create,
                        page_size=args.page_size, arg_quota=args.arg_quota, arg_lag=args.arg_lag,
                        policy_evaluation_delay=args.policy_evaluation_delay)
    return serve(ServeOptions(state_dir=args.state_dir, host=args.host, port=args.port, seed=args.seed,
                              settings=settings, faults=args.fault, log_file=args.log_file))


def _stop(args: argparse.Namespace) -> int:
    from .adminclient import AdminError
    from .stop import StopError, stop_emulator

    try:
        pid = stop_emulator(args.state_dir)
    except (AdminError, StopError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"stopped the emulator (pid {pid}) of {args.state_dir}")
    return 0


def _connect(args: argparse.Namespace) -> int:
    from .adminclient import AdminError
    from .connect import ConnectError, connect_az, export_lines

    try:
        env = connect_az(args.state_dir, az=args.az)
    except (AdminError, ConnectError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(export_lines(env))
    return 0


def _disconnect(args: argparse.Namespace) -> int:
    from .connect import unset_lines

    print(unset_lines())
    return 0


def _client(args: argparse.Namespace):
    from .adminclient import AdminClient

    return AdminClient.for_state_dir(args.state_dir)


def _guarded(func):
    def wrapper(args: argparse.Namespace) -> int:
        from .adminclient import AdminError

        try:
            return func(args)
        except AdminError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    return wrapper


@_guarded
def _faults(args: argparse.Namespace) -> int:
    client = _client(args)
    if args.action == "add":
        if not args.spec:
            print("error: 'faults add' needs a SPEC: " + FAULT_HELP, file=sys.stderr)
            return 2
        try:
            fault = parse_spec(args.spec)
        except (ValueError, TypeError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        data = fault.to_dict()
        data.pop("id")
        print(json.dumps(client.add_fault(data)))
    elif args.action == "clear":
        print(json.dumps({"cleared": client.clear_faults(args.id)}))
    else:
        print(json.dumps(client.faults(), indent=2))
    return 0


@_guarded
def _requests(args: argparse.Namespace) -> int:
    client = _client(args)
    if args.clear:
        print(json.dumps({"cleared": client.clear_requests()}))
        return 0
    entries = client.requests(args.kind)
    if args.json:
        print(json.dumps(entries, indent=2))
    for e in [] if args.json else entries:
        query = f"?{e['query']}" if e["query"] else ""
        print(f"{e['status']:>3} {e['method']:<6} {e['kind']:<8} {e['duration_ms']:>8.1f}ms {e['path']}{query}")
    return 0


@_guarded
def _agent(args: argparse.Namespace) -> int:
    client = _client(args)
    if args.action == "fail":
        if not args.configuration:
            print("error: 'agent fail' needs --configuration", file=sys.stderr)
            return 2
        rule = {"configuration": args.configuration, "target": args.target}
        if args.message:
            rule["message"] = args.message
        print(json.dumps(client.add_agent_failure(rule)))
    elif args.action == "clear":
        print(json.dumps({"cleared": client.clear_agent_failures()}))
    else:
        print(json.dumps(client.agent_failures(), indent=2))
    return 0


@_guarded
def _push(args: argparse.Namespace) -> int:
    print(fleet_cli.summary(_client(args).push(fleet_cli.body(args))))
    return 0
