"""`-o table` for the fleet commands: one row per configuration or extension on stdout, then the summary (counts)
on stderr, where a person reading the table sees it and a redirected table stays one table."""

import sys
from collections import OrderedDict


def fleet_status_table(result):
    if isinstance(result, list):  # --missing: clusters
        return [OrderedDict([("Cluster", r["cluster"]), ("Type", r["clusterType"]),
                             ("ResourceGroup", r["resourceGroup"]), ("Location", r["location"])])
                for r in result]  # fmt: skip
    _print_summary(result["summary"], ("complianceState", "sourceSyncedCommitId"), result["total"], "configurations")
    return [OrderedDict([
        ("Cluster", row["cluster"]), ("ResourceGroup", row["resourceGroup"]), ("Configuration", row["configuration"]),
        ("Compliance", row["complianceState"]), ("SyncedCommit", row["sourceSyncedCommitId"] or ""),
        ("LastSync", row["statusUpdatedAt"] or row["sourceUpdatedAt"] or ""), ("Message", row["message"] or ""),
    ]) for row in result["configurations"]]  # fmt: skip


def extension_status_table(result):
    _print_summary(result["summary"], ("version", "provisioningState"), result["total"], "extensions")
    return [OrderedDict([
        ("Cluster", row["cluster"]), ("ResourceGroup", row["resourceGroup"]), ("Version", row["version"] or ""),
        ("State", row["provisioningState"] or ""), ("Supported", _yes_no(row.get("supported"))),
        ("UpgradePath", " -> ".join(row.get("upgradePath") or [])), ("Message", row["message"] or ""),
    ]) for row in result["extensions"]]  # fmt: skip


def rollout_table(result):
    return [OrderedDict([("Commit", result["commit"]), ("Reached", result["reached"]), ("Total", result["total"]),
                         ("Percentage", result["percentage"]), ("Failed", len(result["failed"])),
                         ("Waiting", len(result["waiting"]))])]  # fmt: skip


def _yes_no(value):
    return "" if value is None else ("yes" if value else "no")


def _print_summary(summary, keys, total, what):
    lines = [f"{total} {what}" + (":" if summary else ".")]
    lines += [f"  {entry['count']:>6}  " + "  ".join(str(entry[key] or "-") for key in keys) for entry in summary]
    print("\n".join(lines), file=sys.stderr, flush=True)
