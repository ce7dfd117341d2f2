"""Import and export: what went in or out, and where a refused file is wrong."""

MESSAGES: dict[str, tuple[str, str, str]] = {
    "interchange.error.nesting": (
        "{where}: the JSON is nested too deeply to be an export. Nothing was imported.",
        "{where}：JSON 巢狀層數過多，不是匯出檔。沒有匯入任何內容。",
        "{where}：JSON 嵌套层数过多，不是导出文件。没有导入任何内容。",
    ),
    # Kinds of value a field should have
    "interchange.type.text": ("text", "文字", "文字"),
    "interchange.type.int": ("a whole number", "整數", "整数"),
    "interchange.type.bool": ("true or false", "true 或 false", "true 或 false"),
    "interchange.type.list": ("a list", "清單（陣列）", "列表（数组）"),
    # What is wrong with one field
    "interchange.problem.missing": ("it is missing", "缺少此欄位", "缺少此字段"),
    "interchange.problem.empty": ("it is empty", "內容是空的", "内容是空的"),
    "interchange.problem.type": (
        "it should be {expected}, not {got}",
        "應為{expected}，而不是 {got}",
        "应为{expected}，而不是 {got}",
    ),
    "interchange.problem.too_long": (
        "it is longer than {limit} characters",
        "超過 {limit} 個字元",
        "超过 {limit} 个字符",
    ),
    "interchange.problem.date": (
        "“{value}” is not a valid date or time",
        "「{value}」不是有效的日期或時間",
        "“{value}”不是有效的日期或时间",
    ),
    "interchange.problem.zone": (
        "“{value}” should be a local time without a time zone",
        "「{value}」應為不帶時區的本地時間",
        "“{value}”应为不带时区的本地时间",
    ),
    "interchange.problem.uuid": (
        "“{value}” is not a UUID",
        "「{value}」不是 UUID",
        "“{value}”不是 UUID",
    ),
    "interchange.problem.positive": (
        "it should be a number of 1 or more",
        "應為 1 或以上的數字",
        "应为 1 或以上的数字",
    ),
    "interchange.problem.range": (
        "it should be between {low} and {high}",
        "應在 {low} 到 {high} 之間",
        "应在 {low} 到 {high} 之间",
    ),
    "interchange.problem.rrule": (
        "“{value}” is not a repetition rule (RRULE)",
        "「{value}」不是重複規則（RRULE）",
        "“{value}”不是重复规则（RRULE）",
    ),
    "interchange.problem.value": (
        "unknown value “{value}” (allowed: {allowed})",
        "未知的值「{value}」（可用：{allowed}）",
        "未知的值“{value}”（可用：{allowed}）",
    ),
    "interchange.problem.not_object": (
        "it should be a JSON object, not {got}",
        "應為 JSON 物件，而不是 {got}",
        "应为 JSON 对象，而不是 {got}",
    ),
    "interchange.problem.format": (
        "this is not a workbench export (format should be “{expected}”)",
        "這不是工作台匯出的檔案（format 應為「{expected}」）",
        "这不是工作台导出的文件（format 应为“{expected}”）",
    ),
    "interchange.problem.version": (
        "it is version {version}; this workbench reads up to version {ours} — update it first",
        "檔案為第 {version} 版，本工作台只能讀到第 {ours} 版，請先更新工作台",
        "文件为第 {version} 版，本工作台只能读到第 {ours} 版，请先更新工作台",
    ),
    "interchange.problem.duplicate": (
        "uuid {uuid} was already used by record {first}",
        "uuid {uuid} 已由第 {first} 筆使用",
        "uuid {uuid} 已由第 {first} 条使用",
    ),
    "interchange.problem.duplicate_id": (
        "id {id} appears twice",
        "id {id} 重複出現",
        "id {id} 重复出现",
    ),
    # Where in the file
    "interchange.section.instructions": ("instructions", "批示", "批示"),
    "interchange.section.feedback": ("feedback", "反饋", "反馈"),
    "interchange.section.tasks": ("tasks", "待辦", "待办"),
    "interchange.section.events": ("history", "歷史記錄", "历史记录"),
    "interchange.where.record": (
        "{section}, record {number}",
        "{section}第 {number} 筆",
        "{section}第 {number} 条",
    ),
    "interchange.where.uuid": (" (uuid {uuid})", "（uuid {uuid}）", "（uuid {uuid}）"),
    "interchange.where.header": ("the file's header", "檔案開頭", "文件开头"),
    "interchange.where.section": (
        "the start of {section}",
        "{section}的開頭",
        "{section}的开头",
    ),
    "interchange.where.end": ("the end of the file", "檔案結尾", "文件结尾"),
    # Refusals (nothing was imported)
    "interchange.error.file": (
        "{file}: {problem} Nothing was imported.",
        "{file}：{problem}未匯入任何資料。",
        "{file}：{problem}未导入任何数据。",
    ),
    "interchange.error.record": (
        "{where}, field “{field}”: {problem}.",
        "{where}，欄位「{field}」：{problem}。",
        "{where}，字段“{field}”：{problem}。",
    ),
    "interchange.error.header": (
        "the header, field “{field}”: {problem}.",
        "檔案開頭，欄位「{field}」：{problem}。",
        "文件开头，字段“{field}”：{problem}。",
    ),
    "interchange.error.syntax": (
        "not valid JSON at line {line}, column {column} ({where}).",
        "第 {line} 行第 {column} 列不是有效的 JSON（{where}）。",
        "第 {line} 行第 {column} 列不是有效的 JSON（{where}）。",
    ),
    "interchange.error.encoding": (
        "not UTF-8 text (at byte {offset}).",
        "不是 UTF-8 文字（第 {offset} 位元組）。",
        "不是 UTF-8 文本（第 {offset} 字节）。",
    ),
    "interchange.error.order": (
        "the section “{section}” is out of order (they must come as {order}).",
        "「{section}」部分的次序不對（應依次為 {order}）。",
        "“{section}”部分的次序不对（应依次为 {order}）。",
    ),
    "interchange.error.unknown_format": (
        "neither a workbench export nor Taskwarrior JSON; say which with --from.",
        "既不是工作台匯出檔，也不是 Taskwarrior 的 JSON；請用 --from 指明格式。",
        "既不是工作台导出文件，也不是 Taskwarrior 的 JSON；请用 --from 指明格式。",
    ),
    "interchange.error.unknown_format.screen": (
        "neither a workbench export nor Taskwarrior JSON.",
        "既不是工作台匯出檔，也不是 Taskwarrior 的 JSON。",
        "既不是工作台导出文件，也不是 Taskwarrior 的 JSON。",
    ),
    "interchange.error.open": (
        "cannot read {file}: {problem}.",
        "無法讀取 {file}：{problem}。",
        "无法读取 {file}：{problem}。",
    ),
    "interchange.error.unknown_export": (
        "Unknown export format “{fmt}” (one of {formats}).",
        "未知的匯出格式「{fmt}」（可用：{formats}）。",
        "未知的导出格式“{fmt}”（可用：{formats}）。",
    ),
    # What an import did
    "interchange.fmt.json": ("workbench JSON", "工作台 JSON", "工作台 JSON"),
    "interchange.fmt.taskwarrior": ("Taskwarrior", "Taskwarrior", "Taskwarrior"),
    "interchange.fmt.ics": ("iCalendar", "iCalendar 行事曆", "iCalendar 日历"),
    "interchange.done.import": (
        "Imported {source} ({fmt}):",
        "已匯入 {source}（{fmt}）：",
        "已导入 {source}（{fmt}）：",
    ),
    "interchange.count.instruction": (
        "  instructions: {created} added, {updated} updated, {unchanged} unchanged",
        "  批示：新增 {created}，更新 {updated}，不變 {unchanged}",
        "  批示：新增 {created}，更新 {updated}，不变 {unchanged}",
    ),
    "interchange.count.feedback": (
        "  feedback: {created} added, {updated} updated, {unchanged} unchanged",
        "  反饋：新增 {created}，更新 {updated}，不變 {unchanged}",
        "  反馈：新增 {created}，更新 {updated}，不变 {unchanged}",
    ),
    "interchange.count.task": (
        "  tasks: {created} added, {updated} updated, {unchanged} unchanged",
        "  待辦：新增 {created}，更新 {updated}，不變 {unchanged}",
        "  待办：新增 {created}，更新 {updated}，不变 {unchanged}",
    ),
    "interchange.count.history": (
        "  history: {n} events",
        "  歷史記錄：{n} 條",
        "  历史记录：{n} 条",
    ),
    "interchange.not_undoable": (
        "This import cannot be undone (too large, or it brought history); keep a backup.",
        "此次匯入無法復原（資料量大或帶有歷史記錄）；請保留備份。",
        "此次导入无法撤销（数据量大或带有历史记录）；请保留备份。",
    ),
    "interchange.warn.dangling": (
        "{n} links pointed at records not in the file or the database; they were dropped.",
        "有 {n} 個關聯指向檔案和資料庫中都沒有的記錄，已略去。",
        "有 {n} 个关联指向文件和数据库中都没有的记录，已略去。",
    ),
    "interchange.warn.history": (
        "{n} history events were about records already here; the local history was kept.",
        "有 {n} 條歷史記錄涉及本地已有的記錄，保留本地歷史。",
        "有 {n} 条历史记录涉及本地已有的记录，保留本地历史。",
    ),
    "interchange.warn.truncated": (
        "{n} descriptions were longer than {limit} characters: the title was shortened and "
        "the whole text kept in the notes.",
        "有 {n} 個描述超過 {limit} 個字元：標題已縮短，全文保留在備註中。",
        "有 {n} 个描述超过 {limit} 个字符：标题已缩短，全文保留在备注中。",
    ),
    "interchange.warn.instances": (
        "{n} further pending occurrences of recurring tasks became one-off tasks.",
        "另有 {n} 個重複待辦的未完成實例，已作為一次性待辦匯入。",
        "另有 {n} 个重复待办的未完成实例，已作为一次性待办导入。",
    ),
    "interchange.warn.unmapped": (
        "Not imported (no such field here), with the number of tasks: {fields}.",
        "以下欄位無對應而未匯入（括號內為待辦數）：{fields}。",
        "以下字段无对应而未导入（括号内为待办数）：{fields}。",
    ),
    # What an export did
    "interchange.exported.instruction": ("{n} instructions", "{n} 項批示", "{n} 项批示"),
    "interchange.exported.feedback": ("{n} feedback entries", "{n} 條反饋", "{n} 条反馈"),
    "interchange.exported.task": ("{n} tasks", "{n} 項待辦", "{n} 项待办"),
    "interchange.exported.event": ("{n} history events", "{n} 條歷史記錄", "{n} 条历史记录"),
    "interchange.exported.nothing": ("nothing", "沒有資料", "没有数据"),
    "interchange.done.export": (
        "Exported {what} to {path}.",
        "已匯出 {what} 到 {path}。",
        "已导出 {what} 到 {path}。",
    ),
    "interchange.left_out": (
        "{n} confidential records were left out (--include-confidential to export them).",
        "有 {n} 筆機密記錄未匯出（要匯出請加 --include-confidential）。",
        "有 {n} 条机密记录未导出（要导出请加 --include-confidential）。",
    ),
    "interchange.warn.tw_lost": (
        "Taskwarrior has no place for these, with the number of tasks: {fields}.",
        "Taskwarrior 無法表示以下內容（括號內為待辦數）：{fields}。",
        "Taskwarrior 无法表示以下内容（括号内为待办数）：{fields}。",
    ),
    "interchange.warn.tasks_only": (
        "Taskwarrior holds tasks only: {n} instructions and feedback entries were not "
        "exported (use --format json for everything).",
        "Taskwarrior 只能存放待辦：{n} 項批示與反饋未匯出（全部匯出請用 --format json）。",
        "Taskwarrior 只能存放待办：{n} 项批示和反馈未导出（全部导出请用 --format json）。",
    ),
    # The calendar file
    "interchange.ics.name": ("Secretary's Workbench", "秘書工作台", "秘书工作台"),
    "interchange.ics.instruction": (
        "Instruction from {leader}: {content}",
        "【批示】{leader}：{content}",
        "【批示】{leader}：{content}",
    ),
    "interchange.ics.owner": ("Handled by: {owner}", "承辦：{owner}", "承办：{owner}"),
    "interchange.ics.source": ("Source: {source}", "來源：{source}", "来源：{source}"),
    "interchange.ics.floating": (
        "Local time: the workbench did not know its time zone.",
        "本地時間：工作台不知道所在時區。",
        "本地时间：工作台不知道所在时区。",
    ),
    # History and undo
    "history.import": ("Imported {content}", "匯入 {content}", "导入 {content}"),
    "error.import_not_undoable": (
        "An import this large (or one that brought history) cannot be undone; restore a "
        "backup instead.",
        "資料量大（或帶有歷史記錄）的匯入無法復原；請改用備份還原。",
        "数据量大（或带有历史记录）的导入无法撤销；请改用备份还原。",
    ),
    # The command line
    "interchange.cli.import": (
        "Import a workbench JSON export or Taskwarrior's `task export` (all or nothing).",
        "匯入工作台 JSON 匯出檔或 Taskwarrior 的 `task export` 輸出（全部成功或全不匯入）。",
        "导入工作台 JSON 导出文件或 Taskwarrior 的 `task export` 输出（全部成功或全不导入）。",
    ),
    "interchange.cli.from": (
        "The file's format (default: recognised from the file).",
        "檔案格式（預設自動辨識）。",
        "文件格式（默认自动识别）。",
    ),
    "interchange.cli.export": (
        "Export everything (json), tasks for Taskwarrior, or deadlines as a calendar (ics).",
        "匯出全部資料（json）、給 Taskwarrior 的待辦，或行事曆格式的期限（ics）。",
        "导出全部数据（json）、给 Taskwarrior 的待办，或日历格式的期限（ics）。",
    ),
    "interchange.cli.format": ("Export format.", "匯出格式。", "导出格式。"),
    "interchange.cli.output": (
        "Write to this file (default: standard output).",
        "寫入此檔案（預設輸出到標準輸出）。",
        "写入此文件（默认输出到标准输出）。",
    ),
    "interchange.cli.include_confidential": (
        "Also export confidential records.",
        "連同機密記錄一併匯出。",
        "连同机密记录一并导出。",
    ),
    "interchange.cli.overwrite": (
        "Replace the file if it exists.",
        "檔案已存在時覆蓋。",
        "文件已存在时覆盖。",
    ),
    "interchange.cli.warning": ("warning: {message}", "注意：{message}", "注意：{message}"),
    "interchange.cli.reading": ("Importing", "匯入中", "导入中"),
    "interchange.cli.writing": ("Exporting", "匯出中", "导出中"),
}
