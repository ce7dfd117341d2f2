"""`record`: the workbench's dataclass, made without the `dataclasses` module.

Every command builds records, and `dataclasses` costs every command twice: importing it
imports `inspect` (and with it `ast`, `dis`, `tokenize`), and making a class with it
compiles the class's methods from source — `__init__`, `__repr__`, `__eq__`, and for a
frozen one `__setattr__`, `__delattr__` and `__hash__`, about a millisecond a class on
Python 3.11. The workbench has seventy-odd records; `workbench list` makes twenty-one and
uses a handful, and the two costs together were a fifth of the command.

A record is declared as a dataclass is (`@record(frozen=True, slots=True)`, fields with
`field(...)`) and behaves as one: the same `__init__` signature and errors, `repr`,
equality, hashing, frozen guards, `__match_args__` for pattern matching, copying and
pickling. `__init__` is compiled the first time the class is instantiated, exactly as a
dataclass's would be; the other methods are shared functions that read the fields with one
`attrgetter`. This module's `fields` and `replace` stand for those of `dataclasses`.

Supported: `frozen`, `slots`, `field(default=…, default_factory=…, init=…, repr=…,
compare=…, kw_only=…)`, `__post_init__`, fields inherited from a base record; a
`__repr__`, `__eq__` or `__hash__` written in the class is kept. Not supported: `order`,
`unsafe_hash`, `InitVar`, `KW_ONLY`.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter

__all__ = ["Field", "FrozenInstanceError", "field", "fields", "record", "replace"]

TYPE_CHECKING = False
"""`typing.TYPE_CHECKING`, without importing `typing`: about 4 ms of every command's
start, for names only type checkers read. Type checkers know the idiom; the modules a
command loads use it too, and a test keeps `workbench list` free of `typing`."""
if TYPE_CHECKING:
    from typing import Any, TypeVar, dataclass_transform, overload

    T = TypeVar("T", bound=type)
    R = TypeVar("R")
else:

    def dataclass_transform(**_):  # read by type checkers only
        return lambda function: function


_FIELDS = "__record_fields__"
"""The class attribute holding a record's fields, in order."""


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
"""No default given (a field's `default` or `default_factory`)."""


class _Factory:
    """The default of a parameter whose field has a default factory (as in dataclasses)."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


class FrozenInstanceError(AttributeError):
    """A field of a frozen record was assigned or deleted."""


class Field:
    """One field of a record: its name and type (set when the class is made) and how it
    takes part in `__init__`, `repr` and comparison."""

    __slots__ = (
        "compare",
        "default",
        "default_factory",
        "init",
        "kw_only",
        "name",
        "repr",
        "type",
    )  # fmt: skip

    def __init__(self, default: Any = MISSING, default_factory: Any = MISSING,
                 init: bool = True, repr: bool = True, compare: bool = True,
                 kw_only: bool = False) -> None:  # fmt: skip
        self.name = ""
        self.type: Any = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare
        self.kw_only = kw_only

    def __repr__(self) -> str:
        return (f"Field(name={self.name!r}, type={self.type!r}, default={self.default!r}, "
                f"default_factory={self.default_factory!r}, init={self.init}, "
                f"repr={self.repr}, compare={self.compare}, kw_only={self.kw_only})")  # fmt: skip


def field(*, default: Any = MISSING, default_factory: Callable[[], Any] | Any = MISSING,
          init: bool = True, repr: bool = True, compare: bool = True,
          kw_only: bool = False) -> Any:  # fmt: skip
    """A field with options, as `dataclasses.field`."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, compare, kw_only)


