"""Message catalogues, one module per area; see `workbench.i18n`."""
