"""Page types a PDF download can be instead of a PDF: "Please wait before printing
more" (429, the printer's allowance of new PDFs is used up) and "This document is too
long to print" (422, remembered in the PDF cache as over the page cap)."""

from __future__ import annotations

from tests.browser.pages_areas import _briefing
from tests.browser.registry import Demo, PageType


def _used_up(demo: Demo) -> str:
    """A briefing's large print, for a person who has made every new PDF they may."""
    from forum_site.web import limits

    printer = demo.user("printer")
    for _ in range(limits.PDF_PER_PERSON.times):
        limits.add(limits.PDF_PER_PERSON, f"user:{printer.id}")
    demo.session.commit()
    return demo.url("pdfs.briefing_pdf", briefing_id=_briefing(demo).id, version="large-print")


def _too_long(demo: Demo) -> str:
    """A briefing's easy read, marked in the cache as 73 pages, as a render would."""
    from forum_site.pdf import builders
    from forum_site.pdf.cache import cache_key
    from forum_site.pdf.documents import Version, final_html, page_size
    from forum_site.pdf.pipeline import pdf_cache
    from forum_site.services.viewer import ANONYMOUS

    briefing = _briefing(demo)
    document = builders.briefing_document(demo.session, ANONYMOUS, briefing.id, "en")
    version = Version.EASY_READ
    key = cache_key(final_html(document, version), version.value, page_size())
    pdf_cache().mark_too_long(key, 73)
    return demo.url("pdfs.briefing_pdf", briefing_id=briefing.id, version=version.value)


PDF_REFUSALS = [
    PageType("PDF limit reached", "pdfs.briefing_pdf", _used_up, role="printer", status=429),
    PageType("PDF too long to print", "pdfs.briefing_pdf", _too_long, status=422),
]
