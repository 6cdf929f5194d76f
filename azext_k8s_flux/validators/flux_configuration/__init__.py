"""Pure checks of the flux commands' arguments: no I/O, typed azure-cli errors, messages that say how to fix."""
