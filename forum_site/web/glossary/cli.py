"""``flask --app forum_site load-glossary``: copy the reviewed glossary file into the database."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from easyread.glossary import GLOSSARY_FILE, load_terms
from forum_site.extensions import db
from forum_site.services import glossary


@click.command("load-glossary")
@click.option("--file", "path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--overwrite", is_flag=True, help="Replace entries that an admin has edited.")
@with_appcontext
def load_glossary(path: Path | None, overwrite: bool) -> None:
    """Add and update glossary entries by slug. Safe to run twice; admin edits are kept."""
    result = glossary.load_terms(db.session, load_terms(path or GLOSSARY_FILE), overwrite=overwrite)
    db.session.commit()
    click.echo(
        f"Glossary: {result.added} added, {result.updated} updated, "
        f"{result.unchanged} unchanged, {result.kept_edits} kept as edited by an admin."
    )
