"""``python -m warta`` runs the CLI."""

from .cli import main

main()
