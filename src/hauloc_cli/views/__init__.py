"""What a reader needs to see, computed from the rules (the brief, the template rows). No words."""
