"""Arguments of the flux commands (configurations, kustomizations, deployed objects).

Each context names the commands it serves, so that the other commands of the `flux` group (migrate,
check-manifests) do not inherit these options. Options are grouped in the help as the official extension
groups them (Git Repo Ref, Git Auth, Bucket Auth, Azure Blob Auth, OCI Repo Ref, ...); the official spellings
that differ from ours are aliases (see _official_spellings).
"""

from azext_k8s_flux._official_spellings import FLUX_SOURCE, KUSTOMIZATION, add_hidden_aliases, aliases

_FLUX = "k8s-configuration flux"
_FILE_NOTE = " Prefer {file}: command lines are visible to other users and in --debug output."
GIT_REF, GIT_OR_OCI_REF, GIT_AUTH = "Git Repo Ref", "Git Repo Ref / OCI Repo Ref", "Git Auth"
BUCKET, BUCKET_AUTH = "Bucket", "Bucket Auth"
BLOB, BLOB_AUTH, BLOB_SP = "Azure Blob", "Azure Blob Auth", "Azure Blob Service Principal Auth"
OCI_REF, OCI_AUTH = "OCI Repo Ref", "OCI Auth/Verification"
AUTH, KUSTOMIZATION_GROUP = "Auth", "Kustomization"


def _secret(c, name, help_text, arg_group):
    option = "--" + name.replace("_", "-")
    c.argument(name, options_list=[option, *aliases(FLUX_SOURCE, name)], arg_group=arg_group,
               help=help_text + _FILE_NOTE.format(file=option + "-file"))  # fmt: skip
    c.argument(name + "_file", options_list=[option + "-file"], arg_group=arg_group,
               help=f"Path of a file holding the value of {option}.")  # fmt: skip
    add_hidden_aliases(c, FLUX_SOURCE, name, arg_group=arg_group)


def _named(c, name, arg_group, **kwargs):
    """An option under our name, plus the official spellings of the same option."""
    c.argument(name, options_list=["--" + name.replace("_", "-"), *aliases(FLUX_SOURCE, name)], arg_group=arg_group,
               **kwargs)  # fmt: skip
    add_hidden_aliases(c, FLUX_SOURCE, name, kwargs.get("arg_type"), arg_group)


def _git_arguments(c):
    from azure.cli.core.commands.parameters import get_enum_type

    c.argument("branch", arg_group=GIT_REF, help="Git branch to follow.")
    c.argument("commit", arg_group=GIT_REF,
               help="Full Git commit SHA to pin; may be combined with --branch, the branch it is on.")  # fmt: skip
    c.argument("tag", arg_group=GIT_OR_OCI_REF, help="Git or OCI tag to follow.")
    c.argument("semver", arg_group=GIT_OR_OCI_REF,
               help="Semver range of Git or OCI tags to follow, e.g. '>=1.0.0 <2.0.0'.")  # fmt: skip
    _secret(c, "ssh_private_key", "Private SSH key for an ssh:// or git@ URL (PEM/OpenSSH text, or base64 of it).",
            GIT_AUTH)  # fmt: skip
    _secret(c, "known_hosts", "known_hosts lines for the SSH server (text, or base64 of it).", GIT_AUTH)
    c.argument("https_user", arg_group=GIT_AUTH, help="User name for HTTPS basic authentication (with --https-key).")
    _secret(c, "https_key", "Password or token for HTTPS authentication (with --https-user).", GIT_AUTH)
    _secret(c, "https_ca_cert", "CA certificate (PEM, or base64 of it) for HTTPS servers with a private CA.", GIT_AUTH)
    c.argument("provider", arg_type=get_enum_type(["generic", "azure", "github"]), arg_group=GIT_AUTH,
               help="Git authentication provider: generic, azure (workload identity to Azure DevOps) or github "
                    "(GitHub App credentials in --local-auth-ref).")  # fmt: skip


def _bucket_and_blob_arguments(c):
    from azure.cli.core.commands.parameters import get_three_state_flag

    c.argument("bucket_name", arg_group=BUCKET, help="Name of the S3-compatible bucket.")
    c.argument("bucket_insecure", arg_type=get_three_state_flag(), arg_group=BUCKET,
               help="Talk to the bucket over plain HTTP. Default: follows --url (true for http://, "
                    "false for https://); a value that contradicts the URL is sent with a warning.")  # fmt: skip
    c.argument("bucket_access_key", arg_group=BUCKET_AUTH, help="Access key ID of the bucket.")
    _secret(c, "bucket_secret_key", "Secret access key of the bucket.", BUCKET_AUTH)
    c.argument("container_name", arg_group=BLOB, help="Name of the Azure Blob container.")
    _secret(c, "account_key", "Azure Storage account key.", BLOB_AUTH)
    _secret(c, "sas_token", "Azure Blob SAS token.", BLOB_AUTH)
    _named(c, "mi_client_id", BLOB_AUTH, help="Client ID of the managed identity used for Azure Blob.")
    _named(c, "sp_client_id", BLOB_SP, help="Client ID of the service principal for Azure Blob.")
    _named(c, "sp_tenant_id", BLOB_SP, help="Tenant ID of the service principal for Azure Blob.")
    _secret(c, "sp_client_secret", "Client secret of the service principal.", BLOB_SP)
    _secret(c, "sp_client_cert", "Client certificate (PEM with key, or base64 of it) of the service principal.",
            BLOB_SP)  # fmt: skip
    _secret(c, "sp_client_cert_password", "Password of the service principal's client certificate.", BLOB_SP)
    _named(c, "sp_client_cert_send_chain", BLOB_SP, arg_type=get_three_state_flag(),
           help="Send the certificate chain when authenticating with --sp-client-cert.")  # fmt: skip


