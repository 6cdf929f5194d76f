"""Offline reading of a repository's Flux manifests: the multi-tenancy pre-flight behind
`az k8s-configuration flux check-manifests`.

Pure Python on top of ruamel.yaml: no Azure connection, no cluster, no azure-cli imports, so the engine can
be used (and benchmarked) on its own:

    report = checker.check("path/to/repo", "cluster-config")   # raises loader.ManifestError
    changes, skipped = fixer.apply(report)                      # {file: (path, old, new)}
"""
