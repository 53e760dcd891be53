"""foi: read Freedom of Information responses, annotate them, and publish them as a static site."""

__version__ = "0.1.0"
