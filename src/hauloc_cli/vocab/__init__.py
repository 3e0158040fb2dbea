"""How offices write things, both directions, per language: the words hauloc writes and the
words it reads for each concept, one module per concept."""
