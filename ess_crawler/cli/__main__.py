"""`python -m ess_crawler.cli` runs the command line."""

from ess_crawler.cli import main

main()
