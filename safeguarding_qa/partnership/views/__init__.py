"""Pages for the partnership: organisations, groups, memberships and its own details."""
