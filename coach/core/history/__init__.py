"""The private history: the store and its writer, the timeline, summaries, the report,
export, and the symptom log."""
