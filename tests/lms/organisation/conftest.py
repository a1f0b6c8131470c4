import pytest

from tests.factories import DepartmentFactory, FloorFactory, JobFunctionFactory


@pytest.fixture
def org(db):
    """The departments, floors and job functions the files below refer to."""
    return {
        "vergunningen": DepartmentFactory(name="Vergunningen"),
        "burgerzaken": DepartmentFactory(name="Burgerzaken"),
        "stk2": FloorFactory(code="STK-2"),
        "stk3": FloorFactory(code="STK-3"),
        "verlener": JobFunctionFactory(name="Vergunningverlener"),
        "teamleider": JobFunctionFactory(name="Teamleider"),
    }
