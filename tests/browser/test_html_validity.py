"""Every page type, in both reading modes, passes the Nu Html Checker with zero errors.

The HTML is the server's own (fetched with Flask's test client from the same live
database, signed in through the real sign-in form), not the browser's DOM after
scripts ran. The checker runs once over all saved pages, because starting Java is the
slow part."""

from __future__ import annotations

import json
import os
import subprocess
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from tests.browser import chromium as helpers
from tests.browser.pages import (
    MODES,
    PAGES,
    PASSWORD,
    ROLES,
    FormSubmit,
    PageType,
    by_role,
    cases,
)

pytestmark = pytest.mark.browser


def _form_data(form) -> dict[str, str]:
    """What a browser would send for this form as it stands (no button pressed)."""
    data: dict[str, str] = {}
    for control in form.find_all(["input", "textarea", "select"]):
        name = control.get("name")
        kind = (control.get("type") or "text").lower()
        if not name or control.has_attr("disabled"):
            continue
        if control.name == "textarea":
            data[name] = control.get_text()
        elif control.name == "select":
            chosen = control.find("option", selected=True) or control.find("option")
            data[name] = chosen.get("value", chosen.get_text()) if chosen else ""
        elif kind in ("checkbox", "radio"):
            if control.has_attr("checked"):
                data[name] = control.get("value", "on")
        elif kind not in ("submit", "button", "image", "reset", "file"):
            data[name] = control.get("value", "")
    return data


def send_form(client, response, path: str, submit):
    form = BeautifulSoup(response.get_data(as_text=True), "html.parser").select_one(submit.selector)
    assert form is not None, f"no form matches {submit.selector} on {path}"
    data = {**_form_data(form), **dict(submit.fill), **dict(submit.add)}
    for name in submit.clear:
        data.pop(name, None)
    if submit.drop_csrf:
        data.pop("csrf_token", None)
    action = urljoin(path, form.get("action") or path)
    return client.post(action, data=data, follow_redirects=True)


class Fetcher:
    """A test client per person, signed in through the sign-in form."""

    def __init__(self, app, demo) -> None:
        self.app = app
        self.demo = demo
        self.clients: dict[str, object] = {}

    def client(self, role: str):
        if role not in self.clients:
            client = self.app.test_client()
            if ROLES[role]:
                response = client.get("/sign-in")
                sign_in = FormSubmit("main form", (("email", ROLES[role]), ("password", PASSWORD)))
                signed = send_form(client, response, "/sign-in", sign_in)
                assert "/sign-in" not in signed.request.path, f"could not sign in as {role}"
            self.clients[role] = client
        return self.clients[role]

    def fetch(self, page: PageType, easy_read: bool) -> tuple[int, str]:
        client = self.client(page.role)
        if page.role == "anonymous":
            client.set_cookie("reading_prefs", page.reading_cookie(easy_read))
        else:
            self.demo.set_easy_read(page.role, easy_read)
        path = self.demo.path(page)
        response = client.get(path)
        if page.submit:
            response = send_form(client, response, path, page.submit)
        return response.status_code, response.get_data(as_text=True)


def _run_checker(files) -> dict[str, list[dict]]:
    result = subprocess.run(
        ["java", "-Xss4m", "-jar", str(helpers.VNU_JAR), "--format", "json", "--stdout"]
        + [str(path) for path in files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.stdout.startswith("{"), f"the HTML checker failed: {result.stderr[-2000:]}"
    report = json.loads(result.stdout)
    found: dict[str, list[dict]] = {}
    for message in report["messages"]:
        if message.get("type") == "error" or message.get("subType") == "fatal":
            found.setdefault(message.get("url", "").rsplit("/", 1)[-1], []).append(message)
    return found


@pytest.fixture(scope="session")
def checked_pages(live_app, demo, artifacts):
    """Fetch every page type in both modes, then run the checker once over them all."""
    folder = artifacts / "html" / os.environ.get("PYTEST_XDIST_WORKER", "main")
    folder.mkdir(parents=True, exist_ok=True)
    fetcher = Fetcher(live_app, demo)
    fetched, files = {}, []
    for page in by_role(PAGES):
        for mode, easy_read in MODES.items():
            try:
                status, html = fetcher.fetch(page, easy_read)
            except Exception as error:  # reported by this page's own test, not every test
                fetched[f"{page.slug}-{mode}.html"] = error
                continue
            path = folder / f"{page.slug}-{mode}.html"
            path.write_text(html, encoding="utf8")
            body = BeautifulSoup(html, "html.parser").body
            fetched[path.name] = (status, "easy-read" in (body.get("class") or []))
            files.append(path)
    return fetched, _run_checker(files)


@pytest.mark.parametrize(("page", "mode"), cases())
def test_valid_html(checked_pages, page, mode):
    fetched, errors = checked_pages
    name = f"{page.slug}-{mode}.html"
    if isinstance(fetched[name], Exception):
        raise fetched[name]
    status, easy_read = fetched[name]
    assert status == page.status, f"{page.name}: status {status}, expected {page.status}"
    assert easy_read == MODES[mode], f"{page.name}: easy read is {'on' if easy_read else 'off'}"
    problems = [
        f"line {m.get('lastLine')}: {m.get('message')}  [{(m.get('extract') or '').strip()[:120]}]"
        for m in errors.get(name, [])
    ]
    assert not problems, f"{page.name} ({mode}), test-artifacts/html/*/{name}:\n" + "\n".join(
        problems
    )
