"""The data hauloc works on: a plan, its periods and the figures reported for them. Pure data."""
