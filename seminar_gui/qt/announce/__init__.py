"""The session announcement: plain text and Markdown, copied with one click; its template."""
