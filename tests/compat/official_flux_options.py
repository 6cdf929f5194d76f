"""Every option of every `az k8s-configuration` command of the official k8s-configuration extension (2.3.0; Flux
v1 `create` from 1.7.0, its last release with it), as its _params.py declares them, with the handler parameter of
ours each must reach and the value it must arrive with.

Our own test data: each row is (handler parameter, [(official spelling, value tokens, expected value), ...]).
Value tokens None: the option is given bare (a flag). Several variants of a row cover the aliases and the value
forms the official parser accepts (enum values in any case, bare or true/false three-state flags, lists).
"""

GUID_A, GUID_B = "11111111-2222-3333-4444-555555555555", "66666666-7777-8888-9999-000000000000"

CLUSTER = [
    ("resource_group_name", [("--resource-group", "rg-one", "rg-one"), ("-g", "rg-two", "rg-two")]),
    ("cluster_name", [("--cluster-name", "arc-one", "arc-one"), ("-c", "aks-two", "aks-two")]),
    ("cluster_type", [("--cluster-type", "connectedClusters", "connectedClusters"),
                      ("-t", "managedClusters", "managedClusters"),
                      ("-t", "provisionedClusters", "provisionedClusters"),
                      ("-t", "managedclusters", "managedClusters")]),
]  # fmt: skip
FLUX_CLUSTER = CLUSTER + [
    ("cluster_resource_provider", [("--cluster-resource-provider", "Microsoft.HybridContainerService",
                                    "Microsoft.HybridContainerService"),
                                   ("--cluster-rp", "Microsoft.Kubernetes", "Microsoft.Kubernetes")]),
]  # fmt: skip
NAME = [("name", [("--name", "team.apps", "team.apps"), ("-n", "cluster-config", "cluster-config")])]
NO_WAIT = [("no_wait", [("--no-wait", None, True)])]
YES = [("yes", [("--yes", None, True), ("-y", None, True)])]


def _words(text):
    return text.split()


def _flag(parameter, *options):
    """A three-state flag: bare means true; true/false (any case) as values."""
    first = options[0]
    variants = [(first, None, True), (options[-1], "false", False), (first, "True", True)]
    return (parameter, variants)


KUSTOMIZATION_ITEMS = [
    # name, path, prune, force and the other keys under each spelling of the official action.
    ("-k", _words("name=infra path=./infrastructure prune=true"),
     [{"name": "infra", "path": "./infrastructure", "prune": True}]),
    ("--kustomization", _words("name=apps path=./apps depends_on=infra timeout=5m sync_interval=2m retry_interval=1m "
                        "force=false"),
     [{"name": "apps", "path": "./apps", "dependsOn": ["infra"], "timeoutInSeconds": 300,
       "syncIntervalInSeconds": 120, "retryIntervalInSeconds": 60, "force": False}]),
    ("-k", _words("name=apps dependencies=infra,db interval=3m retryInterval=30s disable-health-check=true"),
     [{"name": "apps", "dependsOn": ["infra", "db"], "syncIntervalInSeconds": 180, "retryIntervalInSeconds": 30,
       "wait": False}]),
    ("-k", _words("name=apps dependsOn=infra syncInterval=10m"),
     [{"name": "apps", "dependsOn": ["infra"], "syncIntervalInSeconds": 600}]),
    ("-k", _words("name=apps depends=infra"), [{"name": "apps", "dependsOn": ["infra"]}]),
]  # fmt: skip

