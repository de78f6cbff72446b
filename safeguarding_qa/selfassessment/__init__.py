"""Section 11 / Section 175 self-assessment rounds."""
