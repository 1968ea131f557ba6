"""Printable PDFs: locked-down WeasyPrint rendering, a cache, and the documents we print."""
