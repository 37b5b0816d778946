"""The worker's HTTP side: JSON query API, Prometheus metrics and the dashboard."""
