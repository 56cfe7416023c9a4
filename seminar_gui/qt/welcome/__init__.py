"""The demo banner: what the demo is, and the first start's ways in."""
