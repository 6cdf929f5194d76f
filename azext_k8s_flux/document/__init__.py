"""A Flux configuration as a document (YAML or JSON in the shape `flux show -o json` prints): reading it, applying
it with `flux create|update --file`, and showing what an apply would change (`--what-if`).

Where is X decided? Which keys a document takes: keys.py. Reading the file and naming lines: reader.py. Secret
references ({file: PATH} / {env: NAME}): references.py. Document -> the command's options: inputs.py. Options given
on the command line over the document: overrides.py. The field-level difference: diff.py. The commands: apply.py.
"""
