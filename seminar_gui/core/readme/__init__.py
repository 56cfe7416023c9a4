"""The schedule README (docs/FORMAT.md): scanning, importing, house-style detection, export."""
