"""`record` behaves as `dataclass` does, without `dataclasses` and without compiling methods
when a class is made."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from workbench.domain import records
from workbench.domain.records import FrozenInstanceError, field, fields, record, replace


def _pair(**options: bool) -> tuple[type, type]:
    """The same class made by `record` and by `dataclass`."""

    def body(field: object) -> dict[str, object]:
        return {
            "__annotations__": {
                "title": "str", "n": "int", "tags": "list[str]", "note": "str", "seen": "int"
            },
            "n": 0,
            "tags": field(default_factory=list),
            "note": field(default="", repr=False, compare=False),
            "seen": field(default=0, init=False),
            "__doc__": "A thing.",
        }

    ours = record(type("Thing", (), body(records.field)), **options)
    theirs = dataclass(type("Thing", (), body(dataclasses.field)), **options)
    return ours, theirs


OPTIONS = [{}, {"slots": True}, {"frozen": True}, {"frozen": True, "slots": True}]


@pytest.mark.parametrize("options", OPTIONS)
def test_construction_repr_and_equality_match_a_dataclass(options: dict[str, bool]) -> None:
    ours, theirs = _pair(**options)
    for args, kwargs in [(("a",), {}), (("a", 2), {}), ((), {"title": "b", "tags": ["x"]}),
                         (("c", 3, ["y"], "note"), {})]:  # fmt: skip
        a, b = ours(*args, **kwargs), theirs(*args, **kwargs)
        assert repr(a) == repr(b)
        assert {f.name: getattr(a, f.name) for f in fields(a)} == dataclasses.asdict(b)
        assert a == ours(*args, **kwargs)
    assert ours("a") != ours("b")
    assert ours("a", note="x") == ours("a", note="y")  # compare=False
    assert ours("a").__eq__(theirs("a")) is NotImplemented
    assert ours("a").tags is not ours("a").tags  # a fresh list each time
    assert ours.__match_args__ == theirs.__match_args__
    assert [f.name for f in fields(ours)] == ["title", "n", "tags", "note", "seen"]
    assert [f.name for f in fields(ours)] == [f.name for f in dataclasses.fields(theirs)]


@pytest.mark.parametrize("options", OPTIONS)
def test_the_same_arguments_are_refused(options: dict[str, bool]) -> None:
    ours, theirs = _pair(**options)
    for args, kwargs in [((), {}), (("a",), {"seen": 1}), (("a",), {"nope": 1}),
                         (("a", 1, [], "", 5), {})]:  # fmt: skip
        with pytest.raises(TypeError):
            theirs(*args, **kwargs)
        with pytest.raises(TypeError):
            ours(*args, **kwargs)


def test_init_is_compiled_on_the_first_instance_with_a_dataclass_signature() -> None:
    ours, theirs = _pair(frozen=True, slots=True)
    stub = ours.__init__
    ours("a")
    assert ours.__init__ is not stub
    assert str(inspect.signature(ours.__init__)) == str(inspect.signature(theirs.__init__))
    assert ours.__init__.__qualname__ == "Thing.__init__"


def test_frozen_records_are_hashable_and_cannot_change() -> None:
    ours, _ = _pair(frozen=True, slots=True)
    thing = ours("a", 1, ())
    assert hash(thing) == hash(ours("a", 1, (), "another note"))
    assert len({thing, ours("a", 1, ()), ours("b", 1, ())}) == 2
    with pytest.raises(FrozenInstanceError):
        thing.title = "b"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del thing.title  # type: ignore[misc]
    assert replace(thing, n=2) == ours("a", 2, ())
    with pytest.raises(ValueError, match="init=False"):
        replace(thing, seen=3)
    assert not hasattr(thing, "__dict__")


def test_mutable_records_change_and_are_not_hashable() -> None:
    ours, _ = _pair(slots=True)
    thing = ours("a")
    thing.n = 5
    assert thing == ours("a", 5)
    with pytest.raises(TypeError, match="unhashable"):
        hash(thing)
    with pytest.raises(AttributeError):
        thing.other = 1  # type: ignore[attr-defined]


@record
class _Plain:
    title: str
    n: int = 0


@record(slots=True)
class _Slotted:
    title: str
    n: int = 0


@record(frozen=True)
class _FrozenPlain:
    title: str
    n: int = 0


@record(frozen=True, slots=True)
class _Frozen:
    title: str
    n: int = 0


@pytest.mark.parametrize("kind", [_Plain, _Slotted, _FrozenPlain, _Frozen])
def test_records_copy_and_pickle(kind: type) -> None:
    thing = kind("a", 2)
    assert pickle.loads(pickle.dumps(thing)) == thing
    assert copy.copy(thing) == thing
    assert copy.deepcopy(thing) == thing


def test_a_class_without_a_docstring_is_described_by_its_fields() -> None:
    @record
    class Plain:
        a: int
        b: str = "x"

    @dataclass
    class Same:
        a: int
        b: str = "x"

    assert Plain.__doc__ == (Same.__doc__ or "").replace("Same", "Plain")


def test_post_init_kw_only_and_hand_written_methods() -> None:
    @record
    class Counted:
        n: int
        label: str = field(default="", kw_only=True)

        def __post_init__(self) -> None:
            self.n += 1

        def __repr__(self) -> str:
            return f"<{self.n}>"

    assert Counted(1, label="x").n == 2
    assert repr(Counted(1)) == "<2>"
    with pytest.raises(TypeError):
        Counted(1, "x")  # type: ignore[misc]


def test_a_field_without_default_after_one_with_is_refused_when_the_class_is_made() -> None:
    with pytest.raises(TypeError, match="non-default argument 'b'"):

        @record
        class Bad:
            a: int = 0
            b: int  # type: ignore[misc]


def test_pattern_matching_reads_the_fields() -> None:
    match _Frozen("a", 3):
        case _Frozen(title, n):
            assert (title, n) == ("a", 3)
        case _:
            pytest.fail("no match")


def test_fields_are_inherited_and_mutable_defaults_refused() -> None:
    @record(frozen=True, slots=True)
    class Base:
        a: int
        b: str = "x"

    @record(frozen=True, slots=True)
    class Derived(Base):
        c: tuple[int, ...] = ()

    thing = Derived(1, "y", (2,))
    assert [f.name for f in fields(Derived)] == ["a", "b", "c"]
    assert repr(thing) == "test_fields_are_inherited_and_mutable_defaults_refused.<locals>." \
        "Derived(a=1, b='y', c=(2,))"
    assert replace(thing, a=5) == Derived(5, "y", (2,)) and thing != Base(1, "y")
    assert isinstance(FrozenInstanceError(), AttributeError)
    with pytest.raises(ValueError, match="use default_factory"):

        @record
        class Shared:
            tags: list[str] = []  # noqa: RUF012 - the mistake refused

    with pytest.raises(ValueError, match="both default and default_factory"):
        field(default=1, default_factory=list)
    with pytest.raises(TypeError, match="record type or instance"):
        fields(object())


def test_making_records_imports_no_dataclasses() -> None:
    code = ("import sys, workbench.domain.models, workbench.config\n"
            "print([m for m in ('dataclasses', 'inspect') if m in sys.modules])")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr


def test_the_workbench_makes_records_not_dataclasses() -> None:
    """A dataclass compiles its methods when its module is imported, and `dataclasses`
    imports `inspect`: every command and the app's start would pay for both again."""
    package = Path(__file__).resolve().parents[2] / "workbench"
    found = [str(path.relative_to(package)) for path in package.rglob("*.py")
             if re.search(r"^\s*(@dataclass|import dataclasses|from dataclasses )",
                          path.read_text(encoding="utf-8"), re.MULTILINE)
             and path.name != "records.py"]  # fmt: skip
    assert found == []
