"""Generated bad input on every command, in-process against the emulator: never a traceback, an exit code
from the documented set, and no write for an input that fails before Azure answered.

The budget is EXAMPLES (tests/fuzz/conftest.py); K8S_FLUX_DEEP_FUZZ=1 runs 10,000 examples, =N runs N.
"""

import collections
import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.commands import COMMANDS
from tests.fuzz.conftest import EXAMPLES
from tests.fuzz.inputs import values
from tests.harness.runner import InProcessCli

WRITES = {"PUT", "PATCH", "DELETE", "POST"}
CLUSTER_OPTIONS = {"-g", "-c", "-t", "--cluster-rp"}
CRASH = re.compile(r"Traceback \(most recent call last\)|unexpected error|--- Logging error ---", re.I)
# What a message says when Azure accepted a write before the command failed.
MAY_HAVE_CHANGED = re.compile(r"accepted|may (still )?(be|have)|may be installed|Whether Azure applied|stays installed",
                              re.I)  # fmt: skip


def _argv(command, cluster, files, additions):
    directory, _ = files
    base = command.base.format(cluster=cluster.args, manifests=directory / "manifests")
    argv = [*command.words.split(), *base.split()]
    for option, value in additions:
        if value is None:
            argv.append(option)
        elif value.startswith("-") and option.startswith("--"):  # else argparse reads the value as an option
            argv.append(f"{option}={value}")
        else:
            argv += [option, value]
    return [*argv, "-o", "json"]


@st.composite
def command_lines(draw, files):
    command = draw(st.sampled_from(COMMANDS))
    options = command.options()
    # The cluster's address ends most commands at their first request: fuzz it in one example of ten.
    addressing = [o for o in options if o[0] in CLUSTER_OPTIONS]
    rest = [o for o in options if o[0] not in CLUSTER_OPTIONS] or options
    pool = addressing if addressing and draw(st.integers(0, 9)) == 0 else rest
    chosen = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True))
    generated = values(files[1])
    additions = [(option, None if flag and draw(st.booleans()) else draw(generated)) for option, flag in chosen]
    return command, additions


def check_outcome(command, result, requests):
    """The assertions of one generated command line (shared with the fault-injection test)."""
    output = result.stdout + result.stderr
    assert not CRASH.search(output), result
    allowed = {0, 1, 2, 3} | ({4, 5} if command.waits else set())
    assert result.exit_code in allowed, result
    # 204 answers a DELETE of what does not exist: nothing changed.
    accepted = [r for r in requests if r["method"] in WRITES and r["status"] in (200, 201, 202)]
    if result.exit_code != 0 and accepted:
        assert MAY_HAVE_CHANGED.search(result.stderr), (result, accepted)
    if not command.writes:  # show, list, wait, check-manifests: whatever the input
        assert not [r for r in requests if r["method"] in WRITES], (result, requests)
    if result.exit_code == 2:  # a usage error is found before any request
        assert not [r for r in requests if r["method"] in WRITES], (result, requests)


@pytest.mark.timeout(max(300, EXAMPLES * 3))
def test_generated_inputs_never_crash_or_write_before_failing(emulator, fuzz_cluster, fuzz_files):
    run = InProcessCli()
    exit_codes = collections.Counter()

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=EXAMPLES <= 1000,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(command_lines(fuzz_files))
    def one(generated):
        command, additions = generated
        emulator.clear_requests()
        result = run(*_argv(command, fuzz_cluster, fuzz_files, additions), expect=None)
        requests = emulator.requests(kind="arm")
        exit_codes[result.exit_code] += 1
        if EXAMPLES > 1000 and sum(exit_codes.values()) % 250 == 0:  # progress of a deep run
            print(f"{sum(exit_codes.values())} inputs: {dict(exit_codes)}", file=sys.stderr, flush=True)
        check_outcome(command, result, requests)

    one()
    print(f"\n{sum(exit_codes.values())} generated command lines, by exit code: {dict(exit_codes)}", file=sys.stderr)
