"""Fictitious people for a scenario's starting state.

An editor may leave parts of a person empty and tick "complete with fictitious
data": the rest is generated with Faker's Dutch locale, seeded by the attempt, so
each attempt gets its own plausible citizen and a retry of the same attempt (reset)
the same one. BSNs are generated to pass the 11-proef, never taken from real ranges.
"""

import random
from typing import Any

from faker import Faker

from sandbox.validators import is_valid_bsn


def fictitious_bsn(rng: random.Random) -> str:
    """Nine digits that pass the 11-proef (sum of d1..d8 × 9..2 minus d9 ≡ 0 mod 11)."""
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:  # d9 must be a single digit
            bsn = "".join(map(str, digits)) + str(check)
            if is_valid_bsn(bsn):
                return bsn


def person_complete(spec: dict[str, Any], *, seed: str) -> dict[str, Any]:
    """``spec`` (an initiator of the starting state) with its empty fields filled."""
    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    rng = random.Random(seed)  # noqa: S311 - fictitious practice data, not security
    generated = {
        "geslachtsnaam": fake.last_name(),
        "voorletters": f"{fake.first_name()[0]}.",
        "bsn": fictitious_bsn(rng),
        "straat": fake.street_name(),
        "huisnummer": rng.randint(1, 250),
        "postcode": fake.postcode().replace(" ", ""),
        "woonplaats": spec.get("woonplaats") or "Zaakwijk",
    }
    completed = dict(spec)
    for field, value in generated.items():
        if not completed.get(field):
            completed[field] = value
    return completed
