"""ARM template language: JSONC reading, expressions, functions, evaluation and resource ordering."""
