"""Scrapy settings: polite defaults; every value can be overridden with `-s NAME=VALUE`.

Every ESS_* setting of the project is declared here, once; other modules read them
from the crawler's settings (`settings.get...`), never a copy of the default.
"""

from ess_crawler import __version__


def user_agent(contact: str) -> str:
    """The User-Agent the crawler and `check` send: the project, its version and who to contact."""
    return f"ess-crawler/{__version__} (+{contact}; ESS news archive)"


BOT_NAME = "ess_crawler"
SPIDER_MODULES = ["ess_crawler.crawl.spiders"]
NEWSPIDER_MODULE = "ess_crawler.crawl.spiders"
ADDONS = {
    # opt-in shared frontier (scrapy-redis) when ESS_REDIS_URL is set; nothing otherwise
    "ess_crawler.crawl.frontier.SharedFrontier": 100,
    # a private JOBDIR per crawl, so pending requests wait on disk (ESS_DISK_QUEUES; not with ESS_REDIS_URL)
    "ess_crawler.crawl.runner.DiskQueues": 110,
}

# --- Archive ----------------------------------------------------------------
# SQLite file the pipeline writes (the CLI's --db sets it).
ESS_DB_PATH = "archive/ess.db"

# Raw responses as gzipped WARC files (default folder: warc/ beside the database).
ESS_WARC_ENABLED = True
ESS_WARC_DIR = None
# Re-crawls are incremental (conditional requests, sitemap lastmod); True fetches everything.
ESS_FULL_CRAWL = False
# Writes are committed in batches of whole records (an article with its capture, an error, ...):
# every N seconds, after N records, at the crawl's close and on SIGTERM / SIGINT. A crawl killed
# harder loses at most the open batch, which the next crawl fetches again (it was never marked done).
ESS_WRITE_BATCH_SECONDS = 1.0
ESS_WRITE_BATCH_ITEMS = 200

# --- Identity ---------------------------------------------------------------
# Who to contact about this crawler; put a mail address or URL of yours here.
ESS_CONTACT = "https://github.com/ess-archive/ess-crawler"
# The User-Agent names the project and the contact; a crawl given another ESS_CONTACT
# rebuilds it with user_agent() (ess_crawler.crawl.spiders.site), unless USER_AGENT is set too.
USER_AGENT = user_agent(ESS_CONTACT)

# --- Politeness -------------------------------------------------------------
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0  # seconds between requests to one domain
DOWNLOAD_DELAY_JITTER = 0.5  # each delay varies by ±50%
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
COOKIES_ENABLED = False
DEFAULT_REQUEST_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "fr,en;q=0.5",
}

# --- Robustness -------------------------------------------------------------
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
REDIRECT_MAX_TIMES = 5
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024  # bigger pages are an error row, not a memory problem
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
# stop a crawl after that many responses (0 = no limit): Scrapy's CloseSpider extension, `-s CLOSESPIDER_PAGECOUNT=N`
CLOSESPIDER_PAGECOUNT = 0

# --- Pipeline and components -------------------------------------------------
ITEM_PIPELINES = {
    "ess_crawler.crawl.pipelines.ValidationPipeline": 100,
    "ess_crawler.crawl.pipelines.ArchivePipeline": 800,
}
DOWNLOADER_MIDDLEWARES = {
    # sees 3xx before RedirectMiddleware (600): off-site redirects and loops become errors
    "ess_crawler.crawl.middlewares.RedirectGuardMiddleware": 650,
    # sees 429/503 before RetryMiddleware (550): waits as Retry-After asks, then retries
    "ess_crawler.crawl.middlewares.RetryAfterMiddleware": 560,
    # in place of Scrapy's: a meta refresh to javascript:, mailto:... is ignored, not a lost page
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "ess_crawler.crawl.middlewares.MetaRefreshGuardMiddleware": 580,
}
ESS_MAX_RETRY_AFTER = 60  # seconds; a longer Retry-After is an error row, retried next crawl
EXTENSIONS = {
    "scrapy.extensions.telnet.TelnetConsole": None,
    # a live progress line per site in place of LogStats' item count (which counted discovery records)
    "scrapy.extensions.logstats.LogStats": None,
    "ess_crawler.crawl.progress.Progress": 500,
    # extraction in worker processes for callbacks that await it (ess_crawler.crawl.extraction_pool)
    "ess_crawler.crawl.extraction_pool.ExtractionPool": 510,
}
# items of one response processed at once: a page gives one article, and the pipelines are synchronous,
# so Scrapy's default (100) only costs 100 asyncio tasks per response
CONCURRENT_ITEMS = 4
# response bytes the scraper holds at once before the downloader waits (Scrapy's default, 5 MB, lets
# ~100 pages queue behind the extraction workers; 1 MB keeps a 10,000-page crawl under 300 MB, no slower)
SCRAPER_SLOT_MAX_ACTIVE_SIZE = 1_000_000
SPIDER_MIDDLEWARES = {
    # next to the spider: Discovered / SeenUnchanged / CrawlError records go to the archive by a signal,
    # so feed exports (-O out.jsonl, FEEDS) hold complete articles only
    "ess_crawler.crawl.records.RecordsMiddleware": 990,
}
# the progress line (stderr, whatever LOG_LEVEL) and the running crawl's `crawls` row, every N seconds
ESS_PROGRESS = True
ESS_PROGRESS_INTERVAL = 5.0
# worker processes that extract articles off the reactor thread, shared by the crawls of one process
# (0: in place; -1: one per core, none on a single core)
ESS_EXTRACTION_WORKERS = -1

# --- Pending requests (ess_crawler.crawl.runner.DiskQueues) ---------------------
# Requests waiting to be fetched are kept on disk, so memory stays flat on long crawls: each crawl
# gets a private JOBDIR, emptied and removed at its end (nothing carries over to the next crawl).
# False keeps them in memory. Not used with ESS_REDIS_URL (the queue is in Redis) nor when JOBDIR is set.
ESS_DISK_QUEUES = True
# where the crawls' JOBDIR folders are made (default: beside the archive, else the system's temp folder)
ESS_DISK_QUEUES_DIR = None
# Scrapy's pickle queue, last in first out like its memory queue (the same order as without disk queues),
# naming callbacks faster (ess_crawler.crawl.runner.PickleFifoDiskQueue: first in, first out)
SCHEDULER_DISK_QUEUE = "ess_crawler.crawl.runner.PickleLifoDiskQueue"

# --- Several processes or machines (ess_crawler.crawl.frontier) -----------------
# redis://HOST:PORT: share each site's request queue and duplicate filter through scrapy-redis;
# nodes with the same ESS_REDIS_RUN crawl together, each into its own archive (then `ess-crawler merge`)
ESS_REDIS_URL = None
ESS_REDIS_RUN = "default"
ESS_REDIS_MAX_IDLE = 5.0  # seconds an idle node waits for requests other nodes may still add

# --- Logging ----------------------------------------------------------------
LOG_LEVEL = "INFO"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
