"""Imported by the forkserver alone, before anything else (`server.SERVER`): importing it
is what it is for. The forkserver then dies with the reader's main thread, which started
it, and each worker it forks knows the forkserver's id (`PID`), to die with it in turn."""

from __future__ import annotations

import os

from .server import die_with_parent

PID = os.getpid()
"""The forkserver's process id; a worker, forked from it, has it as it was."""

die_with_parent(os.getppid())
