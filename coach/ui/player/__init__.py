"""The player on screen: its view, the drawings, and the pain questions around a routine."""
