"""Pure checks of one command group's arguments (no I/O); typed azure-cli errors that say what to change."""
