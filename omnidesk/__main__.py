import sys

from omnidesk.cli import main

sys.exit(main())
