"""Findings, the rules that produce them, and the edits that fix them."""

from collections import OrderedDict
from dataclasses import dataclass, field

ERROR = "error"  # multi-tenancy blocks the object (or Flux v2 ignores it): exit code 1
WARNING = "warning"  # works today, breaks later or depends on context: reported, exit code 0 unless --strict

# rule id -> (severity, title). The titles are what `--help` lists.
RULES = OrderedDict(
    [
        ("MT001", (ERROR, "Flux object outside the configuration namespace")),
        ("MT002", (ERROR, "Cross-namespace reference to another Flux object")),
        ("MT003", (WARNING, "Flux object without a namespace")),
        ("MT004", (ERROR, "Image policy marker naming an ImagePolicy in another namespace")),
        ("MT005", (ERROR, "Kustomize patch of a Flux object outside the configuration namespace")),
        ("API001", (WARNING, "Deprecated Flux API version that current Flux releases no longer serve")),
        ("V1001", (ERROR, "Flux v1 (helm-operator) HelmRelease")),
    ]
)


@dataclass(frozen=True)
class SetScalar:
    """Replace the scalar value of `key` in `mapping`, in place in the text."""

    mapping: object
    key: str
    value: str


@dataclass(frozen=True)
class InsertKey:
    """Add `key: value` to a block mapping: after the line of `after`, or before the first key."""

    mapping: object
    key: str
    value: str
    after: object = None


@dataclass(frozen=True)
class ReplaceText:
    """Replace columns [start, end) of a (0-based) line: for text the parser does not see, like comments."""

    line: int
    start: int
    end: int
    value: str


@dataclass
class Finding:
    file: str
    line: int
    rule: str
    kind: str
    name: str
    namespace: object
    api_version: str
    problem: str
    fix: str
    edits: list = field(default_factory=list)

    @property
    def severity(self):
        return RULES[self.rule][0]

    @property
    def fixable(self):
        return bool(self.edits)

    @property
    def object(self):
        return f"{self.kind} {self.namespace or '-'}/{self.name or '-'}"

    def to_dict(self):
        return OrderedDict(
            [
                ("file", self.file),
                ("line", self.line),
                ("rule", self.rule),
                ("severity", self.severity),
                ("object", self.object),
                ("kind", self.kind),
                ("name", self.name),
                ("namespace", self.namespace),
                ("apiVersion", self.api_version),
                ("problem", self.problem),
                ("fix", self.fix),
                ("fixable", self.fixable),
            ]
        )


def sort_key(finding):
    return (finding.file, finding.line or 0, finding.rule)
