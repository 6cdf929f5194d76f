"""Arguments of the check manifests commands."""


def load_arguments(loader):
    pass
