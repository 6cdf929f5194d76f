"""Which clusters a fleet command looks at: the current subscription by default, given subscriptions (any number:
they are sent 1,000 per request), or management groups; optionally narrowed to resource groups."""

import re
from dataclasses import dataclass, field

_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


@dataclass(frozen=True)
class Scope:
    subscriptions: tuple = ()
    management_groups: tuple = ()
    resource_groups: tuple = field(default=())

    def chunks(self, size):
        """(subscriptions, management groups) of each request."""
        if self.management_groups:
            return [(None, list(self.management_groups))]
        subs = list(self.subscriptions)
        return [(subs[start:start + size], None) for start in range(0, len(subs), size)]

    def describe(self):
        if self.management_groups:
            where = f"management group{'s' * (len(self.management_groups) > 1)} {', '.join(self.management_groups)}"
        elif len(self.subscriptions) == 1:
            where = f"subscription {self.subscriptions[0]}"
        else:
            where = f"{len(self.subscriptions)} subscriptions"
        if self.resource_groups:
            where += f" (resource group{'s' * (len(self.resource_groups) > 1)} {', '.join(self.resource_groups)})"
        return where


def fleet_scope(cli_ctx, subscriptions=None, management_groups=None, resource_group_name=None):
    """The scope from the command's options, checked before any request."""
    from azure.cli.core.azclierror import InvalidArgumentValueError, MutuallyExclusiveArgumentError

    subscriptions = listed(subscriptions)
    management_groups = listed(management_groups)
    if subscriptions and management_groups:
        raise MutuallyExclusiveArgumentError(
            "Use either --subscriptions or --management-groups: a management group already covers its subscriptions.")
    malformed = [sub for sub in subscriptions if not _GUID.match(sub)]
    if malformed:
        raise InvalidArgumentValueError(
            f"--subscriptions takes subscription IDs (GUIDs); not one: {', '.join(malformed)}.",
            recommendation="List the IDs you can use with: az account list --query [].id -o tsv")
    if not subscriptions and not management_groups:
        from azure.cli.core._profile import Profile

        subscriptions = [Profile(cli_ctx=cli_ctx).get_subscription_id()]
    return Scope(tuple(dict.fromkeys(s.lower() for s in subscriptions)), tuple(management_groups),
                 tuple(listed(resource_group_name)))  # fmt: skip


def listed(values):
    """Space- or comma-separated values, from nargs='+' or a single string."""
    if not values:
        return []
    if isinstance(values, str):
        values = [values]
    return [item for value in values for item in re.split(r"[,\s]+", value.strip()) if item]
