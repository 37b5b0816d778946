"""geoevents: articles in, CAMEO-coded geopolitical events out, actor counts live.

Flow: articles -> ingest (validate, id check) -> dedup (content hash) -> extract
(spaCy -> actors -> events -> places) -> events / actor-mentions topics -> count tables.
"""

__version__ = "0.1.0"
