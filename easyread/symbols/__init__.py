"""Bundled pictograms (Health Icons and Fluent Emoji Flat, both MIT) and their manifest."""
