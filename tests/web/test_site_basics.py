"""Reading settings, the easy-read switch, error pages, security headers, the outbox."""

from sqlalchemy import select

from forum_site.models import TextSize, User
from tests.factories import make_user


def test_easy_read_switch_keeps_the_visitor_on_the_same_page(client, db):
    page = client.post("/settings/easy-read", data={"next": "/forums"})
    assert page.status_code == 303
    assert page.headers["Location"] == "/forums"
    forums = client.get("/forums")
    assert "easy-read" in forums.soup.body["class"]
    assert "Easy read: on" in forums.get_data(as_text=True)
    client.post("/settings/easy-read", data={"next": "/forums"})
    assert "easy-read" not in client.get("/forums").soup.body["class"]


def test_easy_read_switch_refuses_to_leave_the_site(client, db):
    page = client.post("/settings/easy-read", data={"next": "https://evil.example/"})
    assert page.headers["Location"] == "/"


def test_signed_in_settings_are_stored_on_the_account(client, db, sign_in):
    user = make_user(db)
    sign_in(user)
    client.post(
        "/settings",
        data={"easy_read": "y", "text_size": "larger", "high_contrast": "y", "language": "pl"},
    )
    db.expire_all()
    stored = db.scalar(select(User).where(User.id == user.id))
    assert stored.easy_read and stored.high_contrast
    assert stored.text_size == TextSize.LARGER
    assert stored.language == "pl"
    page = client.get("/")
    assert {"easy-read", "text-larger", "high-contrast"} <= set(page.soup.body["class"])
    assert page.soup.html["lang"] == "pl"


def test_right_to_left_language_sets_the_page_direction(client, db):
    client.post("/settings", data={"text_size": "normal", "language": "ar"})
    page = client.get("/")
    assert page.soup.html["dir"] == "rtl"
    assert page.soup.html["lang"] == "ar"


def test_browser_language_is_used_when_no_choice_is_made(client, db):
    page = client.get("/", headers={"Accept-Language": "pl-PL,pl;q=0.9"})
    assert page.soup.html["lang"] == "pl"


def test_bad_settings_values_get_a_message(client, db):
    page = client.post("/settings", data={"text_size": "gigantic", "language": "xx"})
    assert page.status_code == 200
    assert page.soup.select_one(".error-summary") is not None


def test_not_found_page_is_plain_and_helpful(client, db):
    page = client.get("/no/such/page")
    assert page.status_code == 404
    assert page.soup.h1.get_text() == "Page not found"
    assert page.soup.select_one("main a[href='/']") is not None


def test_security_headers_are_on_every_page(client, db):
    page = client.get("/")
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert page.headers["Referrer-Policy"] == "same-origin"


def test_pages_have_no_inline_scripts_or_styles(client, db):
    page = client.get("/register")
    assert all(script.get("src") for script in page.soup.find_all("script"))
    assert not page.soup.find_all(style=True)
    assert not page.soup.find_all("style")


def test_session_cookie_is_http_only_and_lax(client, db):
    user = make_user(db)
    response = client.post(
        "/sign-in", data={"email": user.email, "password": "correct horse battery"}
    )
    cookie = response.headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_signed_out_visitor_is_sent_to_sign_in_and_back(client, db):
    page = client.get("/inbox")
    assert page.status_code == 302
    assert "/sign-in?next=%2Finbox" in page.headers["Location"]


def test_too_big_upload_gets_a_plain_413_page(client, db):
    page = client.post("/sign-in", data={"email": "x" * (3 * 1024 * 1024), "password": "x"})
    assert page.status_code == 413
    assert "too big" in page.get_data(as_text=True)


def test_health_check(client, db):
    assert client.get("/healthz").get_json() == {"status": "ok"}


def test_outbox_is_for_admins_only_in_every_mode(client, db, sign_in, outbox):
    make_user(db, email="reader@example.org")
    client.post("/password/forgot", data={"email": "reader@example.org"})
    assert client.get("/dev/outbox").status_code == 404  # visitors: no reset links to steal
    sign_in(make_user(db))
    assert client.get("/dev/outbox").status_code == 404
    sign_in(make_user(db, admin=True))
    page = client.get("/dev/outbox")
    assert "reader@example.org" in page.get_data(as_text=True)
    assert "Reset your forum-site password" in page.get_data(as_text=True)


def test_inbox_lists_messages_and_marks_them_read(client, db, sign_in):
    from forum_site.services.messages import send_message

    user = make_user(db)
    send_message(
        db, [user], subject="Your answer is ready", body="We changed the bus times.", link="/forums"
    )
    db.flush()
    sign_in(user)
    home = client.get("/")
    assert home.soup.select_one(".main-nav .badge").get_text() == "1"
    inbox = client.get("/inbox")
    link = inbox.soup.select_one(".message-list a")
    assert "Your answer is ready" in link.get_text()
    message = client.get(link["href"])
    assert "We changed the bus times." in message.get_data(as_text=True)
    assert client.get("/").soup.select_one(".main-nav .badge") is None


def test_someone_elses_message_is_not_found(client, db, sign_in):
    from forum_site.models import InboxMessage
    from forum_site.services.messages import send_message

    owner, nosy = make_user(db), make_user(db)
    send_message(db, [owner], subject="Private", body="Only for the owner.")
    db.flush()
    message = db.scalar(select(InboxMessage).where(InboxMessage.user_id == owner.id))
    sign_in(nosy)
    assert client.get(f"/inbox/{message.id}").status_code == 404


def test_menu_is_translated_for_the_chosen_language(client, db):
    client.post("/settings", data={"text_size": "normal", "language": "ar"})
    page = client.get("/")
    nav = page.soup.select_one("nav.main-nav").get_text()
    assert "المنتديات" in nav  # "Forums"
    assert page.soup.select_one(".skip-link").get_text() == "انتقل إلى المحتوى الرئيسي"
    client.post("/settings", data={"text_size": "normal", "language": "cy"})
    assert "Fforymau" in client.get("/").soup.select_one("nav.main-nav").get_text()
