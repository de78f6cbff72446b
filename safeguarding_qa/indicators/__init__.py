"""The quarterly performance dashboard: indicators, periods, returns, SPC."""
