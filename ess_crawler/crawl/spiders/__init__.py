"""One spider per site profile: `scrapy list` shows them, `scrapy crawl NAME` runs one.

The classes are made here from the profiles in `ess_crawler/sites/` (and any
folder named by ESS_PROFILE_DIRS), so adding a site needs no code.
"""

from ess_crawler.profiles import load_profiles

from .site import SiteSpider, spider_class_for


def _register() -> None:
    for profile in load_profiles().values():
        cls = spider_class_for(profile)
        cls.__module__ = __name__
        globals()[cls.__name__] = cls


_register()

__all__ = ["SiteSpider", "spider_class_for"]
