"""A shorter exit for the az process once one of our commands has run.

At exit the interpreter runs a full garbage collection over everything still loaded. With azure-core
and the management SDK imported that walk takes about 40 ms, more than importing the SDK, and it frees
nothing the operating system does not reclaim anyway. Moving every live object to the permanent
generation (gc.freeze) when exit begins skips the walk. Shutdown is otherwise unchanged: atexit
handlers run, streams are flushed, and objects released by reference counting are finalized as usual.
"""

import atexit
import gc

_registered = False


def skip_final_collection():
    """Freeze the heap when the process starts to exit (registered once per process)."""
    global _registered
    if not _registered:
        atexit.register(gc.freeze)
        _registered = True
