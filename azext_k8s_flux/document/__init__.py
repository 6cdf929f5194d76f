"""A Flux configuration as a document (YAML/JSON in the shape `flux show -o json` prints) and as an ARM template."""
