"""Arguments of `az k8s-configuration flux export` (the cluster options are shared, in _params.py)."""


def load_arguments(loader):
    from azure.cli.core.commands.parameters import get_enum_type

    with loader.argument_context("k8s-configuration flux export") as c:
        c.argument("name", options_list=["--name", "-n"], help="Name of the Flux configuration.")
        c.argument("export_format", options_list=["--format"], arg_type=get_enum_type(["yaml", "arm"], default="yaml"),
                   help="yaml: the configuration as a document for `flux create --file`; arm: an ARM template with "
                   "the configuration and the Flux extension, for `az deployment group create`.")  # fmt: skip
        c.argument("file_path", options_list=["--file"],
                   help="File to write (replaced if it exists). Default: the text is printed to stdout.")
