"""Help of `az k8s-configuration flux policy`."""

from knack.help_files import helps

helps["k8s-configuration flux policy"] = """
type: group
short-summary: Azure Policy definitions that apply a Flux configuration to every cluster of a scope.
"""

helps["k8s-configuration flux policy generate"] = """
type: command
short-summary: Generate DeployIfNotExists definitions and an initiative from a Flux configuration or a document.
long-summary: |
    Reads the configuration and the cluster's microsoft.flux extension (or, with --file, a configuration document
    as `flux create --file` takes it, with microsoft.flux as `flux create` installs it and the settings of
    --extension-settings; nothing is read from Azure) and writes two custom definitions (the
    extension with its settings; the configuration with every kustomization, pinned to its name, deployed after
    its extension) and an initiative with both. Fields not named in --parameters are written as they are on the
    cluster. Secrets are never written: give --local-auth-ref or --key-vault with --key-vault-secret. Fields that
    no Azure Policy alias can check are named in a warning and in the definition's metadata.
examples:
  - name: Write the files and print the az commands that create the definitions.
    text: |
        az k8s-configuration flux policy generate -g $RG -c $CLUSTER -t managedClusters \\
            -n cluster-config --output-dir ./policy
  - name: Make the URL, the branch, one kustomization's path and the effect parameters.
    text: |
        az k8s-configuration flux policy generate -g $RG -c $CLUSTER -t managedClusters \\
            -n cluster-config --parameters url branch apps.path effect --output-dir ./policy
  - name: From a document, with a microsoft.flux setting, without reading any cluster.
    text: |
        az k8s-configuration flux policy generate --file cluster-config.yaml \\
            --extension-settings multiTenancy.enforce=false --output-dir ./policy
  - name: A configuration with an HTTPS token, taken from Key Vault when the policy deploys.
    text: |
        az k8s-configuration flux policy generate -g $RG -c $CLUSTER -t connectedClusters \\
            -n cluster-config --key-vault $VAULT_ID --key-vault-secret https-key=git-token \\
            --output-dir ./policy
"""
