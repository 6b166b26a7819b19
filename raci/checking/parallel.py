"""Checking many files at once, on several cores, with the same results as one at a time.

:func:`check_files` loads and checks each path and returns, in the order given, either its
:class:`CheckResult` or the :class:`LoadError` that stopped it. With ``jobs`` above one the
work goes to a :class:`concurrent.futures.ProcessPoolExecutor` (results and errors pickle
whole); standard input (``"-"``) is always read here, in this process.

Messages are written in the caller's language wherever the work runs: each call carries it,
since a worker process starts with its own environment and a thread from a pool does not
inherit the caller's context variables.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from functools import partial

from raci.checking import checker
from raci.checking.checker import CheckResult
from raci.checking.config import Config
from raci.i18n import current_language, language
from raci.model.errors import LoadError
from raci.yaml.source_map import Limits

#: From this many files on, the default is one worker per core: below it, starting the
#: workers costs more than they save (benchmarks/bench_jobs.py measures the speed-up).
MANY_FILES = 32
STDIN = "-"

Outcome = CheckResult | LoadError


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity where the system has one)."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return int(counter() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def default_jobs(files: int) -> int:
    """One worker per core when there are :data:`MANY_FILES` or more, else one."""
    return max(1, min(available_cores(), files)) if files >= MANY_FILES else 1


def check_files(
    paths: Sequence[str],
    config: Config | None = None,
    *,
    limits: Limits | None = None,
    letter_map: Mapping[str, str] | None = None,
    jobs: int | None = None,
) -> list[Outcome]:
    """Load and check each path; a :class:`CheckResult` or the :class:`LoadError` per path,
    in input order. ``jobs``: worker processes (``None``: :func:`default_jobs`)."""
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    work = partial(
        check_path,
        config=config,
        limits=limits or Limits(),
        letter_map=letter_map,
        lang=current_language(),
    )
    workers = default_jobs(len(paths)) if jobs is None else min(jobs, max(1, len(paths)))
    files = [path for path in paths if path != STDIN]
    if workers == 1 or len(files) < 2:
        return [work(path) for path in paths]
    # Big chunks keep the pickling round trips few; several per worker keep the cores busy
    # when some files are much larger than others.
    chunk = max(1, len(files) // (workers * 8))
    # Imported here: a one-file check (the common case, and start-up) never starts a pool.
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        done = iter(list(pool.map(work, files, chunksize=chunk)))
    return [work(path) if path == STDIN else next(done) for path in paths]


def check_path(
    path: str,
    *,
    config: Config | None = None,
    limits: Limits | None = None,
    letter_map: Mapping[str, str] | None = None,
    lang: str | None = None,
) -> Outcome:
    """One file loaded and checked; its :class:`LoadError` returned, not raised. ``lang``:
    the language of its messages (None: this context's)."""
    if lang is not None:
        with language(lang):
            return check_path(path, config=config, limits=limits, letter_map=letter_map)
    from raci import api

    try:
        # Through the modules, so that the library's own entry points are the ones that run.
        return checker.check(api.load(path, limits=limits or Limits(), letter_map=letter_map), config)
    except LoadError as error:
        return error
