"""The arguments of `k8s-extension create|update` as one object, built from the handler's keywords on its first line.

The handlers keep their keyword signatures because knack registers arguments from them; everything after the first
line reads this object, and the settings files are read here (the only I/O before validation).
"""

from dataclasses import dataclass

from azext_k8s_flux._cluster import cluster_ref


@dataclass(frozen=True)
class ExtensionOptions:
    resource_group_name: str
    cluster_name: str
    cluster_type: str
    name: str
    cluster_resource_provider: str = None
    extension_type: str = None  # create only; an update reads it from the extension
    scope: str = None
    release_namespace: str = None
    target_namespace: str = None
    release_train: str = None
    version: str = None
    auto_upgrade_minor_version: bool = None
    auto_upgrade_mode: str = None
    configuration_settings: dict = None
    configuration_protected_settings: dict = None
    configuration_settings_file: str = None
    configuration_protected_settings_file: str = None
    remove_settings: list = None  # update only
    remove_protected_settings: list = None  # update only
    plan_name: str = None  # create only
    plan_product: str = None
    plan_publisher: str = None
    wait_for_compliance: bool = False
    wait_timeout: int = None
    wait_interval: int = None
    yes: bool = False
    no_wait: bool = False

    @classmethod
    def of(cls, arguments):
        """From a handler's locals() taken on its first line (cmd and client are the handler's own); a parameter this
        object does not know is a TypeError, so that no argument is dropped unnoticed."""
        return cls(**{key: value for key, value in arguments.items() if key not in ("cmd", "client")})

    def cluster(self):
        return cluster_ref(self.resource_group_name, self.cluster_name, self.cluster_type,
                           self.cluster_resource_provider)  # fmt: skip

    @property
    def plan(self):
        """(--plan-name, --plan-product, --plan-publisher)."""
        return self.plan_name, self.plan_product, self.plan_publisher

    @property
    def upgrade(self):
        """What an update asks of the version: (release train, version, auto-upgrade minor version, mode)."""
        return self.release_train, self.version, self.auto_upgrade_minor_version, self.auto_upgrade_mode

    def read_settings(self):
        """(settings, protected settings): the inline values merged with their files."""
        from azext_k8s_flux.validators.settings_input import merge_settings

        return (
            merge_settings(self.configuration_settings, self.configuration_settings_file, "--config-settings-file"),
            merge_settings(self.configuration_protected_settings, self.configuration_protected_settings_file,
                           "--config-protected-file", secret=True),  # fmt: skip
        )
