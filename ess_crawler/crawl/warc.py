"""Raw captures as gzipped WARC files (ISO 28500), written with warcio.

One file per crawl run in the WARC folder (`ESS_WARC_DIR`, default `warc/` beside
the database). Records are buffered; `flush()` (the pipeline calls it before each commit
of the archive) writes them out. A file is written as `NAME.warc.gz.open` and renamed when the crawl
closes; a crawl killed mid-write leaves an `.open` file that `recover()` cuts back
to its last complete record before the next crawl. A payload already archived for
the same URL is written as a `revisit` record that points at the first capture.
A record is decided when its response comes (`WarcRecord`: its date, response or revisit)
and may be built later, where the body is: an article page's by the extraction worker that
extracts it (`RECORD_KEY`), so the crawl's own process only appends the bytes.

Scrapy hands over decompressed bodies, so records hold the decoded payload with
`Content-Encoding` and `Transfer-Encoding` removed and `Content-Length` set to it.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import logging
import os
import zlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

logger = logging.getLogger(__name__)

_DROPPED_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}
# zlib's default level: warcio's 9 costs a quarter more time for 0.2% smaller records (HTML pages)
_GZIP_LEVEL = 6


class _GzipMembers:
    """warcio's output as gzip members, one a record (warcio's own wrapper compresses at level 9
    and flushes its output after each record)."""

    def __init__(self, fh):
        self.fh = fh
        self.compressor = None

    def write(self, data: bytes) -> None:
        if self.compressor is None:
            self.compressor = zlib.compressobj(_GZIP_LEVEL, zlib.DEFLATED, zlib.MAX_WBITS + 16)
        self.fh.write(self.compressor.compress(data))

    def flush(self) -> None:
        """The end of a record (warcio calls it): the member is closed."""
        if self.compressor is not None:
            self.fh.write(self.compressor.flush())
            self.compressor = None


def payload_digest(body: bytes) -> str:
    """The WARC-Payload-Digest of a body: `sha1:` and the base32 SHA-1."""
    return "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")


def warc_date(moment: dt.datetime | None = None) -> str:
    moment = moment or dt.datetime.now(dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


# request.meta key of an article page's WarcRecord (set by the archive pipeline when the response
# comes), for the extraction worker to build along with the page's article
RECORD_KEY = "ess_warc_record"


def _http_headers(status: int, reason: str, headers: list[tuple[str, str]], length: int) -> StatusAndHeaders:
    kept = [(k, v) for k, v in headers if k.lower() not in _DROPPED_HEADERS]
    kept.append(("Content-Length", str(length)))
    return StatusAndHeaders(f"{status} {reason}".strip(), kept, protocol="HTTP/1.1")


def _gzip_member(make_record, date: str | None = None) -> bytes:
    """The record `make_record(writer)` gives, as one gzip member; `date`: its WARC-Date (else now)."""
    out = BytesIO()
    writer = WARCWriter(_GzipMembers(out), gzip=False)
    record = make_record(writer)
    if date:
        record.rec_headers.replace_header("WARC-Date", date)
    writer.write_record(record)
    return out.getvalue()


@dataclass
class WarcRecord:
    """A response's WARC record as decided when the response came: its WARC-Date, and `response`
    or a `revisit` of the payload first archived at `refers_to_date`. `build` makes its bytes."""

    url: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    digest: str
    date: str
    fetched_from: str = ""
    refers_to_date: str | None = None
    data: bytes | None = None  # the record built already (by an extraction worker)

    @property
    def kind(self) -> str:
        return "revisit" if self.refers_to_date else "response"

    def build(self, body: bytes) -> bytes:
        """The record (one gzip member) of this response, whose body is `body`."""
        if self.refers_to_date:
            return _gzip_member(lambda writer: writer.create_revisit_record(
                self.url, self.digest, self.url, self.refers_to_date,
                http_headers=_http_headers(self.status, self.reason, self.headers, 0)), self.date)
        extra = {"WARC-Payload-Digest": self.digest}
        if self.fetched_from and self.fetched_from != self.url:
            extra["WARC-ESS-Fetched-From"] = self.fetched_from
        return _gzip_member(lambda writer: writer.create_warc_record(
            self.url, "response", payload=BytesIO(body), length=len(body),
            http_headers=_http_headers(self.status, self.reason, self.headers, len(body)),
            warc_headers_dict=extra), self.date)


class WarcFile:
    """The WARC file of one crawl run."""

    def __init__(self, folder: str | Path, site: str, crawl_id: int, software: str):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d%H%M%S")
        self.name = f"{site}-{crawl_id:06d}-{stamp}.warc.gz"
        self.open_path = self.folder / (self.name + ".open")
        self._fh = open(self.open_path, "wb")  # noqa: SIM115 - kept open for the crawl
        self.append(_gzip_member(lambda writer: writer.create_warcinfo_record(self.name, {
            "software": software, "format": "WARC File Format 1.0",
            "description": f"ess-crawler capture of {site}, crawl {crawl_id}",
        })))

    def append(self, record: bytes) -> tuple[int, int]:
        """Append a built record (`WarcRecord.build`); returns its (offset, length) in the file."""
        offset = self._fh.tell()
        self._fh.write(record)
        return offset, len(record)

    def flush(self) -> None:
        """Hand the records written so far to the OS (before the archive commits captures pointing at them;
        a killed process loses nothing the OS has, and a record torn at the end is cut by `recover`)."""
        self._fh.flush()

    def close(self) -> Path:
        """Close and give the file its final name."""
        self._fh.close()
        final = self.folder / self.name
        os.replace(self.open_path, final)
        return final


def recover(folder: str | Path, site: str) -> list[Path]:
    """Cut the `.open` files a killed crawl of `site` left back to their last complete record.

    Call it before a new crawl of the site starts (other sites' crawls may be running)."""
    recovered = []
    for path in sorted(Path(folder).glob(f"{site}-*.warc.gz.open")):
        good_end = 0
        with open(path, "rb") as fh:
            try:
                iterator = ArchiveIterator(fh)
                for record in iterator:
                    record.content_stream().read()
                    good_end = iterator.get_record_offset() + iterator.get_record_length()
            except Exception as exc:  # noqa: BLE001 - a torn gzip member or header
                logger.warning("WARC %s ends with a torn record (%s); cutting it at %d", path, exc, good_end)
        with open(path, "r+b") as fh:
            fh.truncate(good_end)
        final = path.with_name(path.name[: -len(".open")])
        os.replace(path, final)
        recovered.append(final)
    return recovered


def read_payload(path: str | Path, offset: int) -> tuple[int | None, bytes]:
    """(HTTP status, body) of the `response` record at `offset` in a WARC file."""
    with open(path, "rb") as fh:
        fh.seek(offset)
        for record in ArchiveIterator(fh):
            status = record.http_headers.get_statuscode() if record.http_headers else None
            return (int(status) if status and status.isdigit() else None), record.content_stream().read()
    raise ValueError(f"no WARC record at offset {offset} of {path}")
