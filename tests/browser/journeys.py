"""Keyboard-only journeys: only Tab, Shift+Tab, Enter, Space, arrows and typed text.

Every Tab checks that the focus moved (not trapped) and can be seen (an outline or a
box shadow on the focused element). The same journeys run with and without JavaScript."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser import chromium as helpers
from tests.browser.chromium import Focus

_people = itertools.count(1)


def new_person(demo, label: str, member_of: str | None = None) -> str:
    """A fresh account for one journey (a member of ``member_of`` if given), so
    journeys never depend on each other or on the page tests."""
    from forum_site.models import Membership
    from forum_site.services import accounts
    from tests.browser.pages import PASSWORD

    email = f"keyboard-{label}-{next(_people)}@example.org"
    with demo.app.app_context():
        user = accounts.create_account(
            demo.session, email=email, display_name="Kim Keyboard", password=PASSWORD
        )
        if member_of:
            demo.session.flush()
            demo.session.add(Membership(forum_id=demo.forum(member_of).id, user_id=user.id))
        demo.session.commit()
    return email


def new_commissioner_like(demo, email_of: str, label: str) -> str:
    """A fresh account that commissions for the same organisations as ``email_of``, for
    a journey that needs a commissioner without sharing one with the page tests (whose
    sign-ins and sessions in another browser must not touch the journey's)."""
    from sqlalchemy import select

    from forum_site.models import CommissionerLink, User

    email = new_person(demo, label)
    with demo.app.app_context():
        session = demo.session
        person = session.scalar(select(User).where(User.email == email))
        model = session.scalar(select(User).where(User.email == email_of))
        for link in session.scalars(
            select(CommissionerLink).where(CommissionerLink.user_id == model.id)
        ):
            session.add(
                CommissionerLink(
                    user_id=person.id,
                    organisation_id=link.organisation_id,
                    job_title="Commissioner",
                )
            )
        session.commit()
    return email


def finish_link(demo, email: str, link: str = r"/register/finish/\S+") -> str:
    """The path of the link in the newest "Finish making your account" email to ``email``
    (or the newest email's ``link``, a pattern)."""
    from sqlalchemy import select

    from forum_site.models import OutgoingEmail

    with demo.app.app_context():
        sent = demo.session.scalars(
            select(OutgoingEmail)
            .where(OutgoingEmail.to_address == email)
            .order_by(OutgoingEmail.id.desc())
        ).first()
        assert sent is not None, f"no email was sent to {email}"
        found = re.search(link, sent.body_text)
        assert found, f"the email to {email} has no link to finish: {sent.body_text!r}"
        return found.group(0)


def text_is(*words: str) -> Callable[[Focus], bool]:
    wanted = [word.lower() for word in words]
    return lambda focus: all(word in focus.text.lower() for word in wanted)


def id_is(identifier: str) -> Callable[[Focus], bool]:
    return lambda focus: focus.id == identifier


class Keyboard:
    """A person using only the keyboard (and the address bar to open a page)."""

    def __init__(self, driver, base_url: str) -> None:
        self.driver = driver
        self.base_url = base_url
        self.steps: list[str] = []

    def open(self, path: str) -> None:
        self.driver.get(self.base_url + path)
        self.steps = [f"opened {path}"]

    def tab_to(self, wanted: Callable[[Focus], bool], backwards: bool = False, limit=80) -> Focus:
        """Tab (or Shift+Tab) until ``wanted`` has the focus, checking each stop."""
        previous: Focus | None = None
        left_page = 0
        for _ in range(limit):
            if backwards:
                helpers.shift_tab(self.driver)
            else:
                helpers.press(self.driver, Keys.TAB)
            now = helpers.focused(self.driver)
            if now is None:  # past the last link: the browser's own buttons come next
                left_page += 1
                assert left_page < 2, "Tab left the page twice in a row: " + self.trail()
                previous = None
                continue
            left_page = 0
            self.steps.append(now.describe())
            assert now != previous, "Tab did not move the focus (trapped): " + self.trail()
            assert now.shows_focus, f"the focus cannot be seen on {now.describe()} ({now.style()})"
            assert now.width > 0 and now.height > 0, "focus on something hidden: " + self.trail()
            if wanted(now):
                return now
            previous = now
        raise AssertionError(
            f"never reached the wanted control after {limit} Tabs: " + self.trail()
        )

    def trail(self) -> str:
        return "\n  " + "\n  ".join(self.steps[-12:])

    def type(self, text: str) -> None:
        helpers.press(self.driver, text)

    def press(self, key: str, navigates: bool = True) -> None:
        """Enter or Space on the focused control; wait for the next page if it loads one."""
        old_html = self.driver.find_element(By.TAG_NAME, "html")
        helpers.press(self.driver, key)
        if navigates:
            helpers.wait_for_new_page(self.driver, old_html)
            self.steps.append(f"pressed {key!r}, now at {self.driver.current_url}")

    def page_text(self) -> str:
        return self.driver.find_element(By.TAG_NAME, "body").text

    def path(self) -> str:
        return self.driver.current_url.removeprefix(self.base_url)

    def wait_for_live_region(self, timeout: float = 5) -> str:
        """What the live region announced after an htmx update (JavaScript only)."""
        return WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(
            lambda d: d.find_element(By.ID, "live-region").get_attribute("textContent").strip()
        )


def skip_to_content(keys: Keyboard) -> None:
    """The first Tab shows the skip link; Enter on it moves the focus to the main content."""
    first = keys.tab_to(lambda focus: True, limit=1)
    assert "skip to main content" in first.text.lower(), first.describe()
    helpers.press(keys.driver, Keys.ENTER)
    active = keys.driver.execute_script("return document.activeElement.id")
    assert active == "main-content", f"Skip link left the focus on {active!r}"


def sign_in(keys: Keyboard, email: str) -> None:
    from tests.browser.pages import PASSWORD

    keys.open("/")
    keys.tab_to(text_is("sign in"))
    keys.press(Keys.ENTER)
    assert keys.path().startswith("/sign-in"), keys.trail()
    keys.tab_to(id_is("email"))
    keys.type(email)
    keys.tab_to(id_is("password"))
    keys.type(PASSWORD)
    keys.tab_to(lambda focus: focus.tag == "button" and focus.text == "Sign in")
    keys.press(Keys.ENTER)
    assert "Sign out" in keys.page_text(), "not signed in: " + keys.trail()


def make_an_account(keys: Keyboard, demo, label: str) -> None:
    """Name and email address, then the link from the email, then a password."""
    from tests.browser.pages import PASSWORD

    email = f"new-{label}-{next(_people)}@example.org"
    keys.open("/")
    keys.tab_to(text_is("make an account"))
    keys.press(Keys.ENTER)
    assert keys.path().startswith("/register"), keys.trail()
    keys.tab_to(id_is("display_name"))
    keys.type("Nia New")
    keys.tab_to(id_is("email"))
    keys.type(email)
    keys.tab_to(lambda focus: focus.tag == "button" and focus.text == "Send me a link")
    keys.press(Keys.ENTER)
    assert "Check your email" in keys.page_text(), keys.trail()
    keys.open(finish_link(demo, email))
    assert "Nia New" in keys.page_text(), keys.trail()
    keys.tab_to(id_is("password"))
    keys.type(PASSWORD)
    keys.tab_to(lambda focus: focus.tag == "button" and focus.text == "Make my account")
    keys.press(Keys.ENTER)
    text = keys.page_text()
    assert "Your account is ready" in text, keys.trail()
    assert "Sign out" in text, "not signed in: " + keys.trail()


def switch_easy_read_on(keys: Keyboard) -> None:
    keys.open("/forums")
    switch = keys.tab_to(text_is("easy read"))
    assert switch.tag == "button", switch.describe()
    keys.press(Keys.SPACE)
    body = keys.driver.find_element(By.TAG_NAME, "body")
    assert "easy-read" in (body.get_attribute("class") or "").split(), keys.trail()
    assert keys.path() == "/forums", f"the switch did not come back to the same page: {keys.path()}"
    button = keys.driver.find_element(By.CSS_SELECTOR, ".easy-read-switch button")
    assert button.get_attribute("aria-pressed") == "true"
    assert "Easy read: on" in button.text


def ask_to_join(keys: Keyboard, forum_name: str) -> None:
    keys.open("/forums")
    keys.tab_to(text_is(forum_name))
    keys.press(Keys.ENTER)
    keys.tab_to(text_is("ask to join"))
    keys.press(Keys.ENTER)
    keys.tab_to(id_is("message"))
    keys.type("I would like to help plan the next meeting.")
    keys.tab_to(text_is("send my request"))
    keys.press(Keys.ENTER)
    text = keys.page_text()
    assert "The convenor will look at your request" in text, keys.trail()
    assert "You asked to join" in text, keys.trail()


def focus_is_inside(keys: Keyboard, selector: str) -> bool:
    return keys.driver.execute_script(
        "return !!(document.activeElement && document.activeElement.closest(arguments[0]))",
        selector,
    )


def on_screen(keys: Keyboard, selector: str) -> bool:
    """The top of the element is inside the window."""
    return keys.driver.execute_script(
        "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
        "return r.top >= -1 && r.top < window.innerHeight;",
        selector,
    )


def after_htmx_update(keys: Keyboard, region: str, announcement: str) -> None:
    """The update is announced in the live region and the focus moved into it, visibly."""
    said = keys.wait_for_live_region()
    assert announcement in said, f"the live region said {said!r}"
    assert focus_is_inside(keys, region), "focus is not in the updated part: " + keys.trail()
    now = helpers.focused(keys.driver)
    assert now is not None and now.shows_focus, f"focus after the update cannot be seen: {now}"


def reply_to_meeting(keys: Keyboard, meeting_path: str, javascript: bool) -> None:
    """Say I am going, and that I need a BSL interpreter and a quiet room."""
    keys.open(meeting_path)
    keys.tab_to(lambda focus: focus.name == "answer")
    keys.press(Keys.SPACE, navigates=False)  # the first choice: Going
    keys.press(Keys.ARROW_DOWN, navigates=False)  # arrows move through the choices...
    keys.press(Keys.ARROW_UP, navigates=False)  # ...and back to Going
    chosen = helpers.focused(keys.driver)
    assert chosen.shows_focus, chosen.describe()
    keys.tab_to(lambda focus: focus.name == "bsl_interpreter")
    keys.press(Keys.SPACE, navigates=False)
    keys.tab_to(lambda focus: focus.name == "other_needs")
    keys.type("A quiet room for breaks, please.")
    keys.tab_to(lambda focus: focus.tag == "button" and "reply" in focus.text.lower())
    keys.press(Keys.ENTER, navigates=not javascript)
    if javascript:
        after_htmx_update(keys, "#reply", "Your reply is saved")
    else:
        # The page came back at the reply part (#reply): the "saved" notice must still be
        # where the person is, with the focus on it.
        assert focus_is_inside(keys, "#notices"), "the confirmation has no focus: " + keys.trail()
        assert on_screen(keys, "#notices"), "the confirmation is off the screen: " + str(
            keys.driver.execute_script(
                "return [document.querySelector('#notices').getBoundingClientRect().top,"
                " window.innerHeight, location.hash]"
            )
        )
    assert "Your reply is saved" in keys.page_text(), keys.trail()
    assert "Your reply: Going" in keys.page_text(), keys.trail()


def reply_with_a_mistake(keys: Keyboard, meeting_path: str, javascript: bool) -> None:
    """Send the reply without saying whether I am coming: the error is shown, focused
    and (with JavaScript) announced."""
    keys.open(meeting_path)
    keys.tab_to(lambda focus: focus.tag == "button" and "reply" in focus.text.lower())
    keys.press(Keys.ENTER, navigates=not javascript)
    if javascript:
        WebDriverWait(keys.driver, 5, poll_frequency=0.05).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#reply .error-summary")
        )
    summary = keys.driver.find_element(By.CSS_SELECTOR, ".error-summary")
    assert "Choose going, not going or maybe" in summary.text
    assert focus_is_inside(keys, ".error-summary"), "focus is not on the errors"
    assert on_screen(keys, ".error-summary"), "the errors are off the screen"
    keys.tab_to(lambda focus: focus.tag == "a" and "Choose going" in focus.text)
    keys.press(Keys.ENTER, navigates=False)
    assert (
        focus_is_inside(keys, "#answer")
        or keys.driver.execute_script("return location.hash") == "#answer"
    ), "the error link does not lead to the question"


