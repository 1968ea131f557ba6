"""The individual plain-language checks behind :func:`easyread.checker.check`.

Each module offers functions ``(doc: Document) -> Iterable[Finding]``. They all
read one :class:`~easyread.checks.base.Document`, built once per check, so the
text is split into sentences and words only once.
"""
