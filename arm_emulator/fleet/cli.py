"""``python -m arm_emulator push``: push a commit to a repository URL on a running emulator."""

from __future__ import annotations

import argparse
import json
from typing import Any


def add_parser(sub: Any, add_state_dir: Any) -> None:
    push = sub.add_parser("push", help="push a commit to a repository URL: configurations following it pick it up",
                          description="Every fluxConfiguration following URL and BRANCH gets the commit after a "
                                      "random delay of at most --max-delay seconds; --fail makes some report a "
                                      "failed Kustomization at it.")
    add_state_dir(push)
    push.add_argument("--url", required=True, help="Git repository URL the configurations follow")
    push.add_argument("--branch", default="main", help="branch (default main)")
    push.add_argument("--commit", help="commit SHA (default: a new one derived from the previous head)")
    push.add_argument("--fail", default="0", metavar="N|CLUSTER[,CLUSTER...]",
                      help="how many configurations fail to apply it (picked at random), or which clusters")
    push.add_argument("--message", help="failure message the failing Kustomizations report")
    push.add_argument("--max-delay", type=float, metavar="SECONDS",
                      help="longest agent delay before a configuration has the commit (default: --agent-delay)")


def body(args: argparse.Namespace) -> dict[str, Any]:
    fail: int | list[str] = int(args.fail) if args.fail.isdigit() else [n for n in args.fail.split(",") if n]
    data = {"url": args.url, "branch": args.branch, "commit": args.commit, "fail": fail, "message": args.message,
            "maxDelay": args.max_delay}
    return {k: v for k, v in data.items() if v is not None}


def summary(result: dict[str, Any]) -> str:
    return json.dumps(result, indent=2)
