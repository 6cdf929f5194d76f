"""Arguments of the extension commands."""


def load_arguments(loader):
    pass
