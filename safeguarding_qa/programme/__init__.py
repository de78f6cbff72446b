"""The subgroup's work programme for each April–March year."""