SOURCE = [
    ("kind", [("--kind", "git", "git"), ("--kind", "bucket", "bucket"), ("--kind", "azblob", "azblob"),
              ("--kind", "oci", "oci")]),
    ("url", [("--url", "https://github.com/org/fleet", "https://github.com/org/fleet"),
             ("-u", "oci://ghcr.io/org/manifests", "oci://ghcr.io/org/manifests")]),
    ("timeout", [("--timeout", "10m", "10m")]),
    ("sync_interval", [("--interval", "5m", "5m"), ("--sync-interval", "1h2m3s", "1h2m3s")]),
    ("branch", [("--branch", "main", "main")]),
    ("tag", [("--tag", "v1.2.0", "v1.2.0")]),
    ("semver", [("--semver", ">=1.0.0", ">=1.0.0")]),
    ("commit", [("--commit", "a" * 40, "a" * 40)]),
    ("ssh_private_key", [("--ssh-private-key", "c3NoLWtleQ==", "c3NoLWtleQ==")]),
    ("ssh_private_key_file", [("--ssh-private-key-file", "./id_ed25519", "./id_ed25519")]),
    ("https_user", [("--https-user", "git", "git")]),
    ("https_key", [("--https-key", "tok-value", "tok-value")]),
    ("https_ca_cert", [("--https-ca-cert", "Y2EtY2VydA==", "Y2EtY2VydA==")]),
    ("https_ca_cert_file", [("--https-ca-cert-file", "./ca.pem", "./ca.pem")]),
    ("known_hosts", [("--known-hosts", "a25vd24=", "a25vd24=")]),
    ("known_hosts_file", [("--known-hosts-file", "./known_hosts", "./known_hosts")]),
    ("provider", [("--provider", "generic", "generic"), ("--provider", "azure", "azure"),
                  ("--provider", "Azure", "azure")]),
    ("bucket_access_key", [("--bucket-access-key", "AKIAEXAMPLE", "AKIAEXAMPLE")]),
    ("bucket_secret_key", [("--bucket-secret-key", "bucket-secret-value", "bucket-secret-value")]),
    ("bucket_name", [("--bucket-name", "manifests", "manifests")]),
    _flag("bucket_insecure", "--bucket-insecure"),
    ("local_auth_ref", [("--local-auth-ref", "git-creds", "git-creds"), ("--local-ref", "blob-creds", "blob-creds")]),
    _flag("suspend", "--suspend"),
    ("kustomization", KUSTOMIZATION_ITEMS),
    ("container_name", [("--container-name", "flux", "flux")]),
    ("sp_client_id", [("--sp-client-id", GUID_A, GUID_A), ("--service-principal-client-id", GUID_B, GUID_B)]),
    ("sp_tenant_id", [("--sp-tenant-id", GUID_B, GUID_B), ("--service-principal-tenant-id", GUID_A, GUID_A)]),
    ("sp_client_secret", [("--sp-client-secret", "sp-secret-1", "sp-secret-1"),
                          ("--service-principal-client-secret", "sp-secret-2", "sp-secret-2")]),
    ("sp_client_cert", [("--sp-client-cert", "Y2VydC0x", "Y2VydC0x"),
                        ("--service-principal-client-certificate", "Y2VydC0y", "Y2VydC0y")]),
    ("sp_client_cert_password", [("--sp-cert-password", "cert-pw-1", "cert-pw-1"),
                                 ("--service-principal-client-certificate-password", "cert-pw-2", "cert-pw-2")]),
    _flag("sp_client_cert_send_chain", "--sp-cert-send-chain", "--service-principal-client-certificate-send-chain"),
    ("account_key", [("--account-key", "account-key-value", "account-key-value")]),
    ("sas_token", [("--sas-token", "sv=2024&sig=abc", "sv=2024&sig=abc")]),
    ("mi_client_id", [("--mi-client-id", GUID_A, GUID_A), ("--managed-identity-client-id", GUID_B, GUID_B)]),
    ("digest", [("--digest", "sha256:" + "0" * 64, "sha256:" + "0" * 64)]),
    ("layer_selector_media_type", [
        ("--oci-media-type", "application/vnd.cncf.flux.content.v1.tar+gzip",
         "application/vnd.cncf.flux.content.v1.tar+gzip"),
        ("--oci-layer-selector-media-type", "application/vnd.example.tar", "application/vnd.example.tar")]),
    ("layer_selector_operation", [("--oci-operation", "extract", "extract"),
                                  ("--oci-layer-selector-operation", "copy", "copy"),
                                  ("--oci-operation", "COPY", "copy")]),
    ("tls_ca_certificate", [("--tls-ca-certificate", "Y2FDZXJ0", "Y2FDZXJ0")]),
    ("tls_client_certificate", [("--tls-client-certificate", "Y2xpZW50", "Y2xpZW50")]),
    ("tls_private_key", [("--tls-private-key", "cHJpdmF0ZQ==", "cHJpdmF0ZQ==")]),
    ("service_account_name", [("--service-account-name", "flux-oci", "flux-oci")]),
    _flag("use_workload_identity", "--use-workload-identity"),
    _flag("oci_insecure", "--oci-insecure"),
    ("verification_provider", [("--verification-provider", "cosign", "cosign")]),
    ("match_oidc_identity", [
        ("--match-oidc-identity", ['{"issuer": "^https://token.actions.githubusercontent.com$", "subject": "^x$"}'],
         ['{"issuer": "^https://token.actions.githubusercontent.com$", "subject": "^x$"}']),
        ("--match-oidc-identity", ['{"issuer": "a", "subject": "b"}', '{"issuer": "c", "subject": "d"}'],
         ['{"issuer": "a", "subject": "b"}', '{"issuer": "c", "subject": "d"}'])]),
    ("verification_config", [("--verification-config", ["verifyKeys=a2V5"], ["verifyKeys=a2V5"]),
                             ("--verification-config", ["k1=YQ==", "k2=Yg=="], ["k1=YQ==", "k2=Yg=="])]),
]  # fmt: skip

