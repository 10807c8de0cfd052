"""Actors stage of the dateline pipeline."""
