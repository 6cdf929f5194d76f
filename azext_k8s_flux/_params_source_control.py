"""Arguments of the source control commands."""


def load_arguments(loader):
    pass
