import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from lms.accounts.roles import Role
from lms.accounts.services import user_email_address_ensure, user_roles_set
from lms.organisation.models import (
    Building,
    Department,
    EmployeeProfile,
    Floor,
    JobFunction,
)

PASSWORD = "correct-horse-battery"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"medewerker{n}@gemeente.test")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if not create:
            return
        user_roles_set(user=self, roles=set(extracted or []))
        user_email_address_ensure(user=self, verified=True)


class DepartmentFactory(DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Afdeling {n}")


class BuildingFactory(DjangoModelFactory):
    class Meta:
        model = Building
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Stadskantoor {n}")


class FloorFactory(DjangoModelFactory):
    class Meta:
        model = Floor

    building = factory.SubFactory(BuildingFactory)
    number = factory.Sequence(lambda n: n)
    code = factory.Sequence(lambda n: f"VDP-{n}")


class JobFunctionFactory(DjangoModelFactory):
    class Meta:
        model = JobFunction
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Functie {n}")


class EmployeeProfileFactory(DjangoModelFactory):
    class Meta:
        model = EmployeeProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    department = factory.SubFactory(DepartmentFactory)
    floor = factory.SubFactory(FloorFactory)
    job_function = factory.SubFactory(JobFunctionFactory)

    @factory.post_generation
    def coached_floors(self, create, extracted, **kwargs):
        if create and extracted:
            self.coached_floors.set(extracted)


def employee(*, roles: list[Role] | None = None, **kwargs) -> EmployeeProfile:
    """An employee with a profile and the given roles (always at least a learner)."""
    user_kwargs = {
        key[6:]: kwargs.pop(key) for key in list(kwargs) if key.startswith("user__")
    }
    user = UserFactory(roles=roles or [], **user_kwargs)
    return EmployeeProfileFactory(user=user, **kwargs)
