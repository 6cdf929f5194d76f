"""What `--what-if` prints: the write that would be sent and the field-level difference (diff.py), as one JSON
object, so that `--query changes` and `-o table` work:

{"configuration": NAME, "cluster": "...", "write": "PUT" | "PATCH" | "none",
 "changes": [{"path": "gitRepository.repositoryRef.branch", "change": "changed", "before": "main", "after": "dev"},
             {"path": "configurationProtectedSettings.httpsKey", "change": "set (value not compared)"}, ...]}
"""

from azext_k8s_flux.document.diff import SECRET_CHANGE


def only_secrets(rows):
    return bool(rows) and all(row["change"] == SECRET_CHANGE for row in rows)


def visible_changes(rows):
    return [row for row in rows if row["change"] != SECRET_CHANGE]


def what_if_result(name, cluster, write, rows):
    return {"configuration": name, "cluster": cluster.describe(), "write": write, "changes": rows}


def is_what_if(result):
    return isinstance(result, dict) and set(result) == {"configuration", "cluster", "write", "changes"}


def table_rows(result):
    from collections import OrderedDict

    return [OrderedDict([("Path", row["path"]), ("Change", row["change"]), ("Before", row.get("before")),
                         ("After", row.get("after"))]) for row in result["changes"]]  # fmt: skip
