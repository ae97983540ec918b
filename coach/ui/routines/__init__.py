"""The routine library on screen."""
