"""The site-wide easy-read mode: pictures, page pieces, one question per screen, and
the pages where a person checks an easy-read version."""
