"""`record`: a dataclass whose methods cost nothing until they are used.

Making a dataclass compiles its methods from source — `__init__`, `__repr__`, `__eq__`,
and for a frozen one `__setattr__`, `__delattr__` and `__hash__` — about a millisecond for
a frozen class on Python 3.11. The workbench has seventy-odd such classes; `workbench
list` made twenty-one of them and used a handful, and the twenty milliseconds this took
were a fifth of the whole command.

A record is the same dataclass (its fields come from `dataclasses`, so `fields`,
`replace`, `asdict` and pattern matching work on it unchanged) with these methods
supplied instead of compiled: `__init__` is compiled the first time the class is
instantiated, exactly as a dataclass's would be; equality, hashing, `repr` and the frozen
guards are shared functions that read the fields with one `attrgetter`.

Supported: `frozen`, `slots`, `field(default=…, default_factory=…, init=…, repr=…,
compare=…, kw_only=…)`, `__post_init__`; a `__repr__`, `__eq__` or `__hash__` written in
the class is kept. Not supported: `order`, `unsafe_hash`, `InitVar`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, field
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

__all__ = ["field", "record"]

T = TypeVar("T", bound=type)


class _Factory:
    """The default of a parameter whose field has a default factory (as in dataclasses)."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The fields' values as one tuple (attrgetter returns a bare value for one name)."""
    if not names:
        return lambda _: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return attrgetter(*names)


def _init_source(cls: type, frozen: bool) -> tuple[str, dict[str, Any]]:
    """The `__init__` a dataclass would have, as source, and the names it refers to."""
    names: dict[str, Any] = {"__FACTORY": _FACTORY, "__set": object.__setattr__}
    positional: list[str] = []
    keyword: list[str] = []
    body: list[str] = []

    def assign(name: str, value: str) -> None:
        line = f"__set(self, {name!r}, {value})" if frozen else f"self.{name} = {value}"
        body.append("    " + line)

    for f in dataclasses.fields(cls):
        if not f.init:
            if f.default_factory is not MISSING:
                names[f"__f_{f.name}"] = f.default_factory
                assign(f.name, f"__f_{f.name}()")
            elif f.default is not MISSING:
                names[f"__d_{f.name}"] = f.default
                assign(f.name, f"__d_{f.name}")
            continue
        into = keyword if f.kw_only else positional
        if f.default_factory is not MISSING:
            names[f"__f_{f.name}"] = f.default_factory
            into.append(f"{f.name}=__FACTORY")
            body.append(f"    if {f.name} is __FACTORY: {f.name} = __f_{f.name}()")
        elif f.default is not MISSING:
            names[f"__d_{f.name}"] = f.default
            into.append(f"{f.name}=__d_{f.name}")
        else:
            into.append(f.name)
        assign(f.name, f.name)
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__()")
    params = ["self", *positional, *(["*", *keyword] if keyword else [])]
    source = f"def __init__({', '.join(params)}):\n" + "\n".join(body or ["    pass"]) + "\n"
    return source, names


def _annotations(cls: type) -> dict[str, Any]:
    """The compiled `__init__`'s annotations, as a dataclass's has them (for help())."""
    found: dict[str, Any] = {f.name: f.type for f in dataclasses.fields(cls) if f.init}
    found["return"] = None
    return found


def _described(f: Field[Any]) -> str:
    """A parameter as a dataclass's generated docstring shows it."""
    kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", repr(f.type))
    if f.default is not MISSING:
        return f"{f.name}: {kind!r} = {f.default!r}"
    if f.default_factory is not MISSING:
        return f"{f.name}: {kind!r} = <factory>"
    return f"{f.name}: {kind!r}"


def _check_order(cls: type) -> None:
    """Refuse what the compiled `__init__` would refuse, when the class is made."""
    seen_default = False
    for f in dataclasses.fields(cls):
        if not f.init or f.kw_only:
            continue
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if seen_default and not has_default:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
        seen_default = seen_default or has_default


def _make(cls: type, frozen: bool, slots: bool) -> type:
    undocumented = not cls.__doc__
    if undocumented:
        # Else dataclasses writes one from the signature of object.__init__, which parses
        # its text with the tokenizer's patterns: 15 ms to compile them, once a process.
        cls.__doc__ = cls.__name__
    cls = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=slots)
    _check_order(cls)
    fields = dataclasses.fields(cls)
    if undocumented:
        cls.__doc__ = f"{cls.__name__}({', '.join(_described(f) for f in fields if f.init)})"
    compared = _getter(tuple(f.name for f in fields if f.compare))
    shown = tuple(f.name for f in fields if f.repr)
    field_names = frozenset(f.name for f in fields)
    owner = cls

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        # Two threads making the first instance at once both compile it: the same method.
        source, names = _init_source(owner, frozen)
        exec(source, names)  # as dataclasses does, once, on the first instance
        made = names["__init__"]
        made.__qualname__ = f"{owner.__qualname__}.__init__"
        made.__annotations__ = _annotations(owner)
        owner.__init__ = made  # type: ignore[misc]
        owner.__init__(self, *args, **kwargs)  # type: ignore[misc]

    def __repr__(self: Any) -> str:
        shown_values = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{type(self).__qualname__}({shown_values})"

    def __eq__(self: Any, other: object) -> bool:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    methods: dict[str, Any] = {"__init__": __init__, "__repr__": __repr__, "__eq__": __eq__}
    if frozen:

        def __setattr__(self: Any, name: str, value: Any) -> None:
            if type(self) is owner or name in field_names:
                raise FrozenInstanceError(f"cannot assign to field {name!r}")
            super(owner, self).__setattr__(name, value)

        def __delattr__(self: Any, name: str) -> None:
            if type(self) is owner or name in field_names:
                raise FrozenInstanceError(f"cannot delete field {name!r}")
            super(owner, self).__delattr__(name)

        def __hash__(self: Any) -> int:
            return hash(compared(self))

        def __getstate__(self: Any) -> list[Any]:
            return [getattr(self, f.name) for f in dataclasses.fields(self)]

        def __setstate__(self: Any, state: list[Any]) -> None:
            for f, value in zip(dataclasses.fields(self), state, strict=True):
                object.__setattr__(self, f.name, value)

        methods.update(__setattr__=__setattr__, __delattr__=__delattr__, __hash__=__hash__)
        if slots:
            methods.update(__getstate__=__getstate__, __setstate__=__setstate__)
    else:
        methods["__hash__"] = None  # mutable and compared by value: unhashable, as a dataclass
    for name, method in methods.items():
        if cls.__dict__.get(name) is not None:
            continue  # written by hand in the class: kept, as a dataclass keeps it
        if method is not None:
            method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)
    return cls


@overload
def record(cls: T, /) -> T: ...


@overload
def record(*, frozen: bool = False, slots: bool = False) -> Callable[[T], T]: ...


@dataclass_transform(field_specifiers=(field, Field))
def record(cls: T | None = None, /, *, frozen: bool = False,
           slots: bool = False) -> T | Callable[[T], T]:  # fmt: skip
    """`@record`, `@record(frozen=True, slots=True)`: as `@dataclass` with the same
    arguments."""

    def wrap(cls: T) -> T:
        return _make(cls, frozen, slots)  # type: ignore[return-value]

    return wrap if cls is None else wrap(cls)
