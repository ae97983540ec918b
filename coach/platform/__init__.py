"""Integration with the operating system and desktop, behind small interfaces."""
