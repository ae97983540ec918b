"""Playing a routine: the timed state machine, the session kept in the history, voice cues."""
