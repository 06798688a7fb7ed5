"""The few symbols the reader draws itself, with stand-ins the Linux console's font has."""

from __future__ import annotations

import os

LINUX_CONSOLE = os.environ.get("TERM") == "linux"
"""The Linux console's font (a code page 437 set) lacks most symbols beyond it."""

BOOKMARK = "*" if LINUX_CONSOLE else "★"
UNREAD = "•"  # in code page 437 too