def make_a_contribution(keys: Keyboard, forum_path: str, text: str) -> None:
    keys.open(forum_path + "/contributions")
    keys.tab_to(id_is("text"))
    keys.type(text)
    keys.tab_to(lambda focus: focus.name == "visibility")
    keys.tab_to(id_is("topic"))
    keys.type("transport")
    keys.tab_to(lambda focus: focus.tag == "button" and focus.text == "Send")
    keys.press(Keys.ENTER)
    assert text in keys.page_text(), "the contribution is not shown: " + keys.trail()


def download_a_pdf(keys: Keyboard, page_path: str, downloads) -> bytes:
    """Tab to the first PDF link in the Print panel and press Enter: a PDF arrives."""
    keys.open(page_path)
    keys.tab_to(lambda focus: focus.tag == "a" and "(PDF)" in focus.text, limit=150)
    before = set(downloads.iterdir())
    helpers.press(keys.driver, Keys.ENTER)
    arrived = WebDriverWait(keys.driver, 90, poll_frequency=0.2).until(
        lambda d: [
            path
            for path in set(downloads.iterdir()) - before
            if path.suffix == ".pdf" and path.stat().st_size > 0
        ]
    )
    return arrived[0].read_bytes()


SEGMENTED_INPUTS = {"date", "time", "datetime-local", "month", "week"}


