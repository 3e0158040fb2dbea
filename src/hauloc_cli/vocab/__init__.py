"""How offices write things, both ways, per language: one module per concept, each with the
forms hauloc writes and the forms it reads (docs/architecture.md)."""
