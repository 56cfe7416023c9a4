"""Files: open, save, import and export README, autosave and crash recovery."""
