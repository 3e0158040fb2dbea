"""Renderers: pure functions from results to text. Only this package imports rich."""
