"""Time: find time expressions and normalize them to TIMEX3 values."""
