import pytest

from sandbox.errors import SandboxRuleError


def refused(rule, call, **kwargs) -> SandboxRuleError:
    """Run ``call(**kwargs)``, expect a refusal by ``rule`` and return it."""
    with pytest.raises(SandboxRuleError) as info:
        call(**kwargs)
    assert info.value.rule == rule, info.value.message
    assert info.value.message
    return info.value
