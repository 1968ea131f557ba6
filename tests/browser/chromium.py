"""Driving headless Chromium: starting it, signing in through the real form, switching
reading mode, submitting forms, running axe-core and reading where the focus is.

Kept free of pytest fixtures so the test modules and conftest can share it."""

from __future__ import annotations

import base64
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
# Debian's paths; set FORUM_SITE_CHROMIUM / FORUM_SITE_CHROMEDRIVER to use others.
CHROMIUM = Path(os.environ.get("FORUM_SITE_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("FORUM_SITE_CHROMEDRIVER", "/usr/bin/chromedriver"))
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = ROOT / "test-artifacts"

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--window-size=1280,800",
]

PHONE = (360, 740)
DESKTOP = (1280, 800)
NARROWEST = (320, 740)

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@dataclass
class Chromium:
    """One Chromium with its own fresh profile folder, removed when it quits."""

    driver: webdriver.Chrome
    profile: str
    downloads: Path

    def quit(self) -> None:
        self.driver.quit()
        shutil.rmtree(self.profile, ignore_errors=True)


def start_chromium(javascript: bool = True) -> Chromium:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in CHROMIUM_ARGS:
        options.add_argument(argument)
    profile = tempfile.mkdtemp(prefix="forum-site-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    downloads = Path(profile) / "downloads"
    downloads.mkdir()
    prefs = {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False,
        "plugins.always_open_pdf_externally": True,
    }
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", prefs)
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(60)
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    return Chromium(driver, profile, downloads)


def set_viewport(driver, size: tuple[int, int]) -> None:
    """An exact CSS viewport, narrower than Chromium lets a window be."""
    width, height = size
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def _gone(old_html) -> bool:
    """The old page's element is gone. Mid-navigation Chromium may answer "Node with given
    id does not belong to the document" instead of a stale-element error: gone as well."""
    try:
        old_html.is_enabled()
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise
    return False


def wait_for_new_page(driver, old_html) -> None:
    WebDriverWait(driver, 15, poll_frequency=0.05).until(lambda _d: _gone(old_html))
    WebDriverWait(driver, 15, poll_frequency=0.05).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )


SUBMIT_FORM_JS = """
const [selector, fill, dropCsrf, clear, add] = arguments;
const form = document.querySelector(selector);
if (!form) { return "no form matches " + selector; }
for (const name of clear) {
  form.querySelectorAll(`[name="${name}"]`).forEach(control => {
    if (control.type === "radio" || control.type === "checkbox") { control.checked = false; }
    else { control.value = ""; }
  });
}
for (const [name, value] of Object.entries(fill)) {
  const control = form.elements[name];
  if (!control) { return "the form has no field " + name; }
  control.value = value;
}
for (const [name, value] of Object.entries(add)) {
  let control = form.elements[name];
  if (!control) {
    control = document.createElement("input");
    control.type = "hidden";
    control.name = name;
    form.appendChild(control);
  }
  control.value = value;
}
if (dropCsrf) { form.querySelectorAll("[name=csrf_token]").forEach(el => el.remove()); }
form.noValidate = true;
HTMLFormElement.prototype.submit.call(form);
return "";
"""


def submit_form(driver, submit) -> None:
    """Send a form as it is (with ``submit``'s changes), skipping the browser's own
    checks, and wait for the next page."""
    old_html = driver.find_element(By.TAG_NAME, "html")
    problem = driver.execute_script(
        SUBMIT_FORM_JS,
        submit.selector,
        dict(submit.fill),
        submit.drop_csrf,
        list(submit.clear),
        dict(submit.add),
    )
    assert not problem, problem
    wait_for_new_page(driver, old_html)


def sign_in(driver, base_url: str, email: str, password: str) -> None:
    """Through the real sign-in form, as a person would."""
    driver.get(f"{base_url}/sign-in")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    old_html = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait_for_new_page(driver, old_html)
    if "/sign-in" in driver.current_url:
        said = driver.find_element(By.TAG_NAME, "main").text[:300]
        raise AssertionError(f"could not sign in as {email} at {driver.current_url}: {said!r}")


def press(driver, *keys: str) -> None:
    """Keys go to whatever has the focus, as on a real keyboard."""
    actions = ActionChains(driver)
    for key in keys:
        actions.send_keys(key)
    actions.perform()


def shift_tab(driver) -> None:
    """Shift held down while Tab is pressed."""
    ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()


FOCUS_JS = """
const el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) { return null; }
const style = getComputedStyle(el);
const rect = el.getBoundingClientRect();
const text = (el.innerText || el.value || el.getAttribute("aria-label") || "").trim();
return {
  tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute("name") || "",
  type: el.getAttribute("type") || "", href: el.getAttribute("href") || "",
  text: text.slice(0, 60), outlineStyle: style.outlineStyle,
  outlineWidth: parseFloat(style.outlineWidth) || 0, outlineColor: style.outlineColor,
  boxShadow: style.boxShadow, focusVisible: el.matches(":focus-visible"),
  width: rect.width, height: rect.height,
  path: Array.from({length: 6}).reduce(
    (acc) => acc.node ? {node: acc.node.parentElement, parts: [acc.node.tagName.toLowerCase() + (acc.node.id ? "#" + acc.node.id : "")].concat(acc.parts)} : acc,
    {node: el, parts: []}).parts.join(" > "),
};
"""


@dataclass(frozen=True)
class Focus:
    tag: str
    id: str
    name: str
    type: str
    href: str
    text: str
    outline_style: str
    outline_width: float
    outline_color: str
    box_shadow: str
    focus_visible: bool
    width: float
    height: float
    path: str

    @property
    def shows_focus(self) -> bool:
        outline = (
            self.outline_style != "none"
            and self.outline_width > 0
            and not self.outline_color.endswith(", 0)")
            and self.outline_color != "transparent"
        )
        return outline or (self.box_shadow not in ("", "none"))

    def describe(self) -> str:
        return f"<{self.tag} id={self.id!r} name={self.name!r} text={self.text!r}> at {self.path}"

    def style(self) -> str:
        return (
            f"outline {self.outline_style} {self.outline_width}px {self.outline_color}, "
            f"box-shadow {self.box_shadow}, :focus-visible {self.focus_visible}"
        )


def focused(driver) -> Focus | None:
    data = driver.execute_script(FOCUS_JS)
    if data is None:
        return None
    return Focus(
        tag=data["tag"],
        id=data["id"],
        name=data["name"],
        type=data["type"],
        href=data["href"],
        text=data["text"],
        outline_style=data["outlineStyle"],
        outline_width=data["outlineWidth"],
        outline_color=data["outlineColor"],
        box_shadow=data["boxShadow"],
        focus_visible=data["focusVisible"],
        width=data["width"],
        height=data["height"],
        path=data["path"],
    )


class AxeRunner:
    """axe-core 4.x from node_modules (not the 3.x copy inside axe-selenium-python)."""

    def __init__(self) -> None:
        self.source = AXE_SCRIPT.read_text(encoding="utf8")
        self.options = json.dumps(
            {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        )

    def violations(self, driver) -> list[dict]:
        from axe_selenium_python import Axe

        if not driver.execute_script("return typeof window.axe === 'object'"):
            driver.execute_script(self.source)
        axe = Axe(driver, script_url=str(AXE_SCRIPT))
        return axe.run(options=self.options)["violations"]


def describe_violations(violations: list[dict], where: str) -> str:
    lines = [f"{len(violations)} axe violation(s) on {where}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']}")
        for node in violation["nodes"][:8]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    at {target}\n      {summary[:300]}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    ... and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


def save_full_page_screenshot(driver, path: Path) -> None:
    """The whole page, not just the first screenful."""
    driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done());"
    )
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
        },
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))


