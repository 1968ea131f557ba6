"""Finding a picture by what it shows or means (the check page's picker)."""

from forum_site.services.easy_read_pictures import find_pictures, suggested_pictures


def _ids(search: str) -> list[str]:
    return [option.id for option in find_pictures(search)]


def test_a_picture_is_found_by_its_name_first():
    assert _ids("bus")[0] == "fe-bus"
    assert _ids("Money")[0] == "fe-pound-banknote"


def test_a_picture_is_found_by_what_it_shows_or_means():
    assert _ids("padlock") == ["fe-unlocked"]
    assert "fe-restroom" in _ids("toilets")
    assert "hi-hearing-aid" in _ids("hearing loop")


def test_the_dollar_money_bag_is_never_offered_and_nonsense_finds_nothing():
    assert "fe-money-bag" not in _ids("money bag")
    assert _ids("xylophone") == [] and _ids("") == []


def test_each_option_says_what_it_means():
    option = find_pictures("key")[0]
    assert option.id == "fe-key" and option.meaning == "A key for a door, or a key safe."


def test_suggestions_follow_the_concept_check():
    assert [o.id for o in suggested_pictures("Open the web site.")] == ["fe-globe-with-meridians"]
    assert suggested_pictures("The bus.", leave_out="fe-bus") == []
