"""Crawling: spiders (discovery only), downloader middlewares, the archive pipeline, WARC, the runner."""
