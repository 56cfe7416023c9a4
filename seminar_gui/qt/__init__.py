"""The Qt layer of seminar-gui: document object, undo commands, models, windows."""