def fields(record_or_class: Any) -> tuple[Field, ...]:
    """The fields of a record or record class, in order (as `dataclasses.fields`)."""
    try:
        found: tuple[Field, ...] = getattr(record_or_class, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a record type or instance") from None
    return found


def replace(obj: R, /, **changes: Any) -> R:
    """A copy of `obj` with some fields changed, made by its `__init__` (as
    `dataclasses.replace`: `__post_init__` runs again, `init=False` fields cannot be
    given)."""
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError(f"field {f.name} is declared with init=False, it cannot "
                                 "be specified with replace()")  # fmt: skip
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The fields' values as one tuple (attrgetter returns a bare value for one name)."""
    if not names:
        return lambda _: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return attrgetter(*names)


def _collect(cls: type) -> tuple[Field, ...]:
    """The fields of `cls`: its bases' first, then its own annotations in order. A class
    attribute holding a `field(...)` is replaced by the field's default, or removed."""
    found: dict[str, Field] = {}
    for base in reversed(cls.__mro__[1:]):
        for f in base.__dict__.get(_FIELDS, ()):
            found[f.name] = f
    own = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 - importing inspect is what a record avoids
    for name, kind in own.items():
        if isinstance(kind, str) and kind.startswith(("ClassVar", "typing.ClassVar")):
            continue
        value = cls.__dict__.get(name, MISSING)
        f = value if isinstance(value, Field) else Field(default=value)
        f.name, f.type = name, kind
        if f.default is not MISSING and type(f.default).__hash__ is None:
            raise ValueError(f"mutable default {type(f.default)} for field {name} is not "
                             "allowed: use default_factory")  # fmt: skip
        if isinstance(value, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        found[name] = f
    return tuple(found.values())


def _check_order(found: tuple[Field, ...]) -> None:
    """Refuse what the compiled `__init__` would refuse, when the class is made."""
    seen_default = False
    for f in found:
        if not f.init or f.kw_only:
            continue
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if seen_default and not has_default:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
        seen_default = seen_default or has_default


def _init_source(found: tuple[Field, ...], frozen: bool,
                 post_init: bool) -> tuple[str, dict[str, Any]]:  # fmt: skip
    """The `__init__` a dataclass would have, as source, and the names it refers to."""
    names: dict[str, Any] = {"__FACTORY": _FACTORY, "__set": object.__setattr__}
    positional: list[str] = []
    keyword: list[str] = []
    body: list[str] = []

    def assign(name: str, value: str) -> None:
        line = f"__set(self, {name!r}, {value})" if frozen else f"self.{name} = {value}"
        body.append("    " + line)

    for f in found:
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
    if post_init:
        body.append("    self.__post_init__()")
    params = ["self", *positional, *(["*", *keyword] if keyword else [])]
    source = f"def __init__({', '.join(params)}):\n" + "\n".join(body or ["    pass"]) + "\n"
    return source, names


def _described(f: Field) -> str:
    """A parameter as a dataclass's generated docstring shows it."""
    kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", repr(f.type))
    if f.default is not MISSING:
        return f"{f.name}: {kind!r} = {f.default!r}"
    if f.default_factory is not MISSING:
        return f"{f.name}: {kind!r} = <factory>"
    return f"{f.name}: {kind!r}"


def _with_slots(cls: type, found: tuple[Field, ...]) -> type:
    """The class made again with `__slots__` for its fields (a class's slots are fixed
    when it is made), as dataclasses does."""
    names = tuple(f.name for f in found)
    inherited = {name for base in cls.__mro__[1:-1] for name in base.__dict__.get("__slots__", ())}
    body = {k: v for k, v in cls.__dict__.items()
            if k not in names and k not in ("__dict__", "__weakref__")}  # fmt: skip
    body["__slots__"] = tuple(name for name in names if name not in inherited)
    made = type(cls)(cls.__name__, cls.__bases__, body)
    made.__qualname__ = cls.__qualname__
    return made


def _make(cls: type, frozen: bool, slots: bool) -> type:
    found = _collect(cls)
    _check_order(found)
    if slots:
        cls = _with_slots(cls, found)
    setattr(cls, _FIELDS, found)
    cls.__match_args__ = tuple(f.name for f in found if f.init and not f.kw_only)  # type: ignore[attr-defined]
    if not cls.__doc__:
        cls.__doc__ = f"{cls.__name__}({', '.join(_described(f) for f in found if f.init)})"
    compared = _getter(tuple(f.name for f in found if f.compare))
    shown = tuple(f.name for f in found if f.repr)
    field_names = frozenset(f.name for f in found)
    owner = cls

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        # Two threads making the first instance at once both compile it: the same method.
        source, names = _init_source(found, frozen, hasattr(owner, "__post_init__"))
        exec(source, names)  # as dataclasses does, once, on the first instance
        made = names["__init__"]
        made.__qualname__ = f"{owner.__qualname__}.__init__"
        made.__annotations__ = {f.name: f.type for f in found if f.init} | {"return": None}
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
            return [getattr(self, f.name) for f in found]

        def __setstate__(self: Any, state: list[Any]) -> None:
            for f, value in zip(found, state, strict=True):
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


if TYPE_CHECKING:

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
