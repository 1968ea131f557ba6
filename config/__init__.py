"""Settings. This package is the only code that reads ``os.environ``."""

from config.settings import load_settings

__all__ = ["load_settings"]
