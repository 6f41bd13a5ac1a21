"""Parts of the week's stats window that need no charts: figure cards, the PDF summary."""
