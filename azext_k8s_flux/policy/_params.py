"""Arguments of `az k8s-configuration flux policy generate` (the cluster options come from _params.py)."""


def load_arguments(loader):
    from azext_k8s_flux.validators.settings_input import KeyValueAction

    with loader.argument_context("k8s-configuration flux policy generate") as c:
        c.argument("name", options_list=["--name", "-n"], help="Name of the Flux configuration to generate from "
                   "(with --file: overrides the document's name).")  # fmt: skip
        c.argument("file", options_list=["--file"], arg_group="Document",
                   help="A configuration document (YAML or JSON, as `flux export` writes it) to generate from "
                   "instead of a cluster's configuration. Secret references in it must be readable, as for "
                   "`flux create --file`; no secret value is written.")  # fmt: skip
        c.argument("extension_settings", options_list=["--extension-settings"], arg_group="Document",
                   action=KeyValueAction, nargs="+",
                   help="With --file and no cluster: microsoft.flux settings as key=value pairs, e.g. "
                   "multiTenancy.enforce=false (the extension's defaults for the others). With a cluster "
                   "(-g -c -t), its microsoft.flux settings are taken instead.")  # fmt: skip
        c.argument("parameters", nargs="+", help="Fields that become policy parameters (the rest is written as "
                   "the configuration has them), e.g. url branch namespace effect apps.path (a kustomization's path) "
                   "settings.multiTenancy.enforce (a microsoft.flux setting); at most 20 with the Key Vault ones. "
                   "Default: url, the source's ref, namespace and effect.")  # fmt: skip
        c.argument("local_auth_ref", options_list=["--local-auth-ref", "--local-ref"], arg_group="Secrets",
                   help="Name of a Kubernetes secret, in the configuration's namespace on every cluster, that holds "
                   "the source credentials. The definitions then carry no credentials.")  # fmt: skip
        c.argument("key_vault", arg_group="Secrets", help="Resource ID of the Key Vault holding the source's "
                   "secrets (not its name). The vault must allow template deployment.")  # fmt: skip
        c.argument("key_vault_secret", nargs="+", arg_group="Secrets",
                   help="OPTION=SECRET_NAME items: which Key Vault secret holds each secret of the source, named "
                   "as the flux create option, e.g. https-key=git-token or ssh-private-key=git-ssh-key.")  # fmt: skip
        c.argument("output_dir", help="Folder to write the rules, parameters and initiative files into; the "
                   "output then lists the az commands that create the definitions. Without it, the definitions "
                   "are printed as JSON.")  # fmt: skip
        c.argument("definition_subscription", help="Subscription that will hold the definitions (their IDs "
                   "are in the initiative). Default: the current subscription.")  # fmt: skip
