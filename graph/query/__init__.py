"""Query: SPARQL on a built graph, its store, pushes to an endpoint, validation."""
