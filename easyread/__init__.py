"""Plain-language checks and the easy-read renderer.

Pure Python: this package never imports Flask, so the web app, the PDF builder
and the command line all share one implementation.
"""
