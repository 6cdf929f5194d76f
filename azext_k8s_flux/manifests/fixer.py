"""--fix and --diff: apply the findings' edits to the files' text.

The parser gives every key and value its line and column, so an edit touches only the characters it changes
(a scalar replaced in place, keeping its quotes; a new `key: value` line at the mapping's indentation).
Comments, blank lines, key order, quoting, indentation and line endings are left exactly as they were.
"""

import difflib
from collections import defaultdict

from azext_k8s_flux.manifests.findings import ReplaceText, SetScalar


class FixError(Exception):
    """An edit the text does not allow (flow-style mapping, multi-line scalar, ...): left for a person."""


def _newline(text):
    return "\r\n" if "\r\n" in text else "\n"


def _scalar_span(line, column, expected, flow=False):
    """(start, end) of the scalar token starting at `column`; its quotes are kept outside the span."""
    quote = line[column : column + 1]
    if quote in ('"', "'"):
        end = line.find(quote, column + 1)
        while quote == "'" and end != -1 and line[end + 1 : end + 2] == "'":
            end = line.find(quote, end + 2)
        if end == -1:
            raise FixError("multi-line quoted scalar")
        return column + 1, end
    body = line.rstrip("\r\n")
    stops = [i for i in (body.find(c, column) for c in (" #", *(",}]" if flow else ()))) if i != -1]
    end = min(stops, default=len(body))
    token = body[column:end].rstrip()
    if token != str(expected):
        raise FixError(f"unexpected text {token!r}")
    return column, column + len(token)


class _FileEdits:
    def __init__(self, text):
        self.lines = text.splitlines(keepends=True)
        self.newline = _newline(text)
        self.replacements = defaultdict(dict)  # line -> {start: (end, text)}
        self.inserts = defaultdict(list)  # line -> [text, ...] (inserted before that line, in order)

    def set_scalar(self, edit):
        line, column = edit.mapping.lc.value(edit.key)
        flow = edit.mapping.fa.flow_style()
        start, end = _scalar_span(self.lines[line], column, edit.mapping[edit.key], flow)
        self.replacements[line][start] = (end, edit.value)

    def insert_key(self, edit):
        mapping = edit.mapping
        if mapping.fa.flow_style() or not len(mapping):
            raise FixError("flow-style or empty mapping")
        first_line, indent = mapping.lc.key(next(iter(mapping)))
        if edit.after is not None and edit.after in mapping:
            value = mapping[edit.after]
            if hasattr(value, "lc") or "\n" in str(value):
                raise FixError("can only insert after a one-line scalar")
            line = mapping.lc.value(edit.after)[0] + 1
        else:
            line = first_line
            if self.lines[line][:indent].strip():
                raise FixError("the mapping starts on a line shared with other text")
        self.inserts[line].append(f"{' ' * indent}{edit.key}: {edit.value}{self.newline}")

    def text(self):
        out = []
        for number, line in enumerate(self.lines + [""]):
            inserts = self.inserts.get(number, ())
            if inserts and out and not out[-1].endswith("\n"):
                out[-1] += self.newline  # inserting after a last line that had no line break
            out.extend(inserts)
            for start, (end, value) in sorted(self.replacements.get(number, {}).items(), reverse=True):
                line = line[:start] + value + line[end:]
            out.append(line)
        return "".join(out)


def apply(report):
    """{file name: (path, old text, new text)} for every file the fixable findings change.

    Returns (changes, skipped) where skipped lists the findings whose edits the text did not allow.
    """
    by_file = defaultdict(list)
    for finding in report.findings:
        if finding.edits:
            by_file[finding.file].append(finding)
    entries = {checked.entry.name: checked.entry for checked in report.files}
    changes, skipped = {}, []
    for name, findings in by_file.items():
        entry = entries[name]
        edits = _FileEdits(entry.text)
        for finding in findings:
            trial = _snapshot(edits)
            try:
                for edit in finding.edits:
                    if isinstance(edit, SetScalar):
                        edits.set_scalar(edit)
                    elif isinstance(edit, ReplaceText):
                        edits.replacements[edit.line][edit.start] = (edit.end, edit.value)
                    else:
                        edits.insert_key(edit)
            except (FixError, KeyError, IndexError, AttributeError) as err:
                _restore(edits, trial)
                skipped.append((finding, str(err)))
        new_text = edits.text()
        if new_text != entry.text:
            changes[name] = (entry.path, entry.text, new_text)
    return changes, skipped


def _snapshot(edits):
    return ({k: dict(v) for k, v in edits.replacements.items()}, {k: list(v) for k, v in edits.inserts.items()})


def _restore(edits, snapshot):
    edits.replacements = defaultdict(dict, snapshot[0])
    edits.inserts = defaultdict(list, snapshot[1])


def unified_diff(changes):
    chunks = []
    for name in sorted(changes):
        _, old, new = changes[name]
        chunks.extend(
            difflib.unified_diff(
                old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{name}", f"b/{name}"
            )
        )
    return "".join(line if line.endswith("\n") else line + "\n" for line in chunks)


def write(changes):
    from azext_k8s_flux.manifests.loader import ManifestError

    for name, (path, _, new) in sorted(changes.items()):
        try:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(new)
        except OSError as err:
            raise ManifestError(name, None, f"cannot write the file: {err.strerror or err}") from None
