"""Per-file work, serial or in worker processes, through the content cache.

Workers are forked from the parent, so they share its engine (plugins, rules, vocabulary) without
pickling it; only file indexes go out and FileResults come back. Results are returned in file order,
so the output of a parallel run is identical to a serial one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

PARALLEL_MIN_FILES = 48  # below this, starting workers costs more than it saves

_ENGINE = None
_FILES: Sequence = ()
_CACHE = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def lint_files(engine, files: Sequence, *, jobs: int | None = None, cache=None,
               progress: Callable[[int, int], None] | None = None) -> list:
    """Every file's FileResult, in file order; from ``cache`` (a ResultCache) where it holds one."""
    results: list = [None] * len(files)
    todo: list[int] = []
    for index, source in enumerate(files):
        cached = cache.get(source) if cache is not None else None
        if cached is not None:
            results[index] = cached
        else:
            todo.append(index)
    done = len(files) - len(todo)
    if progress is not None and done:
        progress(done, len(files))

    jobs = default_jobs() if jobs is None or jobs <= 0 else jobs
    fresh = _run(engine, files, todo, jobs, cache)
    for index, result in fresh:
        results[index] = result
        done += 1
        if progress is not None:
            progress(done, len(files))
    return results


def _run(engine, files: Sequence, todo: list[int], jobs: int, cache):
    if jobs == 1 or len(todo) < PARALLEL_MIN_FILES or not _can_fork():
        for index in todo:
            yield index, _lint_and_store(engine, files[index], cache)
        return
    global _ENGINE, _FILES, _CACHE
    _ENGINE, _FILES, _CACHE = engine, files, cache
    engine.analyser  # noqa: B018 - built once in the parent, inherited by every worker
    import multiprocessing  # only here: a small run never starts workers

    try:
        context = multiprocessing.get_context("fork")
        chunk = max(1, min(64, len(todo) // (jobs * 8)))
        segmenter = engine.analyser.segmenter
        with context.Pool(processes=min(jobs, len(todo)), initializer=_start_worker) as pool:
            for index, result, segmentations in pool.imap(_lint_in_worker, todo, chunksize=chunk):
                if isinstance(result, str) and result == _INTERRUPTED:  # (a copy: compared by value)
                    raise KeyboardInterrupt  # as in a serial run: the run stops (cli.py)
                segmenter.absorb(segmentations)
                yield index, result
    finally:
        _ENGINE, _FILES, _CACHE = None, (), None


def _start_worker() -> None:
    _ENGINE.analyser.segmenter.collect_fresh()


_INTERRUPTED = "interrupted"


def _lint_in_worker(index: int):
    try:
        result = _lint_and_store(_ENGINE, _FILES[index], _CACHE)
    except KeyboardInterrupt:
        # A rule that raises KeyboardInterrupt in a worker would kill the worker, and the pool would wait for its
        # task for ever: the parent is told instead, and stops the run
        return index, _INTERRUPTED, ()
    return index, result, _ENGINE.analyser.segmenter.take_fresh()


def _lint_and_store(engine, source, cache):
    """Lint one file and store its result in the content cache, in the process that linted it (encoding
    and writing cache entries in the parent made a cold-cache run half again as long as one without)."""
    result = engine.lint_file(source)
    if cache is not None:
        cache.put(source, result)
    return result


def _can_fork() -> bool:
    import multiprocessing

    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
