"""Help for `az k8s-configuration flux wait`."""

from knack.help_files import helps

helps["k8s-configuration flux wait"] = """
type: command
short-summary: Wait until Flux has applied a configuration in the cluster, reading its state through Azure.
long-summary: >
    Reads the configuration's compliance state and the status of every object Flux deployed (as the
    fluxconfig-agent reports them to Azure Resource Manager) until it is compliant, fails fast when Flux
    reports a failure, and gives up at the timeout. No access to the cluster's API is needed, so it works
    with private clusters.

    On a terminal it shows progress (source synced at commit X, kustomization infra Ready, apps waiting on
    infra, ...) on stderr; otherwise, or with --output json, it prints only the configuration's final JSON.

    Exit codes: 0 compliant; 4 not compliant (an object failed, the configuration is Non-Compliant or
    suspended); 5 timed out; 3 the configuration does not exist; 1 any other error.
examples:
  - name: Wait up to 10 minutes for a configuration to be applied.
    text: |
        az k8s-configuration flux wait -g $RG -c $CLUSTER -t managedClusters -n cluster-config \\
          --timeout 600
  - name: >-
      In a pipeline, branch on the outcome (bash; also under set -e, as CI runners use; other errors stop the step).
    text: |
        az k8s-configuration flux wait -g $RG -c $CLUSTER -t connectedClusters -n cluster-config \\
          -o none && outcome=0 || outcome=$?
        case $outcome in
          0) echo applied;; 4) echo "flux reported a failure";;
          5) echo "timed out";; *) exit $outcome;;
        esac
"""
