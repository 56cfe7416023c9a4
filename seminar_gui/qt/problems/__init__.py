"""The Problems panel: what ``seminar-gui check`` finds, live."""