def tab_through_page(keys: Keyboard, limit: int = 400) -> list[Focus]:
    """Tab from the top to past the end: every stop visible, none hidden, no trap, and
    Shift+Tab goes back the same way."""
    stops: list[Focus] = []
    for _ in range(limit):
        helpers.press(keys.driver, Keys.TAB)
        now = helpers.focused(keys.driver)
        if now is None:
            break
        keys.steps.append(now.describe())
        same = stops and now == stops[-1]
        # Date and time inputs have a stop for each part (day, month, year).
        assert not same or now.type in SEGMENTED_INPUTS, "Tab did not move on: " + keys.trail()
        assert now.shows_focus, f"the focus cannot be seen on {now.describe()} ({now.style()})"
        assert now.width > 0 and now.height > 0, "focus on something hidden: " + now.describe()
        if not same:
            stops.append(now)
        if len(stops) == 4 and not same:
            _shift_tab_goes_back(keys, stops)
    else:
        raise AssertionError(f"still inside the page after {limit} Tabs: " + keys.trail())
    assert stops, "nothing on the page takes the focus"
    assert "skip to main content" in stops[0].text.lower(), stops[0].describe()
    return stops


def _shift_tab_goes_back(keys: Keyboard, stops: list[Focus]) -> None:
    helpers.shift_tab(keys.driver)
    back = helpers.focused(keys.driver)
    assert back == stops[-2], f"Shift+Tab went to {back}, not back to {stops[-2].describe()}"
    helpers.press(keys.driver, Keys.TAB)
    assert helpers.focused(keys.driver) == stops[-1], "Tab after Shift+Tab did not return"


