"""Arguments of `az k8s-extension extension-types ...`, with the official command's names. The cluster options
(-g, -c, -t, --cluster-rp) are shared with every k8s-extension command (_params.py)."""

GROUP = "k8s-extension extension-types"


def load_arguments(loader):
    from azure.cli.core.commands.parameters import get_three_state_flag

    with loader.argument_context(GROUP) as c:
        c.argument("extension_type", options_list=["--extension-type"],
                   help="Name of the extension type, e.g. microsoft.flux.")
        # Not azure-cli's location type: it turns "West Europe" into a name with a request of its own.
        c.argument("location", options_list=["--location", "-l"], type=str,
                   help="Region, e.g. westeurope or \"West Europe\". Values from: az account list-locations.")
        c.argument("version", options_list=["--version"], help="Version of the extension type, e.g. 1.24.1.")
        c.argument("release_train", options_list=["--release-train"],
                   help="Release train to list, e.g. stable or preview. The service's default is stable.")
        c.argument("major_version", options_list=["--major-version"],
                   help="Only versions with this major version: 1 keeps 1.1 and 1.1.2.")
        c.argument("show_latest", arg_type=get_three_state_flag(), options_list=["--show-latest"],
                   help="Only the newest version (of those the other filters keep).")
        for name, option, meaning in (("plan_name", "--plan-name", "Plan ID"),
                                      ("plan_product", "--plan-product", "Product (offer) ID"),
                                      ("plan_publisher", "--plan-publisher", "Publisher ID")):
            c.argument(name, options_list=[option], arg_group="Marketplace",
                       help=f"Only Marketplace extension types with this {meaning}.")
    with loader.argument_context(f"{GROUP} list-by-location") as c:
        c.argument("cluster_type", help="Only types that can be installed on this kind of cluster.")
    with loader.argument_context(f"{GROUP} list-versions-by-location") as c:
        c.argument("cluster_type", help="Only versions that can be installed on this kind of cluster.")
