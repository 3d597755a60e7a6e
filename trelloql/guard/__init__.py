"""Pre-execution abuse limits for GraphQL documents (size, tokens, depth, aliases,
directives, estimated cost, introspection)."""