def find_a_picture(keys: Keyboard, check_path: str, javascript: bool) -> None:
    """On the easy-read check page: type what the picture means in a row's search box,
    get the pictures found (live with JavaScript, by Enter without), choose one with the
    keyboard. Nothing is saved, so the demo stays as it was."""
    keys.open(check_path)
    search = keys.tab_to(lambda focus: focus.tag == "input" and focus.name.endswith("_find"))
    row = search.name.removesuffix("_find")
    keys.type("toilet")
    found = f"#{row}_pic-found input[value=fe-restroom]"
    if javascript:
        WebDriverWait(keys.driver, 5, poll_frequency=0.05).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, found)
        )
        assert helpers.focused(keys.driver).name == search.name, "typing lost the focus"
    else:
        keys.press(Keys.ENTER)  # finds pictures; it never saves
        assert "Your changes are saved" not in keys.page_text(), keys.trail()
        assert helpers.focused(keys.driver).name == search.name, "focus is not back in the search"
        assert keys.driver.find_element(By.NAME, search.name).get_attribute("value") == "toilet"
    # The row's pictures are one group of radio buttons right after the search: Tab
    # reaches the one chosen now, the arrows move through the rest and choose.
    keys.tab_to(lambda focus: focus.name == f"{row}_pic")
    for _ in range(4):
        chosen = keys.driver.find_element(By.CSS_SELECTOR, f"input[name={row}_pic]:checked")
        if chosen.get_attribute("value") == "fe-restroom":
            break
        keys.press(Keys.ARROW_DOWN, navigates=False)
    assert chosen.get_attribute("value") == "fe-restroom", keys.trail()
    assert helpers.focused(keys.driver).shows_focus, keys.trail()


