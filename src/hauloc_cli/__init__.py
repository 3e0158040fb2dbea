"""hauloc: where a local government stands against the targets it set for the year."""

__version__ = "0.1.0"
