"""Views for audits, cases, returns and the panel."""
