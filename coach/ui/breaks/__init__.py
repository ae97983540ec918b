"""Break reminders on screen: the controller, the notice and the break window."""
