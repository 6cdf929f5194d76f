"""Arguments of the flux commands (configurations, kustomizations, deployed objects).

Each context names the commands it serves, so that the other commands of the `flux` group (migrate,
check-manifests) do not inherit these options.
"""

_FLUX = "k8s-configuration flux"
_FILE_NOTE = " Prefer {file}: command lines are visible to other users and in --debug output."


def _secret(c, name, help_text):
    option = "--" + name.replace("_", "-")
    c.argument(name, options_list=[option], help=help_text + _FILE_NOTE.format(file=option + "-file"))
    c.argument(name + "_file", options_list=[option + "-file"], help=f"Path of a file holding the value of {option}.")


def _source_arguments(c):
    from azure.cli.core.commands.parameters import get_enum_type, get_three_state_flag

    c.argument("url", options_list=["--url", "-u"], help="URL of the source: https://, http://, ssh:// or git@ for "
               "Git; http(s):// for a Bucket or Azure Blob container; oci:// for an OCI repository.")  # fmt: skip
    c.argument("branch", help="Git branch to follow.")
    c.argument("tag", help="Git or OCI tag to follow.")
    c.argument("semver", help="Semver range of Git or OCI tags to follow, e.g. '>=1.0.0 <2.0.0'.")
    c.argument("commit", help="Full Git commit SHA to pin; may be combined with --branch, the branch it is on.")
    c.argument("digest", help="OCI artifact digest to pin (sha256:...).")
    c.argument("timeout", help="Source operations timeout, as a Go duration such as 10m or 1h2m3s.")
    c.argument("sync_interval", options_list=["--sync-interval", "--interval"],
               help="How often the source is synced, as a Go duration such as 10m or 1h2m3s.")  # fmt: skip
    _secret(c, "ssh_private_key", "Private SSH key for an ssh:// or git@ URL (PEM/OpenSSH text, or base64 of it).")
    _secret(c, "known_hosts", "known_hosts lines for the SSH server (text, or base64 of it).")
    c.argument("https_user", help="User name for HTTPS basic authentication (with --https-key).")
    _secret(c, "https_key", "Password or token for HTTPS authentication (with --https-user).")
    _secret(c, "https_ca_cert", "CA certificate (PEM, or base64 of it) for HTTPS servers with a private CA.")
    c.argument("local_auth_ref", options_list=["--local-auth-ref", "--local-ref"],
               help="Name of a secret in the configuration's namespace that holds the source credentials.")  # fmt: skip
    c.argument("provider", arg_type=get_enum_type(["generic", "azure", "github"]),
               help="Git authentication provider: generic, azure (workload identity to Azure DevOps) or github "
                    "(GitHub App credentials in --local-auth-ref).")  # fmt: skip
    c.argument("bucket_name", help="Name of the S3-compatible bucket.")
    c.argument("bucket_access_key", help="Access key ID of the bucket.")
    _secret(c, "bucket_secret_key", "Secret access key of the bucket.")
    c.argument("bucket_insecure", arg_type=get_three_state_flag(),
               help="Talk to the bucket over plain HTTP. Default: follows --url (true for http://, "
                    "false for https://).")  # fmt: skip
    c.argument("container_name", help="Name of the Azure Blob container.")
    _secret(c, "account_key", "Azure Storage account key.")
    _secret(c, "sas_token", "Azure Blob SAS token.")
    c.argument("sp_client_id", help="Client ID of the service principal for Azure Blob.")
    c.argument("sp_tenant_id", help="Tenant ID of the service principal for Azure Blob.")
    _secret(c, "sp_client_secret", "Client secret of the service principal.")
    _secret(c, "sp_client_cert", "Client certificate (PEM with key, or base64 of it) of the service principal.")
    _secret(c, "sp_client_cert_password", "Password of the service principal's client certificate.")
    c.argument("sp_client_cert_send_chain", arg_type=get_three_state_flag(),
               help="Send the certificate chain when authenticating with --sp-client-cert.")  # fmt: skip
    c.argument("mi_client_id", help="Client ID of the managed identity used for Azure Blob.")
    c.argument("layer_selector_media_type", help="OCI layer media type to take the manifests from.")
    c.argument("layer_selector_operation", arg_type=get_enum_type(["extract", "copy"]),
               help="What to do with the selected OCI layer: extract (default) or copy.")  # fmt: skip
    c.argument("oci_insecure", arg_type=get_three_state_flag(), help="Allow plain HTTP to the OCI registry.")
    _secret(c, "tls_client_certificate", "OCI client certificate for mutual TLS (PEM, or base64 of it).")
    _secret(c, "tls_private_key", "Private key of --tls-client-certificate (PEM, or base64 of it).")
    _secret(c, "tls_ca_certificate", "CA certificate of the OCI registry (PEM, or base64 of it).")
    c.argument("use_workload_identity", arg_type=get_three_state_flag(),
               help="Authenticate to the OCI registry with workload identity.")  # fmt: skip
    c.argument("service_account_name", help="Service account whose credentials pull from the OCI registry.")
    c.argument("verification_provider", help="OCI signature verification provider: cosign or notation.")
    c.argument("verification_config", nargs="+", help="Verification keys as NAME=BASE64_PUBLIC_KEY items.")
    c.argument("match_oidc_identity", nargs="+",
               help="Keyless cosign identities, each as issuer=REGEX,subject=REGEX.")  # fmt: skip


