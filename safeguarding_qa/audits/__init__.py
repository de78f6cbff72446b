"""Case file audits: question bank, audits, cases, agency returns, panel collation."""
