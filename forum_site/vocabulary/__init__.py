"""The words for each fixed choice, one module per concept, read by web, pdf and services.

Each label is written once here, marked with ``forum_site.words._l`` so it reaches the
catalogue and is shown in the reader's language. Pure Python (no Flask), so services can
use the same words in messages. The easy-read renderer's own words live in
``easyread.render.LABELS`` (easyread never imports forum_site); see ``easy_read.py``.
"""
