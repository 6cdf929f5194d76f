"""A Flux configuration as a document (YAML or JSON in the shape `flux show -o json` prints): reading it, applying
it with `flux create|update --file`, showing what an apply would change (`--what-if`), and exporting it
(`flux export`: the document, or an ARM template with microsoft.flux).

Where is X decided? Which keys a document takes: keys.py. Reading the file and naming lines: reader.py. Secret
references ({file: PATH} / {env: NAME}), read and written: references.py. Document -> the command's options:
inputs.py. Options given on the command line over the document: overrides.py. The field-level difference: diff.py.
The commands: apply.py and export.py. The writable part of what ARM returns: writable.py; the secrets a
configuration evidently uses: secrets_in_use.py; the ARM template: arm_template.py.
"""
