"""Qt item models of the desktop application."""
