"""``make bench``: page latency against a floor page at 1× and 100× data, and a load test."""
