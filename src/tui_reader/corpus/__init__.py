"""The corpus model: loading, cleaning, dates, entities and the timeline. Pure Python."""
