"""Refusals and database problems: each says what was wrong and what to do."""

MESSAGES: dict[str, tuple[str, str, str]] = {
    # Use cases
    "error.blank_title": (
        "The title is empty; type what needs doing.",
        "標題是空的，請寫上要辦的事。",
        "标题是空的，请写上要办的事。",
    ),
    "error.blank_content": (
        "The instruction has no content; type what the leader asked for.",
        "批示內容是空的，請寫上領導的要求。",
        "批示内容是空的，请写上领导的要求。",
    ),
    "error.blank_leader": (
        "Say which leader this is for (--leader).",
        "請寫明是哪位領導（--leader）。",
        "请写明是哪位领导（--leader）。",
    ),
    "error.blank_leader.screen": (
        "Say which leader this is for.",
        "請寫明是哪位領導。",
        "请写明是哪位领导。",
    ),
    "error.blank_feedback": (
        "The feedback is empty; write what was reported.",
        "反饋內容是空的，請寫上匯報了什麼。",
        "反馈内容是空的，请写上汇报了什么。",
    ),
    "error.blank_reason": (
        "Give the reason (--reason).",
        "請寫明原因（--reason）。",
        "请写明原因（--reason）。",
    ),
    "error.blank_reason.screen": ("Give the reason.", "請寫明原因。", "请写明原因。"),
    "error.blank_deadline": (
        "Give the new deadline.",
        "請寫明新的期限。",
        "请写明新的期限。",
    ),
    "error.too_long": (
        "The text is too long (at most {field} characters).",
        "文字太長（最多{field}個字）。",
        "文字太长（最多{field}个字）。",
    ),
    "error.unknown_field": (
        "Unknown field “{field}”.",
        "沒有「{field}」這個欄位。",
        "没有“{field}”这个字段。",
    ),
    "error.feedback_interval": (
        "The feedback interval must be from 1 to 366 days.",
        "反饋週期必須是1到366天。",
        "反馈周期必须是1到366天。",
    ),
    "error.not_found.task": (
        "There is no task {id}.",
        "沒有編號為 {id} 的待辦。",
        "没有编号为 {id} 的待办。",
    ),
    "error.not_found.archived_task": (
        "Task {id} is not in the archive.",
        "待辦 {id} 不在已刪除清單中。",
        "待办 {id} 不在已删除列表中。",
    ),
    "error.not_found.instruction": (
        "There is no instruction {id}.",
        "沒有編號為 {id} 的批示。",
        "没有编号为 {id} 的批示。",
    ),
    "error.not_found.feedback": (
        "There is no feedback {id}.",
        "沒有編號為 {id} 的反饋。",
        "没有编号为 {id} 的反馈。",
    ),
    "error.not_found.extension": (
        "That extension no longer exists.",
        "該延期記錄已不存在。",
        "该延期记录已不存在。",
    ),
    "error.not_found.chase": (
        "That chase no longer exists.",
        "該催辦記錄已不存在。",
        "该催办记录已不存在。",
    ),
    "error.task_not_open": (
        "Task {id} is already done or cancelled.",
        "待辦 {id} 已完成或已取消。",
        "待办 {id} 已完成或已取消。",
    ),
    "error.task_already_open": (
        "Task {id} is still open.",
        "待辦 {id} 仍未完成。",
        "待办 {id} 仍未完成。",
    ),
    "error.instruction_closed": (
        "Instruction {id} is already closed or withdrawn; reopen it first.",
        "批示 {id} 已辦結或已撤銷；如需繼續辦理，請先退回重辦。",
        "批示 {id} 已办结或已撤销；如需继续办理，请先退回重办。",
    ),
    "error.instruction_open": (
        "Instruction {id} is still being handled.",
        "批示 {id} 仍在辦理中。",
        "批示 {id} 仍在办理中。",
    ),
    "error.use_extend": (
        "The deadline has been extended before; use an extension (延期) with a reason.",
        "此事項已延期過，請用「延期」並寫明原因。",
        "此事项已延期过，请用“延期”并写明原因。",
    ),
    "error.extend_earlier": (
        "An extension must move the deadline later than {old}.",
        "延期後的期限必須晚於 {old}。",
        "延期后的期限必须晚于 {old}。",
    ),
    "error.close_needs_report": (
        "Closing needs a completion report: give --feedback, or add feedback first.",
        "辦結需要辦理結果：請用 --feedback 寫明，或先登記反饋。",
        "办结需要办理结果：请用 --feedback 写明，或先登记反馈。",
    ),
    "error.close_needs_report.screen": (
        "Closing needs a completion report or a closing note, or feedback recorded first.",
        "辦結需要寫明辦理結果或辦結說明，或先登記反饋。",
        "办结需要写明办理结果或办结说明，或先登记反馈。",
    ),
    "error.nothing_to_undo": ("Nothing to undo.", "沒有可以復原的操作。", "没有可以撤销的操作。"),
    "error.already_undone": (
        "That action was already undone.",
        "該操作已經復原。",
        "该操作已经撤销。",
    ),
    "error.undo_conflict": (
        "Cannot undo: the record was changed since (perhaps in another window).",
        "無法復原：記錄之後已被修改（可能在另一個視窗）。",
        "无法撤销：记录之后已被修改（可能在另一个窗口）。",
    ),
    # The database file
    "store.error.missing": (
        "The database {file} does not exist.",
        "資料庫 {file} 不存在。",
        "数据库 {file} 不存在。",
    ),
    "store.error.is_dir": (
        "{file} is a folder, not a database file; give a file name with --db.",
        "{file} 是資料夾，不是資料庫檔案；請用 --db 指定檔案名稱。",
        "{file} 是文件夹，不是数据库文件；请用 --db 指定文件名。",
    ),
    "store.error.not_db": (
        "{file} is not a workbench database (it is some other kind of file). It was left "
        "untouched; give another path with --db.",
        "{file} 不是工作台資料庫（是別的檔案），已原樣保留；請用 --db 指定其他路徑。",
        "{file} 不是工作台数据库（是别的文件），已原样保留；请用 --db 指定其他路径。",
    ),
    "store.error.foreign": (
        "{file} is an SQLite database of another program. It was left untouched; give "
        "another path with --db.",
        "{file} 是其他程式的 SQLite 資料庫，已原樣保留；請用 --db 指定其他路徑。",
        "{file} 是其他程序的 SQLite 数据库，已原样保留；请用 --db 指定其他路径。",
    ),
    "store.error.no_read": (
        "Cannot read {file}: permission denied. Check the file's owner and permissions.",
        "無法讀取 {file}：沒有權限。請檢查檔案的擁有者與權限。",
        "无法读取 {file}：没有权限。请检查文件的所有者与权限。",
    ),
    "store.error.no_create": (
        "Cannot create or open {file}: permission denied or the folder does not exist. "
        "Check the folder, or give another path with --db.",
        "無法建立或開啟 {file}：沒有權限或資料夾不存在。請檢查資料夾，或用 --db 指定其他路徑。",
        "无法创建或打开 {file}：没有权限或文件夹不存在。请检查文件夹，或用 --db 指定其他路径。",
    ),
    "store.error.read_only": (
        "{file} is read-only, so nothing was saved. Make the file and its folder writable.",
        "{file} 是唯讀的，沒有儲存任何變更。請讓檔案及其資料夾可寫入。",
        "{file} 是只读的，没有保存任何更改。请让文件及其文件夹可写。",
    ),
    "store.error.newer": (
        "{file} was written by a newer version of the workbench (schema {version}; this "
        "version knows {ours}). It was left untouched; please upgrade the workbench.",
        "{file} 由較新版本的工作台建立（結構版本 {version}，本版本只支援到 {ours}），已原樣保留；請升級工作台。",
        "{file} 由较新版本的工作台创建（结构版本 {version}，本版本只支持到 {ours}），已原样保留；请升级工作台。",
    ),
    "store.error.corrupt": (
        "{file} is damaged (SQLite reports it as malformed). Nothing was changed. Restore "
        "the latest backup (see `workbench backup --help`).",
        "{file} 已損壞（SQLite 回報格式錯誤），未做任何變更。請還原最近的備份（見 `workbench backup --help`）。",
        "{file} 已损坏（SQLite 报告格式错误），未做任何更改。请还原最近的备份（见 `workbench backup --help`）。",
    ),
    "store.reindexing": (
        "Indexing the records for search again (once, after an update; about half a minute "
        "for 100,000 records)…",
        "正在重建搜尋索引（更新後只需一次；十萬筆紀錄約需半分鐘）…",
        "正在重建搜索索引（更新后只需一次；十万条记录约需半分钟）…",
    ),
    "store.error.busy": (
        "{file} is busy (another window or command is writing). Nothing was changed; try "
        "again in a moment.",
        "{file} 正忙（另一個視窗或指令正在寫入），未做任何變更；請稍後再試。",
        "{file} 正忙（另一个窗口或命令正在写入），未做任何更改；请稍后再试。",
    ),
    "store.error.full": (
        "The disk holding {file} is full, so nothing was saved. Free some space and try again.",
        "{file} 所在的磁碟已滿，沒有儲存任何變更。請騰出空間後再試。",
        "{file} 所在的磁盘已满，没有保存任何更改。请腾出空间后再试。",
    ),
    "store.error.os": (
        "Cannot use {file}: {problem}",
        "無法使用 {file}：{problem}",
        "无法使用 {file}：{problem}",
    ),
    "store.error.other": (
        "Database problem with {file}: {problem}. Nothing was changed.",
        "資料庫 {file} 出現問題：{problem}。未做任何變更。",
        "数据库 {file} 出现问题：{problem}。未做任何更改。",
    ),
    "holidays.unknown_region": (
        "The holiday region “{region}” is not known; set `region` in the config file to a "
        'country code such as CN, TW or HK, or to "" for weekends only.',
        '不認識假期地區「{region}」；請在設定檔把 `region` 設為 CN、TW、HK 等國家代碼，或設為 "" 只算週末。',
        '不认识假期地区“{region}”；请在配置文件把 `region` 设为 CN、TW、HK 等国家代码，或设为 "" 只算周末。',
    ),
    # What the system says went wrong with a file (see `i18n.os_problem`).
    "oserror.ENOENT": (
        "no such file or folder",
        "找不到這個檔案或資料夾",
        "找不到这个文件或文件夹",
    ),
    "oserror.EACCES": ("permission denied", "沒有權限", "没有权限"),
    "oserror.EPERM": ("not permitted", "不允許這樣做", "不允许这样做"),
    "oserror.EROFS": ("the disk is read-only", "磁碟是唯讀的", "磁盘是只读的"),
    "oserror.ENOSPC": ("the disk is full", "磁碟已滿", "磁盘已满"),
    "oserror.EDQUOT": ("over the disk quota", "超出磁碟配額", "超出磁盘配额"),
    "oserror.EISDIR": ("that is a folder", "那是資料夾", "那是文件夹"),
    "oserror.ENOTDIR": (
        "part of the path is not a folder",
        "路徑中有一段不是資料夾",
        "路径中有一段不是文件夹",
    ),
    "oserror.ENAMETOOLONG": ("the name is too long", "名稱太長", "名称太长"),
    "oserror.EEXIST": ("it already exists", "已經存在", "已经存在"),
    "oserror.EBUSY": ("it is in use", "正在使用中", "正在使用中"),
    "oserror.EIO": (
        "the disk could not be read or written",
        "磁碟讀寫出錯",
        "磁盘读写出错",
    ),
}
