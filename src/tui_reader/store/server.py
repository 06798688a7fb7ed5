"""The processes that analyse files die with the reader, whatever kills it, SIGKILL included.

Three kinds of process outlive a reader killed mid-load unless told otherwise: the forkserver
(multiprocessing's, started by the reader), the workers it forks, and the resource tracker.
Each worker holds the pipes of its pool and the forkserver's "alive" pipe, so none of them
ever reads an end of file. Linux's PR_SET_PDEATHSIG has the kernel kill a process when the
thread that started it ends: the forkserver sets it as it starts (`in_server`, which it
imports first), towards the reader's main thread, and each worker towards the forkserver.
The resource tracker then ends by itself, once every holder of its pipe is gone. Elsewhere
nothing is set, and the pipes end the processes only once they are idle.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
from multiprocessing.context import ForkServerContext

_PR_SET_PDEATHSIG = 1
SERVER = "tui_reader.store.in_server"
"""The module the forkserver imports before any other: the import makes it die with its
parent."""


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when the thread that started it ends; `parent` is
    the process that should have: if it is gone already, this process ends now."""
    if sys.platform != "linux":
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        return  # refused (a sandbox): the pipes end it, once it is idle
    if os.getppid() != parent:  # it died before the kernel was asked to watch it
        os._exit(1)


def context(preload: list[str]) -> ForkServerContext:
    """The forkserver's context: when it starts, it imports `SERVER` first (to die with the
    thread that starts it), then the modules of `preload`. It must be started from the
    main thread, which lives as long as the process: a thread that ends would end it."""
    forkserver = multiprocessing.get_context("forkserver")
    forkserver.set_forkserver_preload([SERVER, *preload])
    return forkserver


def start(preload: list[str]) -> None:
    """Start the forkserver and the resource tracker now, from this thread."""
    from multiprocessing import forkserver, resource_tracker

    context(preload)
    resource_tracker.ensure_running()
    forkserver.ensure_running()


def worker_started() -> None:
    """The first thing each worker does: die with the forkserver, which forked it."""
    in_server = sys.modules.get(SERVER)
    if in_server is not None:  # None: a forkserver not started by `context`
        die_with_parent(in_server.PID)


def pool(workers: int) -> concurrent.futures.ProcessPoolExecutor:
    """A pool of worker processes forked by the forkserver, each of which dies with it."""
    return concurrent.futures.ProcessPoolExecutor(
        workers, mp_context=context([]), initializer=worker_started
    )


def stop(executor: concurrent.futures.ProcessPoolExecutor) -> None:
    """Stop a pool now: the tasks not started are dropped and the workers killed, not waited
    for (a task of a large file's part takes seconds). The pool's own attributes are used:
    Python 3.11 has no call for it."""
    processes = getattr(executor, "_processes", None) or {}
    for process in list(processes.values()):
        with contextlib.suppress(OSError, ValueError):  # ended already, or closed
            process.kill()
    results = getattr(executor, "_result_queue", None)
    executor.shutdown(wait=False, cancel_futures=True)
    if results is not None:
        # A worker killed while it sent a result leaves half of it in the pipe, and the
        # pool's thread would wait for the rest forever (the interpreter for it, at exit):
        # with this last writer closed too, it reads the end of the pipe instead.
        with contextlib.suppress(OSError):
            results._writer.close()
