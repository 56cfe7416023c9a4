"""File › Project Settings: the site folder and the slide-name pattern."""
