"""Click's own words — usage lines, help headings, and the errors it raises for what was typed
wrong — in each language (see `workbench.cli.usage_words`). The English is click's own."""

MESSAGES: dict[str, tuple[str, str, str]] = {
    "usage.usage": ("Usage:", "用法：", "用法："),
    "usage.options": ("Options", "選項", "选项"),
    "usage.arguments": ("Positional arguments", "位置參數", "位置参数"),
    "usage.commands": ("Commands", "指令", "命令"),
    "usage.help": ("Show this message and exit.", "顯示這份說明後結束。", "显示这份说明后退出。"),
    "usage.version": ("Show the version and exit.", "顯示版本後結束。", "显示版本后退出。"),
    "usage.default": ("default: {default}", "預設：{default}", "默认：{default}"),
    "usage.env": ("env var: {var}", "環境變數：{var}", "环境变量：{var}"),
    "usage.dynamic": ("(dynamic)", "（動態）", "（动态）"),
    "usage.continue": ("Do you want to continue?", "要繼續嗎？", "要继续吗？"),
    "usage.yes": (
        "Confirm the action without prompting.",
        "不經詢問直接確認。",
        "不经询问直接确认。",
    ),
    "usage.try": (
        "Try '{command} {option}' for help.",
        "用「{command} {option}」查看說明。",
        "用“{command} {option}”查看说明。",
    ),
    "usage.error": ("Error: {message}", "錯誤：{message}", "错误：{message}"),
    "usage.aborted": ("Aborted!", "已中止。", "已中止。"),
    "usage.unknown_error": ("unknown error", "不明錯誤", "未知错误"),
    "usage.missing_command": ("Missing command.", "缺少指令。", "缺少命令。"),
    "usage.no_such_command": (
        "No such command {name!r}.",
        "沒有 {name!r} 這個指令。",
        "没有 {name!r} 这个命令。",
    ),
    "usage.no_such_option": (
        "No such option {name!r}.",
        "沒有 {name!r} 這個選項。",
        "没有 {name!r} 这个选项。",
    ),
    "usage.did_you_mean": (
        "Did you mean {possibility}?",
        "是要用 {possibility} 嗎？",
        "是要用 {possibility} 吗？",
    ),
    "usage.did_you_mean_one_of": (
        "(Did you mean one of: {possibilities}?)",
        "（是要用其中一個嗎：{possibilities}？）",
        "（是要用其中一个吗：{possibilities}？）",
    ),
    "usage.extra_argument": (
        "Got unexpected extra argument ({args})",
        "多了一個用不上的參數（{args}）",
        "多了一个用不上的参数（{args}）",
    ),
    "usage.extra_arguments": (
        "Got unexpected extra arguments ({args})",
        "多了幾個用不上的參數（{args}）",
        "多了几个用不上的参数（{args}）",
    ),
    "usage.missing_argument": ("Missing argument", "缺少參數", "缺少参数"),
    "usage.missing_option": ("Missing option", "缺少選項", "缺少选项"),
    "usage.missing_parameter": ("Missing parameter", "缺少參數", "缺少参数"),
    "usage.missing_parameter_named": (
        "Missing parameter: {param_name}",
        "缺少參數：{param_name}",
        "缺少参数：{param_name}",
    ),
    "usage.missing_kind": ("Missing {param_type}", "缺少{param_type}", "缺少{param_type}"),
    "usage.invalid_value_for": (
        "Invalid value for {param_hint}: {message}",
        "{param_hint} 的值不對：{message}",
        "{param_hint} 的值不对：{message}",
    ),
    "usage.invalid_value": ("Invalid value: {message}", "值不對：{message}", "值不对：{message}"),
    "usage.takes_one_given": (
        "Takes {nargs} values but 1 was given.",
        "要 {nargs} 個值，只給了 1 個。",
        "要 {nargs} 个值，只给了 1 个。",
    ),
    "usage.takes_more_given": (
        "Takes {nargs} values but {len} were given.",
        "要 {nargs} 個值，給了 {len} 個。",
        "要 {nargs} 个值，给了 {len} 个。",
    ),
    "usage.option_takes_no_value": (
        "Option {name!r} does not take a value.",
        "選項 {name!r} 後面不用加值。",
        "选项 {name!r} 后面不用加值。",
    ),
    "usage.option_needs_a_value": (
        "Option {name!r} requires an argument.",
        "選項 {name!r} 後面要加一個值。",
        "选项 {name!r} 后面要加一个值。",
    ),
    "usage.option_needs_values": (
        "Option {name!r} requires {nargs} arguments.",
        "選項 {name!r} 後面要加 {nargs} 個值。",
        "选项 {name!r} 后面要加 {nargs} 个值。",
    ),
    "usage.argument_takes": (
        "Argument {name!r} takes {nargs} values.",
        "參數 {name!r} 要 {nargs} 個值。",
        "参数 {name!r} 要 {nargs} 个值。",
    ),
    "usage.choose_from": (
        "Choose from:\n\t{choices}",
        "可選：\n\t{choices}",
        "可选：\n\t{choices}",
    ),
    "usage.not_the_choice": (
        "{value!r} is not {choice}.",
        "{value!r} 不是 {choice}。",
        "{value!r} 不是 {choice}。",
    ),
    "usage.not_a_choice": (
        "{value!r} is not one of {choices}.",
        "{value!r} 不是 {choices} 之一。",
        "{value!r} 不是 {choices} 之一。",
    ),
    "usage.not_the_format": (
        "{value!r} does not match the format {format}.",
        "{value!r} 不合格式 {format}。",
        "{value!r} 不合格式 {format}。",
    ),
    "usage.not_a_format": (
        "{value!r} does not match the formats {formats}.",
        "{value!r} 不合 {formats} 任何一種格式。",
        "{value!r} 不合 {formats} 任何一种格式。",
    ),
    "usage.out_of_range": (
        "{value} is not in the range {range}.",
        "{value} 不在 {range} 的範圍內。",
        "{value} 不在 {range} 的范围内。",
    ),
    "usage.not_a_boolean": (
        "{value!r} is not a valid boolean. Recognized values: {states}",
        "{value!r} 不是是或否。可用的值：{states}",
        "{value!r} 不是是或否。可用的值：{states}",
    ),
    # Click names the kind of number ("integer range") in English after translating the
    # sentence, so every language says "a number" instead.
    "usage.not_a_number": (
        "{value!r} is not a valid number.",
        "{value!r} 不是有效的數字。",
        "{value!r} 不是有效的数字。",
    ),
    "usage.not_a_uuid": (
        "{value!r} is not a valid UUID.",
        "{value!r} 不是有效的 UUID。",
        "{value!r} 不是有效的 UUID。",
    ),
    "usage.values_required_one": (
        "{len_type} values are required, but {len_value} was given.",
        "要 {len_type} 個值，只給了 {len_value} 個。",
        "要 {len_type} 个值，只给了 {len_value} 个。",
    ),
    "usage.values_required_more": (
        "{len_type} values are required, but {len_value} were given.",
        "要 {len_type} 個值，給了 {len_value} 個。",
        "要 {len_type} 个值，给了 {len_value} 个。",
    ),
    "usage.file": ("file", "檔案", "文件"),
    "usage.directory": ("directory", "資料夾", "文件夹"),
    "usage.path": ("path", "路徑", "路径"),
    "usage.is_a_file": (
        "{name} {filename!r} is a file.",
        "{name} {filename!r} 是檔案。",
        "{name} {filename!r} 是文件。",
    ),
    "usage.is_a_directory": (
        "{name} {filename!r} is a directory.",
        "{name} {filename!r} 是資料夾。",
        "{name} {filename!r} 是文件夹。",
    ),
    "usage.not_readable": (
        "{name} {filename!r} is not readable.",
        "{name} {filename!r} 無法讀取。",
        "{name} {filename!r} 无法读取。",
    ),
    "usage.not_writable": (
        "{name} {filename!r} is not writable.",
        "{name} {filename!r} 無法寫入。",
        "{name} {filename!r} 无法写入。",
    ),
    "usage.not_executable": (
        "{name} {filename!r} is not executable.",
        "{name} {filename!r} 無法執行。",
        "{name} {filename!r} 无法执行。",
    ),
    "usage.does_not_exist": (
        "{name} {filename!r} does not exist.",
        "{name} {filename!r} 不存在。",
        "{name} {filename!r} 不存在。",
    ),
    "usage.cannot_open": (
        "Could not open file {filename!r}: {message}",
        "無法開啟檔案 {filename!r}：{message}",
        "无法打开文件 {filename!r}：{message}",
    ),
    "usage.repeat": ("Repeat for confirmation", "再輸入一次以確認", "再输入一次以确认"),
    "usage.mismatch": (
        "Error: The two entered values do not match.",
        "錯誤：兩次輸入的不一樣。",
        "错误：两次输入的不一样。",
    ),
    "usage.invalid_input": ("Error: invalid input", "錯誤：輸入不對", "错误：输入不对"),
    "usage.any_key": ("Press any key to continue...", "按任意鍵繼續…", "按任意键继续…"),
}