def _oci_arguments(c):
    from azure.cli.core.commands.parameters import get_enum_type, get_three_state_flag

    c.argument("digest", arg_group=OCI_REF, help="OCI artifact digest to pin (sha256:...).")
    _named(c, "layer_selector_media_type", OCI_REF, help="OCI layer media type to take the manifests from.")
    _named(c, "layer_selector_operation", OCI_REF, arg_type=get_enum_type(["extract", "copy"]),
           help="What to do with the selected OCI layer: extract (default) or copy.")  # fmt: skip
    c.argument("oci_insecure", arg_type=get_three_state_flag(), arg_group=OCI_AUTH,
               help="Allow plain HTTP to the OCI registry.")  # fmt: skip
    tls_note = " Sent as given (with a warning) when it is base64 that is not PEM."
    _secret(c, "tls_client_certificate", "OCI client certificate for mutual TLS (PEM, or base64 of it)." + tls_note,
            OCI_AUTH)  # fmt: skip
    _secret(c, "tls_private_key", "Private key of --tls-client-certificate (PEM, or base64 of it)." + tls_note,
            OCI_AUTH)  # fmt: skip
    _secret(c, "tls_ca_certificate", "CA certificate of the OCI registry (PEM, or base64 of it)." + tls_note, OCI_AUTH)
    c.argument("use_workload_identity", arg_type=get_three_state_flag(), arg_group=OCI_AUTH,
               help="Authenticate to the OCI registry with workload identity.")  # fmt: skip
    c.argument("service_account_name", arg_group=OCI_AUTH,
               help="Service account whose credentials pull from the OCI registry.")  # fmt: skip
    c.argument("verification_provider", arg_group=OCI_AUTH,
               help="OCI signature verification provider: cosign or notation.")  # fmt: skip
    c.argument("verification_config", nargs="+", arg_group=OCI_AUTH,
               help="Verification keys as NAME=BASE64_PUBLIC_KEY items.")  # fmt: skip
    c.argument("match_oidc_identity", nargs="+", arg_group=OCI_AUTH,
               help="Keyless cosign identities, each as issuer=REGEX,subject=REGEX or as JSON "
                    "'{\"issuer\": \"REGEX\", \"subject\": \"REGEX\"}' (or a JSON list of such objects).")  # fmt: skip


def _source_arguments(c):
    c.argument("url", options_list=["--url", "-u"], help="URL of the source: https://, http://, ssh:// or git@ for "
               "Git; http(s):// for a Bucket or Azure Blob container; oci:// for an OCI repository.")  # fmt: skip
    c.argument("timeout", help="Source operations timeout, as a Go duration such as 10m or 1h2m3s.")
    c.argument("sync_interval", options_list=["--sync-interval", "--interval"],
               help="How often the source is synced, as a Go duration such as 10m or 1h2m3s.")  # fmt: skip
    c.argument("local_auth_ref", options_list=["--local-auth-ref", "--local-ref"], arg_group=AUTH,
               help="Name of a secret in the configuration's namespace that holds the source credentials.")  # fmt: skip
    _git_arguments(c)
    _bucket_and_blob_arguments(c)
    _oci_arguments(c)


def _kustomization_arguments(c):
    from azure.cli.core.commands.parameters import get_three_state_flag

    c.argument("kustomization_name", options_list=["--kustomization-name", "-k"], help="Name of the kustomization.")
    c.argument("path", arg_group=KUSTOMIZATION_GROUP, help="Path in the source to reconcile, e.g. ./apps/staging.")
    c.argument("depends_on", options_list=["--depends-on", "--depends_on", *aliases(KUSTOMIZATION, "depends_on")],
               nargs="+", arg_group=KUSTOMIZATION_GROUP,
               help="Kustomizations that must be ready first: 'a,b' or 'a b'.")  # fmt: skip
    c.argument("timeout", arg_group=KUSTOMIZATION_GROUP,
               help="Timeout of the kustomization, as a Go duration such as 10m.")  # fmt: skip
    c.argument("sync_interval", options_list=["--sync-interval", "--interval"], arg_group=KUSTOMIZATION_GROUP,
               help="Reconciliation interval, as a Go duration such as 10m or 1h2m3s.")  # fmt: skip
    c.argument("retry_interval", arg_group=KUSTOMIZATION_GROUP,
               help="Retry interval after a failure, as a Go duration such as 1m.")  # fmt: skip
    for flag, text in (
        ("prune", "Remove from the cluster the objects that disappear from the source."),
        ("force", "Recreate objects whose immutable fields changed."),
        ("wait", "Wait for the applied objects to be ready (health checks)."),
        ("disable_health_check", "Do not wait for the applied objects to be ready (the opposite of --wait)."),
    ):
        c.argument(flag, arg_type=get_three_state_flag(), arg_group=KUSTOMIZATION_GROUP, help=text)
    c.argument("post_build_substitute", arg_group=KUSTOMIZATION_GROUP,
               help="Variables to substitute after the build: VAR1=value1,VAR2=value2.")  # fmt: skip
    c.argument("post_build_substitute_from", arg_group=KUSTOMIZATION_GROUP,
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
                       action=KustomizationAddAction, arg_group=KUSTOMIZATION_GROUP,
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
