"""Break reminders: the scheduler, pauses and working hours, and their log."""
