"""Fetching from the web: one HTTP client, and feeds and pages kept through `store/`."""
