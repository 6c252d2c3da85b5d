"""Modal screens: pickers, forms, confirmations and the export, help and fill-preview dialogs."""