def new_convenor_meeting(demo, label: str) -> tuple[str, str, list[int]]:
    """A fresh convenor of the demo's learning disability forum and a draft meeting of
    theirs with three agenda items: (email, the meeting's path, the items' ids)."""
    from sqlalchemy import select

    from forum_site.models import Membership, User
    from forum_site.models.forums import Role
    from forum_site.models.meetings import MeetingStatus
    from tests.factories_meetings import make_meeting

    email = new_person(demo, label)
    with demo.app.app_context():
        session = demo.session
        person = session.scalar(select(User).where(User.email == email))
        forum = demo.forum("ld")
        session.add(Membership(forum_id=forum.id, user_id=person.id, role=Role.CONVENOR))
        meeting = make_meeting(
            session, forum, agenda=3, status=MeetingStatus.DRAFT, title=f"Moving {label}"
        )
        items = [item.id for item in sorted(meeting.agenda_items, key=lambda i: i.position)]
        session.commit()
        return email, f"/meetings/{meeting.id}", items


def move_an_agenda_item(keys: Keyboard, meeting_path: str, items: list[int], js: bool) -> None:
    """Move the first item down twice with the keyboard: after each move the focus is
    back on that item's "Move down" (or, at the bottom, its heading), so Enter again moves
    it again; without JavaScript the page comes back at the item."""
    keys.open(meeting_path)
    first = items[0]
    keys.tab_to(
        lambda focus: (
            focus.tag == "button"
            and focus.text.startswith("Move down")
            and focus_is_inside(keys, f"#item-{items[0]}")
        ),
        limit=300,
    )
    for step in (1, 2):
        if js:  # so the wait below is for this move's announcement, not the last one's
            keys.driver.execute_script("document.getElementById('live-region').textContent=''")
        keys.press(Keys.ENTER, navigates=not js)
        if js:
            said = keys.wait_for_live_region()
            assert "Moved down." in said, said
        now = helpers.focused(keys.driver)
        inside_item = focus_is_inside(keys, f"#item-{first}")
        if js:
            assert inside_item, "the focus left the item it moved: " + keys.trail()
            assert now is not None and now.shows_focus, f"focus cannot be seen: {now}"
            wanted = "Move down" if step == 1 else "Item 1"
            assert now.text.startswith(wanted), now.describe()
        else:
            assert keys.driver.execute_script("return location.hash") == f"#item-{first}"
            assert on_screen(keys, f"#item-{first}"), "the moved item is off the screen"
            if step == 1:
                keys.tab_to(
                    lambda focus: (
                        focus.tag == "button"
                        and focus.text.startswith("Move down")
                        and focus_is_inside(keys, f"#item-{items[0]}")
                    ),
                    limit=300,
                )
    order = keys.driver.execute_script(
        "return [...document.querySelectorAll('#agenda li.agenda-item')].map(li => li.id)"
    )
    assert order == [f"item-{items[1]}", f"item-{items[2]}", f"item-{first}"], order
