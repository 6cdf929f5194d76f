"""Help for `az k8s-configuration flux check-manifests`."""

from knack.help_files import helps

helps["k8s-configuration flux check-manifests"] = """
type: command
short-summary: Find, offline, what multi-tenancy would block in a repository's Flux manifests, and fix it.
long-summary: >
    The microsoft.flux extension enforces multi-tenancy by default: every Flux object a configuration deploys
    must live in the configuration's namespace, and every sourceRef (chartRef, imageRepositoryRef, dependsOn, ...) must
    point into that namespace. This command reads the YAML under --path the way Flux would (kustomization.yaml
    `resources` where present, otherwise every *.yaml/*.yml file; Helm charts and Helm-style templates are
    skipped with a note) and reports each problem with its file, line, rule, what multi-tenancy would do and
    the fix. It needs no Azure connection and no cluster.

    Rules: MT001 (error) Flux object outside the configuration namespace; MT002 (error) cross-namespace
    reference to another Flux object; MT003 (warning) Flux object without a namespace; MT004 (error) image
    policy marker naming an ImagePolicy in another namespace; MT005 (error) kustomize patch of a Flux object
    outside the configuration namespace; API001 (warning) deprecated Flux API version that current Flux
    releases no longer serve; V1001 (error) Flux v1 (helm.fluxcd.io) HelmRelease.

    --fix rewrites the files the way the multi-tenancy documentation shows: objects move into the
    configuration namespace, HelmReleases get spec.targetNamespace set to where they deployed (and
    spec.releaseName when it was implied), references point into the configuration namespace. Only the
    changed characters are touched: comments, quoting and indentation are kept. --diff previews it.

    Output: a table by default; -o json for pipelines (notes and the summary go to stderr).
    Exit codes: 0 no errors (warnings may be listed); 1 errors found (with --strict, any finding);
    2 the check could not run (bad argument, unreadable file, invalid YAML: reported with file and line).
examples:
  - name: Check a repository for a configuration in the cluster-config namespace.
    text: az k8s-configuration flux check-manifests --path ./my-repo --namespace cluster-config
  - name: >-
      In a pipeline, fail the build (exit code 1) when multi-tenancy would block something, and keep the
      findings as JSON; add --strict to fail on warnings too.
    text: az k8s-configuration flux check-manifests --path . -o json > findings.json
  - name: Preview the fixes as a unified diff, then apply them.
    text: |
        az k8s-configuration flux check-manifests --path ./clusters/production --diff
        az k8s-configuration flux check-manifests --path ./clusters/production --fix
  - name: List only the cross-namespace references.
    text: |
        az k8s-configuration flux check-manifests --path . -o tsv \\
          --query "[?rule=='MT002'].[file, line, object]"
"""
