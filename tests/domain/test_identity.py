"""A record's lasting identity: version-4 UUIDs written without the `uuid` module."""

from __future__ import annotations

import random
import uuid

import pytest

from workbench.domain.models import uuid_text
from workbench.service.workbench import new_uuid

_RNG = random.Random(7)


@pytest.mark.parametrize("bits", [0, (1 << 128) - 1, *(_RNG.getrandbits(128) for _ in range(50))])
def test_any_bits_make_a_version_4_uuid_that_uuid_reads_back(bits):
    text = uuid_text(bits)
    parsed = uuid.UUID(text)
    assert (parsed.version, parsed.variant) == (4, uuid.RFC_4122)
    assert str(parsed) == text
    # Only the six bits of version and variant are fixed; the rest are the ones given.
    fixed = ~((0xF << 76) | (0x3 << 62)) & ((1 << 128) - 1)
    assert parsed.int & fixed == bits & fixed


def test_new_identities_are_valid_and_do_not_repeat():
    made = {new_uuid() for _ in range(5000)}
    assert len(made) == 5000
    assert all(uuid.UUID(u).version == 4 for u in made)


def test_the_demo_draws_the_same_identities_from_the_same_seed():
    from workbench.service.demo import _uuid

    assert _uuid(random.Random(1)) == _uuid(random.Random(1))
    assert _uuid(random.Random(1)) == "cd613e30-d8f1-4adf-91b7-584a2265b1f5"
