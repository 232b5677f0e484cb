"""The declared schema of a site profile (JSON Schema, draft 2020-12), checked by `jsonschema`.

Keys, types and value ranges live here; what a schema cannot say (a regex that does
not compile, a CSS selector that does not parse, unknown keys named with the known
ones) is checked by `ess_crawler.profiles.validate`. `python -m ess_crawler.profiles.schema`
prints it as JSON, for editors that complete TOML from a schema.
"""

SCHEMA = {'$schema': 'https://json-schema.org/draft/2020-12/schema',
 '$id': 'https://github.com/ess-crawler/ess-crawler/profiles/schema.json',
 'title': 'ess-crawler site profile',
 'description': 'One TOML file per site in ess_crawler/profiles/sites/ (or a folder of ESS_PROFILE_DIRS).',
 'type': 'object',
 'required': ['name', 'origin', 'article_urls'],
 'additionalProperties': False,
 '$defs': {'text': {'type': 'string'},
           'texts': {'anyOf': [{'type': 'string'}, {'type': 'array', 'items': {'type': 'string'}}]},
           'url': {'type': 'string', 'pattern': '^https?://[^/\\s]+(/\\S*)?$'},
           'urls': {'anyOf': [{'$ref': '#/$defs/url'}, {'type': 'array', 'items': {'$ref': '#/$defs/url'}}]},
           'patterns': {'anyOf': [{'type': 'string', 'minLength': 1},
                                  {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}]},
           'share': {'type': 'number', 'minimum': 0, 'maximum': 1}},
 'properties': {'name': {'type': 'string',
                         'pattern': '^[a-z0-9][a-z0-9_-]*$',
                         'description': "the spider's name: lower-case letters, digits, _ and -"},
                'title': {'$ref': '#/$defs/text'},
                'origin': {'$ref': '#/$defs/url'},
                'domains': {'anyOf': [{'type': 'string', 'minLength': 1},
                                      {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}]},
                'article_urls': {'anyOf': [{'type': 'string', 'minLength': 1},
                                           {'type': 'array',
                                            'items': {'type': 'string', 'minLength': 1},
                                            'minItems': 1}]},
                'listing_urls': {'$ref': '#/$defs/patterns'},
                'start_urls': {'$ref': '#/$defs/urls'},
                'sitemaps': {'$ref': '#/$defs/urls'},
                'feeds': {'$ref': '#/$defs/urls'},
                'cms': {'type': 'string'},
                'language': {'type': 'string', 'pattern': '^[a-z]{2}$'},
                'description': {'$ref': '#/$defs/text'},
                'rights': {'$ref': '#/$defs/text'},
                'title_suffixes': {'$ref': '#/$defs/texts'},
                'wp_rest': {'type': 'boolean'},
                'selectors': {'type': 'object',
                              'additionalProperties': False,
                              'properties': {'title': {'type': 'string', 'minLength': 1},
                                             'date': {'type': 'string', 'minLength': 1},
                                             'modified': {'type': 'string', 'minLength': 1},
                                             'category': {'type': 'string', 'minLength': 1},
                                             'lead': {'type': 'string', 'minLength': 1},
                                             'body': {'type': 'string', 'minLength': 1},
                                             'footnotes': {'type': 'string', 'minLength': 1},
                                             'related': {'type': 'string', 'minLength': 1},
                                             'authors': {'type': 'string', 'minLength': 1},
                                             'tags': {'type': 'string', 'minLength': 1},
                                             'remove': {'type': 'string', 'minLength': 1}}},
                'coverage': {'type': 'object',
                             'additionalProperties': False,
                             'properties': {'title': {'$ref': '#/$defs/share'},
                                            'published': {'$ref': '#/$defs/share'},
                                            'category': {'$ref': '#/$defs/share'},
                                            'body': {'$ref': '#/$defs/share'},
                                            'lead': {'$ref': '#/$defs/share'},
                                            'authors': {'$ref': '#/$defs/share'},
                                            'footnotes': {'$ref': '#/$defs/share'},
                                            'related': {'$ref': '#/$defs/share'}}}}}

if __name__ == "__main__":
    import json

    print(json.dumps(SCHEMA, indent=2))
