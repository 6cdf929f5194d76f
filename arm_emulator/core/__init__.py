"""ARM core: addressing, errors, subscriptions/resource groups/providers, paging, long-running operations."""
