def test_home_page_lists_public_forums_only(client, db):
    from tests.factories import make_forum

    make_forum(db, name="Carers Together")
    make_forum(db, name="Secret Support Circle", private=True)
    page = client.get("/")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Carers Together" in text
    assert "Secret Support Circle" not in text
