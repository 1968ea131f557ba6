"""Search: one box for everything a person may see, a plain GET form that htmx enhances."""
