"""The az process skips its final garbage collection once one of our commands has run (gc.freeze at
exit): observed from an atexit handler registered before anything else, which runs last."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

REPORT_AT_EXIT = textwrap.dedent(
    """
    import atexit, gc, sys

    def _report():
        sys.stderr.write("heap frozen at exit: %s\\n" % bool(gc.get_freeze_count()))
        extension = sys.modules.get("azext_k8s_flux")
        if extension is not None:
            sys.stderr.write("extension loaded from: %s\\n" % extension.__file__)

    atexit.register(_report)
    """
)


def _run_python(code):
    result = subprocess.run([sys.executable, "-c", REPORT_AT_EXIT + textwrap.dedent(code)],
                            capture_output=True, text=True, check=True)
    return result.stdout, result.stderr


def test_the_heap_is_frozen_once_exit_begins_and_the_handler_is_registered_once():
    stdout, stderr = _run_python(
        """
        from azext_k8s_flux._process_exit import skip_final_collection
        import atexit
        before = atexit._ncallbacks()
        skip_final_collection()
        skip_final_collection()
        print(atexit._ncallbacks() - before, gc.get_freeze_count())
        """
    )
    assert stdout.split() == ["1", "0"]  # one handler; nothing frozen while the command runs
    assert "heap frozen at exit: True" in stderr


def test_without_it_the_heap_is_not_frozen():
    _, stderr = _run_python("import azext_k8s_flux._process_exit")
    assert "heap frozen at exit: False" in stderr


def test_real_az_freezes_only_for_our_commands(az, new_cluster, tmp_path):
    (tmp_path / "sitecustomize.py").write_text(REPORT_AT_EXIT)
    env = {"PYTHONPATH": str(tmp_path)}
    cluster = new_cluster()
    ours = az(f"k8s-extension list {cluster.args}", env=env)
    assert ours.json == []
    assert "heap frozen at exit: True" in ours.stderr
    # the installed wheel, not this checkout (which would shadow it if az ran from here)
    loaded_from = ours.stderr.split("extension loaded from: ")[1].split()[0]
    assert not Path(loaded_from).is_relative_to(ROOT), loaded_from
    theirs = az("version", env=env)
    assert "heap frozen at exit: False" in theirs.stderr
