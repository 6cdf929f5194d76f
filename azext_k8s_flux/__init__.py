"""Azure CLI extension for GitOps with Flux v2 on AKS and Azure Arc-enabled Kubernetes."""

from azure.cli.core import AzCommandsLoader

from azext_k8s_flux._help import helps  # noqa: F401  (registers the YAML help entries)


class K8sFluxCommandsLoader(AzCommandsLoader):
    def __init__(self, cli_ctx=None):
        super().__init__(cli_ctx=cli_ctx)

    def load_command_table(self, args):
        from azext_k8s_flux.commands import load_command_table

        load_command_table(self, args)
        return self.command_table

    def load_arguments(self, command):
        from azext_k8s_flux._params import load_arguments
        from azext_k8s_flux._process_exit import skip_final_collection

        # azure-cli loads our arguments when one of our commands is about to run.
        skip_final_collection()
        load_arguments(self, command)


COMMAND_LOADER_CLS = K8sFluxCommandsLoader
