"""Quotes stage of the dateline pipeline."""
