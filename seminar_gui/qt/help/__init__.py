"""The Help menu's pages: keyboard shortcuts, the README format, About."""
