"""`python -m newsgraph` runs the command line."""

from newsgraph.cli import main

main(prog_name="newsgraph")
