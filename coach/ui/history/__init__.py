"""History on screen: the window, timeline, charts, symptom form, export and report, and
the feed that keeps them current."""
