"""One register of recommendations and actions, tracked until embedded."""
