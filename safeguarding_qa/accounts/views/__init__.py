"""Pages for people, invitations and each person's own account."""
