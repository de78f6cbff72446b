"""Practice reviews register, serious incidents, rapid reviews and LCSPRs."""
