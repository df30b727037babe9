"""The corpus of hostile and odd input (see README.md)."""
