"""The semester calendar: weeks × weekdays, session cards, drag-and-drop planning."""
