"""`python -m raci` runs the command line."""

from raci.cli.app import main

main()
