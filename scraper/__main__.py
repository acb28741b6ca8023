"""`python -m scraper` — see scraper/cli.py."""
import sys

from scraper.cli import main

sys.exit(main())
