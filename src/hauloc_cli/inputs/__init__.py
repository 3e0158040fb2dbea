"""Files into the model: text decoding, YAML, CSV, Excel, the row checker, plan loading."""
