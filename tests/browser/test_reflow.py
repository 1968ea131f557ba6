"""Reflow (WCAG 1.4.10) and text spacing (WCAG 1.4.12) on every page type, in both
reading modes: at 320 CSS pixels wide nothing scrolls sideways, and with the text
spacing overrides applied no text is clipped by a box that hides its overflow."""

from __future__ import annotations

import pytest

from tests.browser import helpers
from tests.browser.pages import MODES, cases

pytestmark = pytest.mark.browser


WIDE_THINGS_JS = """
const limit = document.documentElement.clientWidth;
const wide = [];
for (const el of document.querySelectorAll("body *")) {
  const rect = el.getBoundingClientRect();
  if (rect.width > 0 && rect.right > limit + 1 && !el.closest(".visually-hidden")) {
    wide.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
      (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : "") +
      " right=" + Math.round(rect.right));
  }
}
return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
        wide: wide.slice(0, 8)};
"""

# The WCAG 1.4.12 values, added to the site's own style sheet through the CSS object
# model (the site's Content Security Policy rightly blocks a new <style> element).
TEXT_SPACING_JS = """
const sheet = Array.from(document.styleSheets).find(s => { try { return s.cssRules; } catch (e) { return false; } });
const rules = [
  "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }",
  "p { margin-bottom: 2em !important; }",
];
for (const rule of rules) { sheet.insertRule(rule, sheet.cssRules.length); }
"""

CLIPPED_TEXT_JS = """
const clipped = [];
for (const el of document.querySelectorAll("body *")) {
  if (el.closest(".visually-hidden") || !(el.innerText || "").trim()) { continue; }
  const style = getComputedStyle(el);
  if (style.display === "none" || style.visibility === "hidden") { continue; }
  const hides = (value) => value === "hidden" || value === "clip";
  const cutY = hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
  const cutX = hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
  const ellipsis = style.textOverflow === "ellipsis" && el.scrollWidth > el.clientWidth + 1;
  if (cutY || cutX || ellipsis) {
    clipped.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " '" +
      el.innerText.trim().slice(0, 40) + "' scroll " + el.scrollWidth + "x" + el.scrollHeight +
      " shown " + el.clientWidth + "x" + el.clientHeight);
  }
}
return clipped.slice(0, 10);
"""


@pytest.mark.parametrize(("page", "mode"), cases())
def test_reflows_and_keeps_text_with_spacing(visitor, page, mode):
    driver = visitor.driver
    helpers.set_viewport(driver, helpers.NARROWEST)
    try:
        visitor.visit(page, easy_read=MODES[mode])
        before = driver.execute_script(WIDE_THINGS_JS)
        driver.execute_script(TEXT_SPACING_JS)
        after = driver.execute_script(WIDE_THINGS_JS)
        clipped = driver.execute_script(CLIPPED_TEXT_JS)
    finally:
        helpers.set_viewport(driver, helpers.DESKTOP)
    where = f"{page.name} ({mode}) at 320px"
    assert before["scrollWidth"] <= before["innerWidth"], (
        f"{where} scrolls sideways ({before['scrollWidth']}px wide): {before['wide']}"
    )
    assert after["scrollWidth"] <= after["innerWidth"], (
        f"{where} scrolls sideways with WCAG text spacing "
        f"({after['scrollWidth']}px wide): {after['wide']}"
    )
    assert not clipped, f"{where}: text clipped with WCAG text spacing: {clipped}"
