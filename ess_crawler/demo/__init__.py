"""The offline demo: the bundled sample sites (`sites/`, plain files in each site's CMS markup) and
the local HTTP server that serves them on 127.0.0.1."""
