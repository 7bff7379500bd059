import sys

from eventcode.cli import main

sys.exit(main())
