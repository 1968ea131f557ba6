"""Web layer: one blueprint per area. Views are thin: forms validate, services decide."""

from __future__ import annotations

from flask import Blueprint


def blueprints() -> list[Blueprint]:
    """Every area's blueprint. New areas add themselves here."""
    from forum_site.web.accounts.views import bp as accounts
    from forum_site.web.briefings.views import bp as briefings
    from forum_site.web.budgets.views import bp as budgets
    from forum_site.web.contributions import bp as contributions
    from forum_site.web.decisions.views import bp as decisions
    from forum_site.web.easy_read.picture_files import bp as pictures
    from forum_site.web.easy_read.views import bp as easy_read
    from forum_site.web.forums.views import bp as forums
    from forum_site.web.glossary.views import bp as glossary
    from forum_site.web.inbox.views import bp as inbox
    from forum_site.web.main.views import bp as main
    from forum_site.web.meetings import bp as meetings
    from forum_site.web.not_online import blueprints as not_online
    from forum_site.web.notices.views import bp as notices
    from forum_site.web.pdfs.views import bp as pdfs
    from forum_site.web.queue.views import bp as queue
    from forum_site.web.search.views import bp as search
    from forum_site.web.topics import bp as topics
    from forum_site.web.translations import bp as translations

    return [
        main,
        accounts,
        forums,
        inbox,
        notices,
        meetings,
        budgets,
        briefings,
        glossary,
        search,
        contributions,
        decisions,
        queue,
        topics,
        pdfs,
        easy_read,
        pictures,
        *not_online(),
        translations,
    ]
