"""spaCy model loading and the ``Doc._`` attributes the dateline stages share."""