def _kustomization_arguments(c):
    from azure.cli.core.commands.parameters import get_three_state_flag

    c.argument("kustomization_name", options_list=["--kustomization-name", "-k"], help="Name of the kustomization.")
    c.argument("path", help="Path in the source to reconcile, e.g. ./apps/staging.")
    c.argument("depends_on", options_list=["--depends-on", "--depends_on"], nargs="+",
               help="Kustomizations that must be ready first: 'a,b' or 'a b'.")  # fmt: skip
    c.argument("timeout", help="Timeout of the kustomization, as a Go duration such as 10m.")
    c.argument("sync_interval", options_list=["--sync-interval", "--interval"],
               help="Reconciliation interval, as a Go duration such as 10m or 1h2m3s.")  # fmt: skip
    c.argument("retry_interval", help="Retry interval after a failure, as a Go duration such as 1m.")
    for flag, text in (
        ("prune", "Remove from the cluster the objects that disappear from the source."),
        ("force", "Recreate objects whose immutable fields changed."),
        ("wait", "Wait for the applied objects to be ready (health checks)."),
        ("disable_health_check", "Do not wait for the applied objects to be ready (the opposite of --wait)."),
    ):
        c.argument(flag, arg_type=get_three_state_flag(), help=text)
    c.argument("post_build_substitute", help="Variables to substitute after the build: VAR1=value1,VAR2=value2.")
    c.argument("post_build_substitute_from",
               help="ConfigMaps/Secrets holding variables: ConfigMap:NAME,Secret:NAME:optional.")  # fmt: skip


def load_arguments(loader):
    from azure.cli.core.commands.parameters import get_enum_type, get_three_state_flag

    from azext_k8s_flux._actions import KustomizationAddAction

    commands = ("create", "update", "delete", "show", "list")
    for verb in commands:
        with loader.argument_context(f"{_FLUX} {verb}") as c:
            c.argument("name", options_list=["--name", "-n"], help="Name of the Flux configuration.")
    for verb in ("create", "update"):
        with loader.argument_context(f"{_FLUX} {verb}") as c:
            _source_arguments(c)
            c.argument("kind", help="Source kind: git, bucket, azblob or oci. Changing it on "
                       "update asks for confirmation and removes the old source.")  # fmt: skip
            c.argument("kustomization", options_list=["--kustomization", "-k"], nargs="+",
                       action=KustomizationAddAction,
                       help="A kustomization, as space-separated key=value items: name=NAME path=PATH "
                            "depends_on=a,b timeout=10m sync_interval=10m retry_interval=1m prune=true force=false "
                            "wait=true disable_health_check=false post_build_substitute=VAR=value,... "
                            "post_build_substitute_from=ConfigMap:NAME,Secret:NAME:optional. Repeat -k for more. "
                            "On update, -k changes only the keys it gives of the kustomizations it names (a new "
                            "name is added); others keep their values (see --replace-kustomizations).")  # fmt: skip
            c.argument("suspend", arg_type=get_three_state_flag(), help="Suspend (true) or resume (false) syncing.")
    with loader.argument_context(f"{_FLUX} create") as c:
        c.argument("scope", options_list=["--scope", "-s"], arg_type=get_enum_type(["cluster", "namespace"]),
                   help="Scope of the configuration: cluster (default) or namespace.")  # fmt: skip
        c.argument("namespace", options_list=["--namespace", "--ns"],
                   help="Namespace of the configuration's Flux objects.")  # fmt: skip
    with loader.argument_context(f"{_FLUX} update") as c:
        c.argument("yes", options_list=["--yes", "-y"], help="Do not ask before switching the source kind or "
                   "removing kustomizations left out of -k with --replace-kustomizations.")  # fmt: skip
        c.argument("replace_kustomizations", action="store_true",
                   help="-k gives the complete set of kustomizations: fields left out return to their defaults and "
                   "kustomizations not named are removed (after a confirmation, or with --yes).")  # fmt: skip
    with loader.argument_context(f"{_FLUX} delete") as c:
        c.argument("yes", options_list=["--yes", "-y"], help="Do not ask for confirmation.")
        c.argument("force", arg_type=get_three_state_flag(),
                   help="Remove the resource from Azure even if the cluster cannot clean up.")  # fmt: skip
    with loader.argument_context(f"{_FLUX} kustomization") as c:
        c.argument("name", options_list=["--name", "-n"], help="Name of the Flux configuration.")
        _kustomization_arguments(c)
    with loader.argument_context(f"{_FLUX} kustomization delete") as c:
        c.argument("yes", options_list=["--yes", "-y"], help="Do not ask for confirmation.")
    with loader.argument_context(f"{_FLUX} deployed-object") as c:
        c.argument("name", options_list=["--name", "-n"], help="Name of the Flux configuration.")
        c.argument("object_name", help="Name of the deployed object.")
        c.argument("object_namespace", help="Namespace of the deployed object.")
        c.argument("object_kind", help="Kind of the deployed object, e.g. GitRepository or Kustomization.")
