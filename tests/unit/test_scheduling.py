"""The suite's work units under xdist: a page's axe and reflow tests together, all HTML
checker tests together, everything else alone."""

from tests.scheduling import work_unit


def test_a_pages_axe_and_reflow_tests_share_a_unit_and_other_pages_do_not():
    axe = work_unit("tests/browser/test_axe.py::test_no_axe_violations[meeting-easy-read]")
    sideways = (
        "tests/browser/test_reflow.py::test_no_sideways_scrolling_at_320px[meeting-easy-read]"
    )
    spacing = "tests/browser/test_reflow.py::test_text_spacing_hides_nothing[meeting-easy-read]"
    assert axe == work_unit(sideways) == work_unit(spacing)
    assert axe != work_unit("tests/browser/test_axe.py::test_no_axe_violations[meeting-normal]")


def test_html_checker_tests_share_one_unit_and_the_rest_run_alone():
    first = work_unit("tests/browser/test_html_validity.py::test_valid_html[home-normal]")
    assert first == work_unit(
        "tests/browser/test_html_validity.py::test_valid_html[budget-easy-read]"
    )
    alone = "tests/web/test_pagination.py::test_a_list_of_one_says_one_not_ones"
    assert work_unit(alone) == alone
    route = "tests/browser/test_axe.py::test_every_route_has_a_page_type"
    assert work_unit(route) == route
