"""Checks on Dutch identifiers used in the practice cases."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def passes_elfproef(number: str) -> bool:
    """The 11-proef of BSN and RSIN: nine digits d1..d9 with
    9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11 (and not all zeros)."""
    if not re.fullmatch(r"\d{9}", number or "") or number == "000000000":
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(d) * w for d, w in zip(number, weights, strict=True)) % 11 == 0


def is_valid_bsn(value: str) -> bool:
    return passes_elfproef(value)


def is_valid_rsin(value: str) -> bool:
    return passes_elfproef(value)


def is_valid_kvk_nummer(value: str) -> bool:
    # KvK numbers are eight digits; since 2016 they carry no check digit.
    return bool(re.fullmatch(r"\d{8}", value or ""))


def is_valid_vestigingsnummer(value: str) -> bool:
    return bool(re.fullmatch(r"\d{12}", value or ""))


def is_valid_postcode(value: str) -> bool:
    return bool(re.fullmatch(r"[1-9]\d{3} ?[A-Z]{2}", value or ""))


def validate_rsin(value: str) -> None:
    if not is_valid_rsin(value):
        raise ValidationError(
            _("Enter a valid RSIN: nine digits that pass the 11-proef."),
            code="invalid_rsin",
        )


def validate_bsn(value: str) -> None:
    if not is_valid_bsn(value):
        raise ValidationError(
            _("Enter a valid BSN: nine digits that pass the 11-proef."),
            code="invalid_bsn",
        )
