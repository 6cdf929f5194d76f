"""`az k8s-configuration flux policy generate`: Azure Policy definitions that apply an existing Flux configuration,
and the microsoft.flux extension it runs on, to every AKS and Arc cluster of a scope.

Where is X decided? The published aliases: aliases.py. The writable part of what ARM returns: document/writable.py
(shared with the export). Which fields may become policy parameters: parameters.py. Secrets (Key Vault or an
in-cluster secret): secrets.py. The deployment templates: templates.py. The existence conditions: existence.py.
The definitions and the initiative: definitions.py. Files and the az commands that create them: output.py. The
handler: command.py.
"""
