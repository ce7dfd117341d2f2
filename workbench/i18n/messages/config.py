"""Messages about the config file."""

MESSAGES: dict[str, tuple[str, str, str]] = {
    "config.error.read": (
        "Cannot read the config file {file}: {problem}",
        "無法讀取設定檔 {file}：{problem}",
        "无法读取配置文件 {file}：{problem}",
    ),
    "config.error.encoding": (
        "The config file {file} is not UTF-8 text; save it as UTF-8.",
        "設定檔 {file} 不是 UTF-8 文字，請以 UTF-8 儲存。",
        "配置文件 {file} 不是 UTF-8 文本，请以 UTF-8 保存。",
    ),
    "config.error.syntax": (
        "The config file {file} is not valid TOML: {problem}",
        "設定檔 {file} 不是有效的 TOML：{problem}",
        "配置文件 {file} 不是有效的 TOML：{problem}",
    ),
    "config.error.unknown": (
        "The config file {file} has an unknown setting “{name}”.",
        "設定檔 {file} 有不認識的設定「{name}」。",
        "配置文件 {file} 有不认识的设置“{name}”。",
    ),
    "config.error.lang": (
        "The config file {file} asks for the language “{value}”; use en, zh-Hant or zh-Hans.",
        "設定檔 {file} 指定的語言「{value}」不支援；請用 en、zh-Hant 或 zh-Hans。",
        "配置文件 {file} 指定的语言“{value}”不支持；请用 en、zh-Hant 或 zh-Hans。",
    ),
    "config.error.text": (
        "In the config file {file}, “{name}” must be text in quotes.",
        "設定檔 {file} 中的「{name}」必須是加引號的文字。",
        "配置文件 {file} 中的“{name}”必须是加引号的文本。",
    ),
    "config.error.int": (
        "In the config file {file}, “{name}” must be a whole number from {low} to {high}.",
        "設定檔 {file} 中的「{name}」必須是{low}到{high}之間的整數。",
        "配置文件 {file} 中的“{name}”必须是{low}到{high}之间的整数。",
    ),
    "config.error.date_list": (
        "In the config file {file}, “{name}” must be a list of dates like [\"2026-02-14\"].",
        "設定檔 {file} 中的「{name}」必須是日期清單，例如 [\"2026-02-14\"]。",
        "配置文件 {file} 中的“{name}”必须是日期列表，例如 [\"2026-02-14\"]。",
    ),
    "config.error.date": (
        "In the config file {file}, “{name}” has “{value}”, which is not a date (YYYY-MM-DD).",
        "設定檔 {file} 中的「{name}」有「{value}」，不是日期（YYYY-MM-DD）。",
        "配置文件 {file} 中的“{name}”有“{value}”，不是日期（YYYY-MM-DD）。",
    ),
    "config.error.table": (
        "In the config file {file}, [{name}] must be a table of settings.",
        "設定檔 {file} 中的 [{name}] 必須是設定表。",
        "配置文件 {file} 中的 [{name}] 必须是设置表。",
    ),
    "config.error.wrap": (
        "In the config file {file}: {problem}",
        "設定檔 {file}：{problem}",
        "配置文件 {file}：{problem}",
    ),
}
