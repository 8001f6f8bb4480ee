"""When and where: each event's date and place.

* :mod:`warta.when_where.dates`: find and normalise Indonesian/English time expressions
  (``find_dates``, ``resolve``, ``normalise``, ``weekday_date``).
* :mod:`warta.when_where.gazetteer`: the offline gazetteer (data/places + the actors KB's countries + GeoNames).
* :mod:`warta.when_where.places`: place phrases in a sentence (``find_places``, ``resolve_place``).
* :mod:`warta.when_where.component`: the spaCy component ``warta_when_where``.
"""
