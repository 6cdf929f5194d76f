"""Help for `az k8s-configuration flux check-manifests`."""
