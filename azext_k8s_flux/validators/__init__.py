"""Pure checks of arguments (no I/O); typed azure-cli errors that say what to change.

extension_* and flux_settings: `az k8s-extension` (the microsoft.flux settings schema); flux_configuration/:
`az k8s-configuration flux` sources, kustomizations and durations.
"""
