"""The ``dateline`` console script."""
