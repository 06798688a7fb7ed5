"""`python -m tui_reader`: the same entry point as the `tui-reader` command."""

import sys

from .cli import main

sys.exit(main())
