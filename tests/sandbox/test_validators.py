import pytest

from sandbox.validators import (
    is_valid_bsn,
    is_valid_kvk_nummer,
    is_valid_postcode,
    is_valid_rsin,
)


@pytest.mark.parametrize("number", ["111222333", "123456782", "999993653"])
def test_numbers_passing_the_elfproef(number):
    assert is_valid_bsn(number)
    assert is_valid_rsin(number)


@pytest.mark.parametrize(
    "number", ["123456789", "000000000", "12345678", "1234567820", "12345678a", ""]
)
def test_numbers_failing_the_elfproef(number):
    assert not is_valid_bsn(number)


def test_kvk_and_postcode():
    assert is_valid_kvk_nummer("12345678")
    assert not is_valid_kvk_nummer("1234567")
    assert is_valid_postcode("1234 AB")
    assert is_valid_postcode("1234AB")
    assert not is_valid_postcode("0123 AB")
