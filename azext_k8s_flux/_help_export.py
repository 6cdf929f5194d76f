"""Help for `az k8s-configuration flux export`."""

from knack.help_files import helps

helps["k8s-configuration flux export"] = """
type: command
short-summary: Export a Flux configuration as a YAML document or as a deployable ARM template.
long-summary: >
    yaml (default): the writable part of the configuration, in the shape `flux show -o json` prints, which
    `flux create --file` applies. arm: a template with the Flux extension (its settings, release train and
    version as installed) and the configuration, for `az deployment group create` on any AKS or Azure Arc
    cluster (parameters clusterName and clusterType).

    Secrets are never exported (Azure never returns them): each secret the configuration uses is a reference to
    fill in, {env: VARIABLE} or {file: PATH} in the document and a securestring parameter in the template.
    Fields the service fills with its default are left out. The text is printed as it is, or written to --file.
examples:
  - name: Print the configuration as a document (YAML).
    text: az k8s-configuration flux export -g $RG -c $CLUSTER -t connectedClusters -n cluster-config
  - name: >-
      Write it as an ARM template and deploy that with az deployment (clusterName and clusterType choose the
      cluster); each secret the configuration uses is a securestring parameter, given here in a parameters file
      ({"parameters": {"httpsKey": {"value": "..."}}}) so that it is not on the command line.
    text: |
        az k8s-configuration flux export -g $RG -c $CLUSTER -t connectedClusters -n cluster-config \\
          --format arm --file cluster-config.json
        az deployment group create -g $RG --template-file cluster-config.json \\
          --parameters clusterName=$CLUSTER clusterType=connectedClusters \\
          --parameters @flux-secrets.json
"""
