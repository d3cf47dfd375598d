"""Articles written for the statements tests, and their helpers."""
