"""The Dutch demo modules, in catalogue order (loaded by :mod:`courses.demo`).

A module's prerequisites must come earlier in this list.
"""

from courses.demo_content import (
    bottom_up,
    documenten,
    termijnen,
    wat_is_zaakgericht_werken,
    zaak_registreren,
)

MODULES = [
    wat_is_zaakgericht_werken.MODULE,
    zaak_registreren.MODULE,
    termijnen.MODULE,
    documenten.MODULE,
    bottom_up.MODULE,
]