KUSTOMIZATION_FIELDS = [
    ("path", [("--path", "./apps/staging", "./apps/staging")]),
    ("depends_on", [("--depends", "infra", ["infra"]), ("--dependencies", "infra,db", ["infra,db"]),
                    ("--depends-on", "db", ["db"])]),
    ("timeout", [("--timeout", "10m", "10m")]),
    ("sync_interval", [("--interval", "5m", "5m"), ("--sync-interval", "1h", "1h")]),
    ("retry_interval", [("--retry-interval", "1m", "1m")]),
    _flag("prune", "--prune"),
    _flag("force", "--force"),
    _flag("disable_health_check", "--disable-health-check"),
]  # fmt: skip
KUSTOMIZATION_NAME = [("kustomization_name", [("--kustomization-name", "infra", "infra"), ("-k", "apps", "apps")])]

FLUX_V1_CREATE = [
    ("repository_url", [("--repository-url", "git@github.com:org/repo", "git@github.com:org/repo"),
                        ("-u", "https://github.com/org/repo", "https://github.com/org/repo")]),
    ("scope", [("--scope", "namespace", "namespace")]),
    ("enable_helm_operator", [("--enable-helm-operator", None, "true"), ("--enable-hop", "false", "false")]),
    ("helm_operator_params", [("--helm-operator-params", "--set helm.versions=v3", "--set helm.versions=v3"),
                              ("--hop-params", "--set a=b", "--set a=b")]),
    ("helm_operator_chart_version", [("--helm-operator-chart-version", "1.4.0", "1.4.0"),
                                     ("--hop-chart-version", "1.2.0", "1.2.0")]),
    ("operator_params", [("--operator-params", "'--git-readonly'", "'--git-readonly'")]),
    ("operator_instance_name", [("--operator-instance-name", "inst", "inst")]),
    ("operator_namespace", [("--operator-namespace", "ops", "ops")]),
    ("operator_type", [("--operator-type", "flux", "flux")]),
    ("ssh_private_key", [("--ssh-private-key", "a2V5", "a2V5")]),
    ("ssh_private_key_file", [("--ssh-private-key-file", "./key", "./key")]),
    ("https_user", [("--https-user", "u", "u")]),
    ("https_key", [("--https-key", "k", "k")]),
    ("ssh_known_hosts", [("--ssh-known-hosts", "aG9zdHM=", "aG9zdHM=")]),
    ("ssh_known_hosts_file", [("--ssh-known-hosts-file", "./kh", "./kh")]),
]  # fmt: skip

COMMANDS = {
    "flux create": FLUX_CLUSTER + NAME + [
        ("scope", [("--scope", "cluster", "cluster"), ("-s", "namespace", "namespace"),
                   ("-s", "Namespace", "namespace")]),
        ("namespace", [("--namespace", "flux-apps", "flux-apps"), ("--ns", "team-ns", "team-ns")]),
    ] + SOURCE + NO_WAIT,
    "flux update": FLUX_CLUSTER + NAME + SOURCE + YES + NO_WAIT,
    "flux delete": FLUX_CLUSTER + NAME + [_flag("force", "--force")] + YES + NO_WAIT,
    "flux show": FLUX_CLUSTER + NAME,
    "flux list": FLUX_CLUSTER,
    "flux kustomization create": FLUX_CLUSTER + NAME + KUSTOMIZATION_NAME + KUSTOMIZATION_FIELDS + NO_WAIT,
    "flux kustomization update": FLUX_CLUSTER + NAME + KUSTOMIZATION_NAME + KUSTOMIZATION_FIELDS + NO_WAIT,
    "flux kustomization delete": FLUX_CLUSTER + NAME + KUSTOMIZATION_NAME + YES + NO_WAIT,
    "flux kustomization show": FLUX_CLUSTER + NAME + KUSTOMIZATION_NAME,
    "flux kustomization list": FLUX_CLUSTER + NAME,
    "flux deployed-object list": FLUX_CLUSTER + NAME,
    "flux deployed-object show": FLUX_CLUSTER + NAME + [
        ("object_name", [("--object-name", "cluster-config-apps", "cluster-config-apps")]),
        ("object_namespace", [("--object-namespace", "cluster-config", "cluster-config")]),
        ("object_kind", [("--object-kind", kind, kind) for kind in (
            "GitRepository", "Bucket", "HelmRepository", "HelmChart", "HelmRelease", "Kustomization")]),
    ],
    "list": CLUSTER,
    "show": CLUSTER + NAME,
    "delete": CLUSTER + NAME + YES,
    "create": CLUSTER + NAME + FLUX_V1_CREATE,
}  # fmt: skip