class Visitor:
    """One browser visiting page types as the right person, in the right reading mode.

    It signs in only when the person changes, so pages grouped by role are quick."""

    def __init__(self, driver, base_url: str, demo) -> None:
        self.driver = driver
        self.base_url = base_url
        self.demo = demo
        self.role: str | None = None

    def forget(self) -> None:
        """Signed out, no cookies: as a new visitor."""
        self.driver.delete_all_cookies()
        self.role = None

    def as_role(self, role: str) -> None:
        from tests.browser.pages import PASSWORD, ROLES

        # Another test may have cleared this browser's cookies (the keyboard journeys
        # share it): then the person is signed out, whatever we last did.
        signed_in_still = not ROLES.get(role) or self.driver.get_cookie("session") is not None
        if role == self.role and signed_in_still:
            return
        self._on_site()
        self.driver.delete_all_cookies()
        if ROLES[role]:
            sign_in(self.driver, self.base_url, ROLES[role], PASSWORD)
        self.role = role

    def _on_site(self) -> None:
        if not self.driver.current_url.startswith(self.base_url):
            # An HTML page: for anything else the browser asks for /favicon.ico.
            self.driver.get(f"{self.base_url}/accessibility")

    def reading_mode(self, page, easy_read: bool) -> None:
        """Visitors keep it in a cookie; people with accounts keep it on the account."""
        if page.role != "anonymous":
            self.demo.set_easy_read(page.role, easy_read)
            return
        self._on_site()
        self.driver.delete_cookie("reading_prefs")
        cookie = page.reading_cookie(easy_read)
        if cookie:
            self.driver.add_cookie({"name": "reading_prefs", "value": cookie, "path": "/"})

    def visit(self, page, easy_read: bool = False) -> None:
        self.as_role(page.role)
        self.reading_mode(page, easy_read)
        self.driver.get(self.base_url + self.demo.path(page))
        if page.submit:
            submit_form(self.driver, page.submit)
        classes = self.driver.find_element(By.TAG_NAME, "body").get_attribute("class") or ""
        assert ("easy-read" in classes.split()) == easy_read, (
            f"{page.name}: expected easy read {'on' if easy_read else 'off'}, body class {classes!r}"
        )
        missing = page.expected_body_classes() - set(classes.split())
        assert not missing, f"{page.name}: reading settings not applied, body class {classes!r}"
        if page.language:
            lang = self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
            assert lang == page.language, f"{page.name}: page language is {lang!r}"
        if page.role != "anonymous":
            assert "/sign-in" not in self.driver.current_url, f"{page.name}: sent to sign in"
