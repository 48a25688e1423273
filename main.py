"""Start OmniDesk's window (the same as the ``omnidesk`` command with no arguments)."""

import sys

from omnidesk.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
