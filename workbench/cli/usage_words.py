"""Click's own words in the interface's language.

Click writes its usage lines, help headings and the errors for what was typed wrong
(`缺少選項 '--leader'`, `沒有 '--limt' 這個選項。`) through gettext, which reads compiled
catalogues from the system's locale folders and the process's locale, while the workbench
speaks the language chosen by `--lang`, the settings or the locale, from its own catalogue.
So click's lookups are pointed at that catalogue: each of click's modules looks its texts
up through the `_` and `ngettext` it imported from gettext, and `install` gives them ours.
A text click has that is not listed here (a developer's error, or one added by a newer
click) stays in click's English; a test lists click's texts and fails on one neither
translated nor set aside, and on a listed one click no longer has.
"""

from __future__ import annotations

import sys

from workbench.i18n import t

KEYS: dict[str, str] = {
    "Usage:": "usage.usage",
    "Options": "usage.options",
    "Positional arguments": "usage.arguments",
    "Commands": "usage.commands",
    "Show this message and exit.": "usage.help",
    "Show the version and exit.": "usage.version",
    "default: {default}": "usage.default",
    "env var: {var}": "usage.env",
    "(dynamic)": "usage.dynamic",
    "Do you want to continue?": "usage.continue",
    "Confirm the action without prompting.": "usage.yes",
    "Try '{command} {option}' for help.": "usage.try",
    "Error: {message}": "usage.error",
    "Aborted!": "usage.aborted",
    "unknown error": "usage.unknown_error",
    "Missing command.": "usage.missing_command",
    "No such command {name!r}.": "usage.no_such_command",
    "No such option {name!r}.": "usage.no_such_option",
    "Did you mean {possibility}?": "usage.did_you_mean",
    "(Did you mean one of: {possibilities}?)": "usage.did_you_mean_one_of",
    "Got unexpected extra argument ({args})": "usage.extra_argument",
    "Got unexpected extra arguments ({args})": "usage.extra_arguments",
    "Missing argument": "usage.missing_argument",
    "Missing option": "usage.missing_option",
    "Missing parameter": "usage.missing_parameter",
    "Missing parameter: {param_name}": "usage.missing_parameter_named",
    "Missing {param_type}": "usage.missing_kind",
    "Invalid value for {param_hint}: {message}": "usage.invalid_value_for",
    "Invalid value: {message}": "usage.invalid_value",
    "Takes {nargs} values but 1 was given.": "usage.takes_one_given",
    "Takes {nargs} values but {len} were given.": "usage.takes_more_given",
    "Option {name!r} does not take a value.": "usage.option_takes_no_value",
    "Option {name!r} requires an argument.": "usage.option_needs_a_value",
    "Option {name!r} requires {nargs} arguments.": "usage.option_needs_values",
    "Argument {name!r} takes {nargs} values.": "usage.argument_takes",
    "Choose from:\n\t{choices}": "usage.choose_from",
    "{value!r} is not {choice}.": "usage.not_the_choice",
    "{value!r} is not one of {choices}.": "usage.not_a_choice",
    "{value!r} does not match the format {format}.": "usage.not_the_format",
    "{value!r} does not match the formats {formats}.": "usage.not_a_format",
    "{value} is not in the range {range}.": "usage.out_of_range",
    "{value!r} is not a valid boolean. Recognized values: {states}": "usage.not_a_boolean",
    "{value!r} is not a valid {number_type}.": "usage.not_a_number",
    "{value!r} is not a valid UUID.": "usage.not_a_uuid",
    "{len_type} values are required, but {len_value} was given.": "usage.values_required_one",
    "{len_type} values are required, but {len_value} were given.": "usage.values_required_more",
    "file": "usage.file",
    "directory": "usage.directory",
    "path": "usage.path",
    "{name} {filename!r} is a file.": "usage.is_a_file",
    "{name} {filename!r} is a directory.": "usage.is_a_directory",
    "{name} {filename!r} is not readable.": "usage.not_readable",
    "{name} {filename!r} is not writable.": "usage.not_writable",
    "{name} {filename!r} is not executable.": "usage.not_executable",
    "{name} {filename!r} does not exist.": "usage.does_not_exist",
    "Could not open file {filename!r}: {message}": "usage.cannot_open",
    "Repeat for confirmation": "usage.repeat",
    "Error: The two entered values do not match.": "usage.mismatch",
    "Error: invalid input": "usage.invalid_input",
    "Press any key to continue...": "usage.any_key",
}
"""Click's text → its key in the catalogue (`workbench/i18n/messages/usage.py`)."""

UNTRANSLATED: frozenset[str] = frozenset(
    {
        # Mistakes in a program's own command definitions, not in what a user typed.
        "Value must be an iterable.",
        "Could not determine name for option with declarations {decls!r}",
        "No options defined but a name was passed ({name}). Did you mean to declare an argument"
        " instead? Did you mean to pass '--{name}'?",
        "Arguments take exactly one parameter declaration, got {length}: {decls}.",
        "Name '{name}' defined twice",
        "Boolean option {decl!r} cannot use the same flag for true/false.",
        "Invalid start character for option ({option})",
        "Unknown color {colour!r}",
        "Unknown standard stream '{name}'",
        "Choice({choices})",
        # What the workbench never asks click for: deprecated commands, its own version
        # line, an editor, Windows' console, shell completion.
        "deprecated",
        "DeprecationWarning: The command {name!r} is deprecated.{extra_message}",
        "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}",
        "%(prog)s, version %(version)s",
        "d",
        "{editor}: Editing failed",
        "{editor}: Editing failed: {e}",
        "Windows error: {error}",
        "Couldn't detect Bash version, shell completion is not supported.",
        "Shell completion is not supported for Bash versions older than 4.4.",
    }
)
"""Click's texts left in its English, and why."""

MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils")
"""Click's modules that look texts up and that a command can reach."""


def gettext(message: str) -> str:
    key = KEYS.get(message)
    return t(key) if key is not None else message


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


def install() -> None:
    """Point click's lookups at the catalogue (click is imported by then)."""
    for name in MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
