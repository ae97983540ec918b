"""Cold and heat: application timers, the desk that runs them, guidance and their log."""
