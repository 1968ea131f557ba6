"""Reflow (WCAG 1.4.10) and text spacing (WCAG 1.4.12) on every page type, in both
reading modes: at 320 CSS pixels wide nothing scrolls sideways, and with the text
spacing overrides applied nothing scrolls sideways and no text is clipped by a box that
hides its overflow. The measurements come from the same visit as the axe run."""

from __future__ import annotations

import pytest

from tests.browser.pages import MODES, cases

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("page", "mode"), cases())
def test_no_sideways_scrolling_at_320px(surveyor, page, mode):
    reflow = surveyor.survey(page, mode, MODES[mode]).reflow
    assert reflow["scrollWidth"] <= reflow["innerWidth"], (
        f"{page.name} ({mode}) scrolls sideways at 320px "
        f"({reflow['scrollWidth']}px wide): {reflow['wide']}"
    )


@pytest.mark.parametrize(("page", "mode"), cases())
def test_text_spacing_hides_nothing(surveyor, page, mode):
    survey = surveyor.survey(page, mode, MODES[mode])
    wide = survey.reflow_with_spacing
    assert wide["scrollWidth"] <= wide["innerWidth"], (
        f"{page.name} ({mode}) at 320px scrolls sideways with WCAG text spacing "
        f"({wide['scrollWidth']}px wide): {wide['wide']}"
    )
    assert not survey.clipped_with_spacing, (
        f"{page.name} ({mode}): text clipped with WCAG text spacing: {survey.clipped_with_spacing}"
    )
