"""Command-line tasks: ``flask --app forum_site seed-demo`` and friends."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import with_appcontext

from forum_site.extensions import db


@click.command("seed-demo")
@with_appcontext
def seed_demo() -> None:
    """Fill an empty database with demo forums, people and content. Safe to run twice."""
    from forum_site.demo import seed

    created = seed(db.session)
    db.session.commit()
    if created:
        click.echo("Demo data added. Sign in as any demo person with the password in the README.")
    else:
        click.echo("Demo data is already there. Nothing changed.")


@click.command("deliver-email")
@with_appcontext
def deliver_email() -> None:
    """Send queued emails now (useful from cron when no worker runs)."""
    from forum_site.mail import deliver_pending

    click.echo(f"Sent {deliver_pending(limit=500)} emails.")


@click.command("send-due")
@with_appcontext
def send_due() -> None:
    """Send reminders, digests and anything else due. Safe from cron every few minutes."""
    from forum_site.delivery.run import send_due as run
    from forum_site.mail import deliver_pending

    sent = run(db.session)
    delivered = deliver_pending(limit=500)
    click.echo(
        f"Reminders made: {sent.reminders}. Answer-due notices: {sent.due_soon}. "
        f"Emails written: {sent.emails}. Digests: {sent.digests}. Letters: {sent.letters}. "
        f"Emails delivered: {delivered}."
    )


@click.command("search-reindex")
@with_appcontext
def search_reindex() -> None:
    """Write the search index again from everything findable (safe at any time)."""
    from forum_site.services.search import reindex_all

    written = reindex_all(db.session)
    db.session.commit()
    click.echo(f"Search index written: {written} things can be found.")


COMMANDS = [seed_demo, deliver_email, send_due, search_reindex]

from forum_site.web.glossary.cli import load_glossary  # noqa: E402

COMMANDS.append(load_glossary)


def register_commands(app: Flask) -> None:
    for command in COMMANDS:
        app.cli.add_command(command)
