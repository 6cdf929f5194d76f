"""Resource providers as backends: the domain rules of each resource type, free of HTTP."""
