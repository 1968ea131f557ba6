"""One visit per page type and reading mode, measuring everything the page tests ask
about: axe at desktop and phone width, a phone-width screenshot, reflow at 320px and
WCAG text spacing. Loading each page once keeps the suite fast; test_axe.py and
test_reflow.py each assert on their part, whichever runs first does the visit."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tests.browser import chromium as helpers

# Hidden for the eye but kept for screen readers (clip or clip-path on it or a parent).
HIDDEN_JS = """
const hiddenForTheEye = (el) => {
  for (let node = el; node && node !== document.body; node = node.parentElement) {
    const style = getComputedStyle(node);
    if ((style.clip && style.clip !== "auto") || (style.clipPath && style.clipPath !== "none")) {
      return true;
    }
  }
  return false;
};
const describe = (el) => {
  const classes = typeof el.className === "string" && el.className.trim()
    ? "." + el.className.trim().split(/\\s+/).join(".") : "";
  return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + classes;
};
"""

WIDE_THINGS_JS = (
    HIDDEN_JS
    + """
const limit = document.documentElement.clientWidth;
const wide = [];
for (const el of document.querySelectorAll("body *")) {
  if (hiddenForTheEye(el)) { continue; }
  const rect = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  if (rect.width > 0 && rect.right > limit + 1) {
    wide.push(describe(el) + " right=" + Math.round(rect.right));
  } else if (rect.width > 0 && rect.left < -1) {
    wide.push(describe(el) + " left=" + Math.round(rect.left));
  } else if (style.overflowX === "visible" && el.scrollWidth > el.clientWidth + 1 &&
             el.clientWidth > 0 && rect.left + el.scrollWidth > limit + 1) {
    wide.push(describe(el) + " (its content) right=" + Math.round(rect.left + el.scrollWidth));
  }
}
return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
        wide: wide.slice(0, 8)};
"""
)

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

CLIPPED_TEXT_JS = (
    HIDDEN_JS
    + """
const clipped = [];
for (const el of document.querySelectorAll("body *")) {
  if (!(el.innerText || "").trim() || hiddenForTheEye(el)) { continue; }
  const style = getComputedStyle(el);
  if (style.display === "none" || style.visibility === "hidden") { continue; }
  const hides = (value) => value === "hidden" || value === "clip";
  const cutY = hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
  const cutX = hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
  const ellipsis = style.textOverflow === "ellipsis" && el.scrollWidth > el.clientWidth + 1;
  if (cutY || cutX || ellipsis) {
    clipped.push(describe(el) + " '" + el.innerText.trim().slice(0, 40) + "' needs " +
      el.scrollWidth + "x" + el.scrollHeight + ", shows " + el.clientWidth + "x" + el.clientHeight);
  }
}
return clipped.slice(0, 10);
"""
)


@dataclass
class Survey:
    url: str = ""
    axe: dict[str, list[dict]] = field(default_factory=dict)  # "1280x800" -> violations
    screenshot: Path | None = None
    reflow: dict = field(default_factory=dict)
    reflow_with_spacing: dict = field(default_factory=dict)
    clipped_with_spacing: list[str] = field(default_factory=list)


class Surveyor:
    def __init__(self, visitor, axe: helpers.AxeRunner, screenshots: Path) -> None:
        self.visitor = visitor
        self.axe = axe
        self.screenshots = screenshots
        self.done: dict[tuple[str, str], Survey | Exception] = {}

    def survey(self, page, mode: str, easy_read: bool) -> Survey:
        key = (page.name, mode)
        if key not in self.done:
            try:
                self.done[key] = self._measure(page, mode, easy_read)
            except Exception as error:  # each test that needs it reports it
                self.done[key] = error
        found = self.done[key]
        if isinstance(found, Exception):
            raise found
        return found

    def _measure(self, page, mode: str, easy_read: bool) -> Survey:
        driver = self.visitor.driver
        helpers.set_viewport(driver, helpers.DESKTOP)
        self.visitor.visit(page, easy_read=easy_read)
        result = Survey(url=driver.current_url)
        try:
            for size in (helpers.DESKTOP, helpers.PHONE):
                helpers.set_viewport(driver, size)
                result.axe[f"{size[0]}x{size[1]}"] = self.axe.violations(driver)
            result.screenshot = self.screenshots / f"{page.slug}-{mode}.png"
            helpers.save_full_page_screenshot(driver, result.screenshot)
            helpers.set_viewport(driver, helpers.NARROWEST)
            result.reflow = driver.execute_script(WIDE_THINGS_JS)
            driver.execute_script(TEXT_SPACING_JS)
            result.reflow_with_spacing = driver.execute_script(WIDE_THINGS_JS)
            result.clipped_with_spacing = driver.execute_script(CLIPPED_TEXT_JS)
        finally:
            helpers.set_viewport(driver, helpers.DESKTOP)
        return result
