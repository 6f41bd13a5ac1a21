"""Parts of the settings dialog: fields, tabs and their style."""
