"""What every Qt feature may use: translation, UI dates, drag-and-drop types, widget helpers."""
