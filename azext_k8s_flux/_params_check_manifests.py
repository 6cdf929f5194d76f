"""Arguments of `az k8s-configuration flux check-manifests`."""


def load_arguments(loader):
    with loader.argument_context("k8s-configuration flux check-manifests") as c:
        c.argument(
            "path",
            options_list=["--path"],
            help="Folder of the repository to check (the path a Flux configuration's kustomization points at, "
            "or the repository root), or a single YAML file.",
        )
        c.argument(
            "namespace",
            options_list=["--namespace", "--ns"],
            help="Namespace of the Flux configuration: with multi-tenancy every Flux object must live there.",
        )
        c.argument(
            "fix",
            action="store_true",
            help="Rewrite the files: move Flux objects into the configuration namespace, set "
            "spec.targetNamespace on HelmReleases to where they deployed, and point references there. "
            "Comments and formatting are kept. Prints what is left.",
        )
        c.argument("diff", action="store_true", help="Print what --fix would change as a unified diff; write nothing.")
        c.argument("strict", action="store_true", help="Exit with code 1 on warnings too, not only on errors.")
