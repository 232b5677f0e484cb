"""The Datasette side of the archive, as a Datasette plugin package.

Each module here is one plugin (one concern, its own hooks), registered by name
through the `datasette` entry point group in pyproject.toml, as Datasette's own
default plugins and the datasette-* packages are; `datasette plugins` lists them.
The package also carries what every archive is served with: `templates/` (found
by Datasette beside the plugin modules), `metadata.yml` (tables, columns, facets,
canned queries; applied to any archive database by `any_archive`) and
`settings.json`. `config` says where they are and what a user's own `archive/`
folder adds.
"""

