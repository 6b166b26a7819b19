"""`python -m raci` runs the command line."""

from .cli.app import main

main()
