"""The sandbox in the Wagtail admin: practice scenarios (snippets) for editors."""

# The catalogue import for administrators and editors (sandbox.catalogue_admin).
import sandbox.catalogue_admin  # noqa: F401
from sandbox.scenarios.wagtail_hooks import ScenarioViewSet  # noqa: F401
