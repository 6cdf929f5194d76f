"""Commands on one machine take turns at installing microsoft.flux on a cluster.

Concurrent first `flux create` runs (a pipeline's parallel steps) would each find no extension and each send
an install. A lock file per cluster in azure-cli's configuration folder serializes the find-or-install step:
the first command installs, the others then find the extension. The operating system releases the lock when
a command dies; waiting for it is bounded, after which the command goes on without it.
"""

import contextlib
import hashlib
import os
import time

from knack.log import get_logger

logger = get_logger(__name__)

LOCK_FOLDER = "k8s-flux-locks"
LOCK_WAIT_SECONDS = 30 * 60  # longer than any install; afterwards the command finds the extension itself
_RETRY_SECONDS = 0.2


def _lock_path(cli_ctx, cluster):
    config_dir = getattr(getattr(cli_ctx, "config", None), "config_dir", None)
    if not isinstance(config_dir, str):
        return None
    key = "/".join(cluster.sdk_args()).lower().encode("utf-8", "replace")
    return os.path.join(config_dir, LOCK_FOLDER, hashlib.sha256(key).hexdigest()[:32] + ".lock")


@contextlib.contextmanager
def cluster_lock(cli_ctx, cluster):
    """Hold the cluster's install lock for the block (no lock where files cannot be locked)."""
    path = _lock_path(cli_ctx, cluster)
    handle = _open(path) if path else None
    if handle is None:
        yield
        return
    try:
        _acquire(handle, cluster)
        yield
    finally:
        handle.close()  # closing releases the lock


def _open(path):
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        return open(path, "a+b")  # noqa: SIM115 (held open for the lock's lifetime)
    except OSError:
        return None


def _acquire(handle, cluster):
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    told = False
    while not _try_lock(handle):
        if time.monotonic() >= deadline:
            logger.warning("Another command still holds the install lock of %s: going on without it.",
                           cluster.describe())  # fmt: skip
            return
        if not told:
            logger.info("Another command is installing the Flux extension on %s: waiting.", cluster.describe())
            told = True
        time.sleep(_RETRY_SECONDS)


def _try_lock(handle):
    """Take the lock without blocking: True when taken (or when this platform has no file locks)."""
    try:
        import fcntl
    except ImportError:  # Windows
        return _try_lock_windows(handle)
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    except OSError:  # a file system without locks: go on unlocked
        return True


def _try_lock_windows(handle):
    try:
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        return True
    except ImportError:
        return True
    except OSError as error:
        import errno

        return error.errno not in (errno.EACCES, errno.EDEADLOCK)
