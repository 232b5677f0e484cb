"""Extraction off the reactor thread: a pool of worker processes, one per core.

`extract_article` is pure CPU work (lxml, regexes, dates) and takes most of each
article page's time on the reactor thread (benchmarks/bench_scale.py). With
ESS_EXTRACTION_WORKERS = N > 0 this extension keeps N worker processes (the default, -1,
is one per core, and none on a single core), shared by the crawls the process runs; a
spider's async callback awaits the result, so the reactor goes on downloading and writing
while the workers extract:

    pool = ExtractionPool.of(self.crawler)
    article = await pool.extract(response.body, public_url, self.profile, response.meta.get(RECORD_KEY))

With 0 workers (or no pool) `extract` runs `extract_article` in place, so the callback
is the same either way. The workers are forked when the first crawl opens (copies of a
process its sitemaps and requests have not grown yet), with its spider's profile and those
of the pages already handed to the pool in memory; a worker looks a page's profile up by
name there: one that read its profile files itself would share the parent's open zip file
when the project runs as an egg (Scrapyd), and two processes reading one file offset tear
its reads (`BadZipFile`).
A profile it was not forked with it reads by name (ESS_PROFILE_DIRS is inherited).
An exception in a worker comes back as itself (ExtractionError included), with the
worker's traceback as its cause; one that cannot cross processes comes back as an
exception of the same name and message, so the error row reads as the inline path's.
A worker that dies fails the page it had (an `extraction` error row) and is replaced.
A worker also builds the page's WARC record, when given one (`WarcRecord`, decided by the
crawl when the response came): `record.data` holds it once the page is back (None if it
failed or there are no workers: the archive pipeline builds it then).

Each worker is a forked process joined by a socket pair that the event loop reads and
writes without blocking: no helper threads in the crawl's process (a ProcessPoolExecutor
keeps two, whose turns for the GIL slowed the reactor). A worker is handed its next page
while it extracts the one before (`_PAGES_IN_HAND`), so it never waits for the reactor to
read a result and send more; its results come back in order and one reader per worker
hands each to the page's callback.
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import os
import pickle
import signal
import socket
import struct
import sys
import traceback
from collections import deque

from scrapy import signals

from ess_crawler.crawl.warc import WarcRecord
from ess_crawler.extract import extract_article
from ess_crawler.items import Article
from ess_crawler.profiles import SiteProfile

_HEADER = struct.Struct("!I")
# pages a worker holds at once: the one it extracts and the next, already in its socket
_PAGES_IN_HAND = 2


# the profiles of the pages handed to the pool, by name: a worker inherits them when it is forked
_PROFILES: dict[str, SiteProfile] = {}


def _extract_in_worker(body: bytes, url: str, profile_name: str | None) -> Article:
    from ess_crawler.profiles import cached_profile

    profile = None
    if profile_name:
        profile = _PROFILES.get(profile_name) or cached_profile(profile_name)
    return extract_article(body, url, profile)


class RemoteTraceback(Exception):
    """The traceback of an exception raised in an extraction worker (the cause of the one raised here)."""

    def __str__(self) -> str:
        return self.args[0] if self.args else ""


class WorkerDied(RuntimeError):
    """An extraction worker exited while it extracted a page."""


def _recv_exact(sock: socket.socket, size: int) -> bytes | None:
    chunks, got = [], 0
    while got < size:
        chunk = sock.recv(min(size - got, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _build_record(record: WarcRecord | None, body: bytes) -> bytes | None:
    if record is None:
        return None
    try:
        return record.build(body)
    except Exception:  # noqa: BLE001 - the crawl builds it again, and sees the error itself
        return None


def _serve(sock: socket.socket, inherited: tuple = ()) -> None:
    """A worker's loop: read (body, url, profile name, WARC record or None), send back
    (ok, Article or error, the record's bytes or None).

    `inherited`: the parent's ends of this worker's and the earlier workers' socket pairs, which
    the fork copied; closed at once, so that each worker reads end-of-file when its crawl hangs up."""
    for end in inherited:
        end.close()
    # Ctrl-C and SIGTERM are the crawl's to handle: it finishes the pages in hand, then closes the workers
    # (a worker whose crawl died sees its socket close, and ends)
    signal.set_wakeup_fd(-1)
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_IGN)
    while True:
        header = _recv_exact(sock, _HEADER.size)
        if header is None:
            return
        data = _recv_exact(sock, _HEADER.unpack(header)[0])
        if data is None:
            return
        body, url, profile_name, record = pickle.loads(data)
        built = _build_record(record, body)
        try:
            result = (True, _extract_in_worker(body, url, profile_name), built)
        except Exception as exc:  # noqa: BLE001 - every error goes back to the page's callback
            result = (False, _portable(exc), built)
        try:
            payload = pickle.dumps(result, pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - an Article that does not pickle
            payload = pickle.dumps((False, _portable(exc), built), pickle.HIGHEST_PROTOCOL)
        sock.sendall(_HEADER.pack(len(payload)) + payload)


def _portable(exc: Exception) -> tuple:
    """(pickled exception or None, its type's name, message, traceback text)."""
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        pickled = pickle.dumps(exc, pickle.HIGHEST_PROTOCOL)
        pickle.loads(pickled)
    except Exception:  # noqa: BLE001 - unpicklable, or not rebuilt by its own class
        pickled = None
    return pickled, type(exc).__name__, str(exc), text


def _rebuild(portable: tuple) -> Exception:
    pickled, name, message, text = portable
    exc = pickle.loads(pickled) if pickled is not None else type(name, (Exception,), {})(message)
    exc.__cause__ = RemoteTraceback(f'\n"""\n{text}"""')
    return exc


class _Worker:
    def __init__(self, context, others: tuple = ()):
        self.sock, child = socket.socketpair()
        self.process = context.Process(target=_serve, args=(child, (self.sock, *others)), daemon=True,
                                       name="ess-extraction")
        # the worker's collector leaves alone the objects it was forked with, so it never writes to the
        # pages it shares with this process (copy-on-write); here they are collected as before
        gc.freeze()
        try:
            self.process.start()
        finally:
            gc.unfreeze()
        child.close()
        self.sock.setblocking(False)
        self.waiting: deque[asyncio.Future] = deque()  # one per page sent, in the order sent
        self.sending: asyncio.Lock | None = None
        self.reader: asyncio.Task | None = None
        self.cut = False

    async def extract(self, loop, message: bytes, record: WarcRecord | None = None):
        result = loop.create_future()
        if self.sending is None:
            self.sending = asyncio.Lock()
        async with self.sending:  # one message at a time: two writers would interleave their bytes
            self.waiting.append(result)
            try:
                await loop.sock_sendall(self.sock, _HEADER.pack(len(message)) + message)
            except BaseException:
                self.cut = True  # part of a message may be out: this socket is out of step for good
                raise
        if self.reader is None:
            self.reader = loop.create_task(self._read_results(loop))
        ok, value, built = await result
        if record is not None:
            record.data = built
        if ok:
            return value
        raise _rebuild(value)

    async def _read_results(self, loop) -> None:
        """Hand each result to its page, in order, while pages are out; a page whose callback
        was cancelled meanwhile still has its result read (the next one follows it)."""
        try:
            while self.waiting:
                header = await self._read(loop, _HEADER.size)
                result = pickle.loads(await self._read(loop, _HEADER.unpack(header)[0]))
                page = self.waiting.popleft()
                if not page.done():
                    page.set_result(result)
        except (Exception, asyncio.CancelledError) as exc:  # a dead worker, a cut socket: every page out fails
            if isinstance(exc, asyncio.CancelledError):
                exc = WorkerDied(f"extraction worker {self.process.pid} was stopped")
            while self.waiting:
                page = self.waiting.popleft()
                if not page.done():
                    page.set_exception(exc)
        finally:
            self.reader = None

    async def _read(self, loop, size: int) -> bytes:
        buffer = bytearray(size)
        view, got = memoryview(buffer), 0
        while got < size:
            try:
                n = await loop.sock_recv_into(self.sock, view[got:])
            except ConnectionResetError:  # it died with pages unread in its socket
                n = 0
            if not n:
                self.process.join(1)
                raise WorkerDied(f"extraction worker {self.process.pid} exited (code {self.process.exitcode})")
            got += n
        return bytes(buffer)

    def close(self) -> None:
        self.hang_up()
        self.join()

    def hang_up(self) -> None:
        """Close our end: the worker reads end-of-file and returns (once no later-forked worker
        holds a copy of that end: `ExtractionPool.close` hangs up on all before it waits)."""
        if self.reader is not None and not self.reader.get_loop().is_closed():
            self.reader.cancel()
        self.sock.close()

    def join(self) -> None:
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)


def _context():
    # fork on Linux: workers start at once and need no re-import of the command line's __main__
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


class _Workers:
    """The extraction workers of this process, shared by every crawl it runs (`crawl --all` runs
    each site's crawler in one process: one set of workers for all of them, not one per site).
    Started when a crawl opens (else at the first page), stopped when the last pool using them closes."""

    def __init__(self):
        self.size = 0  # the largest number of workers a pool asked for
        self.users = 0
        self.all: list[_Worker] = []
        self.idle: asyncio.Queue | None = None  # one entry per page a worker can take (_PAGES_IN_HAND)
        self.loop = None
        self.replaced: dict[_Worker, _Worker] = {}  # a worker that died -> the one started for it

    def join(self, size: int) -> None:
        self.users += 1
        self.size = max(self.size, size)

    def leave(self) -> None:
        self.users -= 1
        if self.users <= 0:
            self.close()

    def ready(self, loop) -> asyncio.Queue:
        if self.loop is not loop:  # first use, or another event loop (the workers stay)
            self.loop = loop
            self.idle = asyncio.Queue()
            while len(self.all) < self.size:
                self.all.append(_Worker(_context(), tuple(w.sock for w in self.all)))
            for _ in range(_PAGES_IN_HAND):
                for worker in self.all:
                    self.idle.put_nowait(worker)
        return self.idle

    def current(self, worker: _Worker) -> _Worker:
        """The worker in `worker`'s place (itself unless it died and was replaced)."""
        while worker in self.replaced:
            worker = self.replaced[worker]
        return worker

    def replace(self, worker: _Worker) -> _Worker | None:
        """A new worker for one that died, the same for each of its pages that failed (None when
        the workers were stopped meanwhile)."""
        if worker in self.replaced:
            return self.current(worker)
        worker.close()
        if worker not in self.all:
            return None
        self.all.remove(worker)
        new = _Worker(_context(), tuple(w.sock for w in self.all))
        self.all.append(new)
        self.replaced[worker] = new
        return new

    def close(self) -> None:
        # each worker forked after another holds a copy of that one's socket: hang up on all, then
        # wait (closing and joining one by one waited 5 s for the first worker of every crawl)
        for worker in self.all:
            worker.hang_up()
        for worker in self.all:
            worker.join()
        self.all, self.idle, self.loop = [], None, None
        self.replaced = {}
        self.size = self.users = 0


_WORKERS = _Workers()


def _default_workers() -> int:
    """One worker per core the process may run on; none on a single core (the crawl's own
    process needs it: extracting in place is then cheaper than handing pages over)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return cores if cores > 1 else 0


class ExtractionPool:
    """The extension (EXTENSIONS); ESS_EXTRACTION_WORKERS processes (0: in place; -1: one per core,
    none on a single core). The workers are the process's, shared by its crawls."""

    def __init__(self, workers: int):
        self.workers = workers
        self._joined = workers > 0
        if self._joined:
            _WORKERS.join(workers)

    @classmethod
    def from_crawler(cls, crawler):
        workers = crawler.settings.getint("ESS_EXTRACTION_WORKERS", 0)
        if workers < 0:
            workers = _default_workers()
        pool = cls(workers)
        crawler.signals.connect(pool.start, signal=signals.spider_opened)
        crawler.signals.connect(pool.close, signal=signals.spider_closed)
        crawler.signals.connect(pool.close, signal=signals.engine_stopped)  # (a crawl that never opened)
        return pool

    @staticmethod
    def of(crawler) -> ExtractionPool | None:
        """The crawler's pool (None when the extension is not enabled)."""
        return crawler.get_extension(ExtractionPool) if crawler is not None else None

    def start(self, spider=None) -> None:
        """Fork the workers as the crawl opens (with its spider's profile), not at its first page:
        a worker starts with a copy of the crawl's process, smaller before sitemaps and requests grow it."""
        if not self._joined:
            return
        profile = getattr(spider, "profile", None)
        if isinstance(profile, SiteProfile):
            _PROFILES[profile.name] = profile
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # (no event loop running yet: they start at the first page)
            return
        _WORKERS.ready(loop)

    async def extract(self, body: bytes, url: str, profile: SiteProfile | None = None,
                      record: WarcRecord | None = None) -> Article:
        """`extract_article(body, url, profile)`, in a worker process when there are workers (which
        also builds `record`, the page's WARC record, into `record.data`)."""
        if not self._joined:
            return extract_article(body, url, profile)
        if profile is not None:
            _PROFILES[profile.name] = profile  # before any worker is forked (`ready`)
        loop = asyncio.get_running_loop()
        idle = _WORKERS.ready(loop)
        message = pickle.dumps((body, url, profile.name if profile is not None else None, record),
                               pickle.HIGHEST_PROTOCOL)
        worker = _WORKERS.current(await idle.get())
        try:
            return await worker.extract(loop, message, record)
        except (WorkerDied, OSError):
            # a worker that died, or whose exchange was cut, is replaced (its pages fail, the crawl goes on)
            worker = _WORKERS.replace(worker)
            raise
        except asyncio.CancelledError:
            if worker.cut:  # cancelled in the middle of sending: the next message would be misread
                worker = _WORKERS.replace(worker)
            raise
        finally:
            if worker is not None and _WORKERS.idle is idle:
                idle.put_nowait(worker)

    def close(self, spider=None, reason=None) -> None:
        """This pool is done; the workers stop with the last pool using them."""
        if self._joined:
            self._joined = False
            _WORKERS.leave()
