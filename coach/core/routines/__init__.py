"""Routines: the file format and its checks, the library, which drawing a moment shows."""
