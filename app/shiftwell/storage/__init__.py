"""The only place that speaks SQL: models, the repository, queries."""
