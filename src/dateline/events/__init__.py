"""Events stage of the dateline pipeline."""
