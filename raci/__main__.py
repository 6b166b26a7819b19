"""`python -m raci` runs the command line."""

from raci.cli.main import main

main()
