"""Domain operations. They take plain data and a session, check permissions and rules,
and raise domain errors. They never import Flask and never commit."""
