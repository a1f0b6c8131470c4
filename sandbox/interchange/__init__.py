"""Interchange with real zaaksystemen: the VNG ZGW JSON shapes.

- :mod:`.schemas`: the VNG component schemas (the project's own copy) as
  JSON Schema validators;
- :mod:`.references`: the URLs that identify sandbox objects in exports;
- :mod:`.zaken_export`: a practice zaak as Zaken 1.5 / Documenten 1.4 /
  Besluiten 1.0 resources;
- :mod:`.catalogi`: import and export of zaaktypen as Catalogi 1.3 resources.
"""
