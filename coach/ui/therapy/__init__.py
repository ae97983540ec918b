"""Cold and heat on screen: the tab and its panel, timer cards, alarms and their window."""
