"""The `cmd` handed to handlers in tests that call them directly, without azure-cli around them."""

from types import SimpleNamespace


class _DefaultConfig:
    """An azure-cli configuration with nothing set: every lookup returns its fallback."""

    def get(self, section, option, fallback=None):
        return fallback

    getboolean = get


def fake_cmd():
    return SimpleNamespace(cli_ctx=SimpleNamespace(config=_DefaultConfig()))
