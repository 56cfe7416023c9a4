"""File › Export Calendar…: the schedule as an iCalendar feed (schedule.ics), proposed
beside the README so the repository serves a file members can subscribe to."""
