"""The session editor: date, topics, the topic form, presenters, slides thumbnail."""
