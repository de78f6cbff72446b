"""Work programme pages."""
