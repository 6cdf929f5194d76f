"""``serve``: start the HTTPS server on a loopback address and run until SIGTERM/SIGINT."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import ipaddress
import json
import logging
import os
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web

from .. import agent
from ..core import lro
from ..core.context import Context, Settings
from ..core.faults import Fault, FaultBook
from ..deployments import run as deployment_runs
from ..policystate import cycle as policy_cycle
from ..seed import SeedError, apply_seed, load_seed_file
from ..store import Store
from .app import build_app
from .certs import CA_CERT, server_ssl_context
from .requestlog import RequestLog

LOG = logging.getLogger("arm_emulator")
ENDPOINT_FILE = "endpoint.json"
DB_FILE = "state.db"
TICK_SECONDS = 0.25
EXIT_PORT_IN_USE = 3  # distinct, so scripts can tell "already running" from other startup errors


@dataclass
class ServeOptions:
    state_dir: Path
    host: str = "127.0.0.1"
    port: int = 8443
    seed: Path | None = None
    settings: Settings = field(default_factory=Settings)
    faults: list[Fault] = field(default_factory=list)
    log_file: Path | None = None


def loopback_host(host: str) -> str:
    """The address to bind; anything that is not loopback is refused (the admin API has no auth)."""
    if host == "localhost":
        return "127.0.0.1"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        raise ValueError(f"--host {host!r} is not allowed: the emulator binds to loopback only "
                         "(127.0.0.1, another 127.x address, ::1 or localhost)") from None
    if not address.is_loopback:
        raise ValueError(f"--host {host!r} is not allowed: the emulator binds to loopback only "
                         "(127.0.0.1, another 127.x address, ::1 or localhost)")
    return host


def _setup_logging(log_file: Path) -> None:
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


async def _ticker(ctx: Context) -> None:
    # Reads settle lazily anyway; the ticker only makes time-based changes land without a reader.
    while True:
        await asyncio.sleep(TICK_SECONDS)
        try:
            lro.settle(ctx)
            agent.settle(ctx)
            deployment_runs.settle(ctx)
            policy_cycle.settle(ctx)
        except Exception:  # keep ticking; the next request reports real problems
            LOG.exception("background settle failed")


def _write_endpoint(state_dir: Path, data: dict) -> None:
    tmp = state_dir / (ENDPOINT_FILE + ".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, state_dir / ENDPOINT_FILE)


async def run(options: ServeOptions) -> None:
    host = loopback_host(options.host)
    state_dir = options.state_dir.resolve()
    state_dir.mkdir(parents=True, exist_ok=True)
    _setup_logging(options.log_file or state_dir / "emulator.log")
    ssl_context = server_ssl_context(state_dir)
    store = Store(state_dir / DB_FILE)
    book = FaultBook()
    for fault in options.faults:
        book.add(fault)
    ctx = Context(store=store, settings=options.settings, faults=book, log=RequestLog())
    seed = load_seed_file(options.seed) if options.seed else None
    if not apply_seed(ctx, seed) and options.seed:
        LOG.warning("state in %s already exists; seed file %s not applied", state_dir, options.seed)
    app = build_app(ctx)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, host, options.port, ssl_context=ssl_context, reuse_address=True)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # the real port when 0 was asked for
    shown_host = f"[{host}]" if ":" in host else host
    url = f"https://{shown_host}:{port}"
    _write_endpoint(state_dir, {"url": url, "port": port, "ca_bundle": str(state_dir / CA_CERT), "pid": os.getpid()})
    LOG.info("listening on %s (state %s)", url, state_dir)
    print(f"ARM emulator listening on {url}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    ticker = asyncio.create_task(_ticker(ctx))
    try:
        await stop.wait()
    finally:
        ticker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await ticker
        await runner.cleanup()
        store.close()
        with contextlib.suppress(FileNotFoundError):
            (state_dir / ENDPOINT_FILE).unlink()
        LOG.info("stopped")


def serve(options: ServeOptions) -> int:
    try:
        loopback_host(options.host)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        asyncio.run(run(options))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            print(f"error: port {options.port} on {options.host} is already in use, perhaps by another emulator "
                  f"(stop one with 'python -m arm_emulator stop --state-dir DIR'), or choose another port with "
                  "--port (0 picks a free one)", file=sys.stderr)
            return EXIT_PORT_IN_USE
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (ValueError, SeedError) as exc:
        # Bad seed file, port in use, unwritable state dir: a one-line reason, not a traceback.
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0
