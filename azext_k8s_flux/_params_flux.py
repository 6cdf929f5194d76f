"""Arguments of the flux commands."""


def load_arguments(loader):
    pass
