"""Messages about keeping the data safe: damaged or read-only files, backups, restoring."""

MESSAGES: dict[str, tuple[str, str, str]] = {
    # The database file (beyond the basic ones in errors.py)
    "store.error.number": (
        "A number given is too large to name anything in {file} (the largest is {largest}). "
        "Nothing was changed.",
        "輸入的數字太大，{file} 中沒有這樣的記錄（最大為 {largest}）。未做任何變更。",
        "输入的数字太大，{file} 中没有这样的记录（最大为 {largest}）。未做任何更改。",
    ),
    "store.error.read_only_folder": (
        "Cannot use {file}: its folder is read-only, and SQLite needs to create its journal "
        "files (-wal, -shm) there. Make the folder writable, or copy the file (with any "
        "-wal file beside it) to a writable folder and use --db.",
        "無法使用 {file}：所在資料夾是唯讀的，而 SQLite 需要在那裡建立日誌檔（-wal、-shm）。"
        "請讓資料夾可寫入，或把檔案（連同旁邊的 -wal 檔）複製到可寫入的資料夾並用 --db 指定。",
        "无法使用 {file}：所在文件夹是只读的，而 SQLite 需要在那里创建日志文件（-wal、-shm）。"
        "请让文件夹可写，或把文件（连同旁边的 -wal 文件）复制到可写的文件夹并用 --db 指定。",
    ),
    "store.error.io": (
        "Could not read or write {file} (a disk error). Nothing was saved. Check the disk "
        "or the network drive, then try again; if it keeps happening, restore the latest "
        "backup (see `workbench backup --help`).",
        "無法讀寫 {file}（磁碟錯誤），沒有儲存任何變更。請檢查磁碟或網路磁碟後再試；"
        "若一再發生，請還原最近的備份（見 `workbench backup --help`）。",
        "无法读写 {file}（磁盘错误），没有保存任何更改。请检查磁盘或网络驱动器后再试；"
        "若反复出现，请还原最近的备份（见 `workbench backup --help`）。",
    ),
    "store.error.read_only_upgrade": (
        "{file} is read-only and was written by an earlier version of the workbench; it "
        "must be upgraded before it can be used. Make the file and its folder writable.",
        "{file} 是唯讀的，且由較舊版本的工作台建立，必須先升級才能使用。請讓檔案及其資料夾可寫入。",
        "{file} 是只读的，且由较旧版本的工作台创建，必须先升级才能使用。请让文件及其文件夹可写。",
    ),
    "store.error.upgrade_backup": (
        "{file} needs upgrading to this version, but a copy could not be kept first, so it "
        "was left untouched: {problem}",
        "{file} 需要升級到本版本，但未能先保留一份副本，因此原樣未動：{problem}",
        "{file} 需要升级到本版本，但未能先保留一份副本，因此原样未动：{problem}",
    ),
    "store.error.upgrade_failed": (
        "Upgrading {file} to schema {version} failed ({problem}). The upgrade was undone "
        "and the file left as it was; a copy made before it is in the backup folder "
        "(`workbench where`). Please report this.",
        "{file} 升級到結構版本 {version} 時失敗（{problem}）。升級已撤回，檔案維持原狀；"
        "升級前的副本在備份資料夾中（見 `workbench where`）。請回報此問題。",
        "{file} 升级到结构版本 {version} 时失败（{problem}）。升级已撤回，文件维持原状；"
        "升级前的副本在备份文件夹中（见 `workbench where`）。请报告此问题。",
    ),
    # Backups
    "backup.error.folder": (
        "Cannot create the backup folder {file}: {problem}. Set WORKBENCH_BACKUP_DIR to a "
        "folder you can write.",
        "無法建立備份資料夾 {file}：{problem}。請把 WORKBENCH_BACKUP_DIR 設為可寫入的資料夾。",
        "无法创建备份文件夹 {file}：{problem}。请把 WORKBENCH_BACKUP_DIR 设为可写的文件夹。",
    ),
    "backup.error.write": (
        "Could not write {file}: {problem}. Nothing was replaced.",
        "無法寫入 {file}：{problem}。沒有取代任何檔案。",
        "无法写入 {file}：{problem}。没有替换任何文件。",
    ),
    "backup.error.exists": (
        "{file} already exists; it was not overwritten. Give another name.",
        "{file} 已存在，未覆寫。請換一個名稱。",
        "{file} 已存在，未覆盖。请换一个名称。",
    ),
    "backup.error.damaged": (
        "{file} failed SQLite's integrity check ({problem}), so it was not used and nothing "
        "was replaced. If this is your database, restore an earlier backup "
        "(`workbench backup --list`).",
        "{file} 未通過 SQLite 的完整性檢查（{problem}），因此未使用，也沒有取代任何檔案。"
        "若這是你的資料庫，請還原較早的備份（`workbench backup --list`）。",
        "{file} 未通过 SQLite 的完整性检查（{problem}），因此未使用，也没有替换任何文件。"
        "若这是你的数据库，请还原较早的备份（`workbench backup --list`）。",
    ),
    "backup.error.mismatch": (
        "The copy of {file} did not have the same rows as the database, so it was thrown "
        "away; your earlier backups were kept. Try again.",
        "{file} 的副本與資料庫的記錄數不一致，已捨棄；較早的備份均保留。請再試一次。",
        "{file} 的副本与数据库的记录数不一致，已舍弃；较早的备份均保留。请再试一次。",
    ),
    "backup.error.busy": (
        "{file} stayed busy (another window kept writing), so nothing was copied or "
        "replaced. Try again in a moment.",
        "{file} 一直忙碌（另一個視窗持續寫入），沒有複製或取代任何內容。請稍後再試。",
        "{file} 一直忙碌（另一个窗口持续写入），没有复制或替换任何内容。请稍后再试。",
    ),
    "backup.error.full": (
        "The disk holding {file} is full, so the backup was not made; your earlier backups "
        "were kept. Free some space and try again.",
        "{file} 所在的磁碟已滿，未能備份；較早的備份均保留。請騰出空間後再試。",
        "{file} 所在的磁盘已满，未能备份；较早的备份均保留。请腾出空间后再试。",
    ),
    "backup.error.missing": (
        "{file} does not exist. `workbench backup --list` shows the backups there are.",
        "{file} 不存在。`workbench backup --list` 可列出現有的備份。",
        "{file} 不存在。`workbench backup --list` 可列出现有的备份。",
    ),
    "backup.error.not_file": (
        "{file} is a folder, not a backup file.",
        "{file} 是資料夾，不是備份檔案。",
        "{file} 是文件夹，不是备份文件。",
    ),
    "backup.error.read": (
        "Cannot read {file}: {problem}",
        "無法讀取 {file}：{problem}",
        "无法读取 {file}：{problem}",
    ),
    "backup.error.not_db": (
        "{file} is not a database file, so it cannot be restored. Nothing was changed.",
        "{file} 不是資料庫檔案，無法還原。未做任何變更。",
        "{file} 不是数据库文件，无法还原。未做任何更改。",
    ),
    "backup.error.newer": (
        "{file} was written by a newer version of the workbench (schema {version}; this "
        "version knows {ours}). Upgrade the workbench to restore it. Nothing was changed.",
        "{file} 由較新版本的工作台建立（結構版本 {version}，本版本只支援到 {ours}）。"
        "請升級工作台後再還原。未做任何變更。",
        "{file} 由较新版本的工作台创建（结构版本 {version}，本版本只支持到 {ours}）。"
        "请升级工作台后再还原。未做任何更改。",
    ),
    "backup.error.not_ours": (
        "{file} is an SQLite database, but not a workbench one. Nothing was changed.",
        "{file} 是 SQLite 資料庫，但不是工作台的。未做任何變更。",
        "{file} 是 SQLite 数据库，但不是工作台的。未做任何更改。",
    ),
    "backup.error.same_file": (
        "{file} is the database itself; choose a backup file or another destination.",
        "{file} 就是資料庫本身；請選擇備份檔案或其他目的地。",
        "{file} 就是数据库本身；请选择备份文件或其他目的地。",
    ),
    "backup.error.read_only": (
        "{file} is read-only, so the backup cannot be put back. Make the file and its "
        "folder writable. Nothing was changed.",
        "{file} 是唯讀的，無法還原備份。請讓檔案及其資料夾可寫入。未做任何變更。",
        "{file} 是只读的，无法还原备份。请让文件及其文件夹可写。未做任何更改。",
    ),
    "backup.error.after": (
        "The backup was put back into {file}, but checking it afterwards failed: "
        "{problem}. The replaced file is in the backup folder.",
        "備份已還原到 {file}，但事後檢查失敗：{problem}。被取代的檔案保存在備份資料夾中。",
        "备份已还原到 {file}，但事后检查失败：{problem}。被替换的文件保存在备份文件夹中。",
    ),
    "backup.error.one_action": (
        "Give one of: a destination, --restore FILE, --check FILE or --list.",
        "請只指定一項：目的地、--restore 檔案、--check 檔案或 --list。",
        "请只指定一项：目的地、--restore 文件、--check 文件或 --list。",
    ),
    "backup.error.yes_alone": (
        "--yes only confirms --restore.",
        "--yes 只用於確認 --restore。",
        "--yes 只用于确认 --restore。",
    ),
    "backup.auto.failed": (
        "Today's automatic backup was not made: {problem}",
        "今天的自動備份未完成：{problem}",
        "今天的自动备份未完成：{problem}",
    ),
    "backup.auto.damaged": (
        "{file} is damaged (SQLite's check says: {problem}). No backup was made today, so "
        "that your earlier ones stay. Quit, and restore the latest backup "
        "(`workbench backup --list`, then `workbench backup --restore FILE`).",
        "{file} 已損壞（SQLite 檢查結果：{problem}）。今天未做備份，以保留較早的備份。請退出，"
        "然後還原最近的備份（`workbench backup --list`，再 `workbench backup --restore 檔案`）。",
        "{file} 已损坏（SQLite 检查结果：{problem}）。今天未做备份，以保留较早的备份。请退出，"
        "然后还原最近的备份（`workbench backup --list`，再 `workbench backup --restore 文件`）。",
    ),
    "backup.counts": (
        "{tasks} tasks, {instructions} instructions, {feedback} feedback entries, "
        "{events} history events",
        "待辦 {tasks} 項，批示 {instructions} 件，反饋 {feedback} 條，歷史記錄 {events} 筆",
        "待办 {tasks} 项，批示 {instructions} 件，反馈 {feedback} 条，历史记录 {events} 笔",
    ),
    "backup.checked": (
        "{file} is a sound workbench database (schema {version}).",
        "{file} 是完好的工作台資料庫（結構版本 {version}）。",
        "{file} 是完好的工作台数据库（结构版本 {version}）。",
    ),
    "backup.written": (
        "Backup written and checked: {file}",
        "備份已寫入並檢查無誤：{file}",
        "备份已写入并检查无误：{file}",
    ),
    "backup.none": (
        "No backups yet in {folder}.",
        "{folder} 中還沒有備份。",
        "{folder} 中还没有备份。",
    ),
    "backup.folder": ("Backups in {folder}:", "{folder} 中的備份：", "{folder} 中的备份："),
    "backup.restore.source": (
        "The backup {file} holds:",
        "備份 {file} 內有：",
        "备份 {file} 内有：",
    ),
    "backup.restore.current": (
        "The current database {file} holds:",
        "目前的資料庫 {file} 內有：",
        "当前的数据库 {file} 内有：",
    ),
    "backup.restore.confirm": (
        "Nothing was changed. To put the backup back, run the same command with --yes; the "
        "current database will first be kept in {folder}.",
        "未做任何變更。要還原此備份，請加上 --yes 再執行一次；目前的資料庫會先保存到 {folder}。",
        "未做任何更改。要还原此备份，请加上 --yes 再运行一次；当前的数据库会先保存到 {folder}。",
    ),
    "backup.restored": (
        "Restored: {file} now holds the backup's rows.",
        "已還原：{file} 現在是備份中的內容。",
        "已还原：{file} 现在是备份中的内容。",
    ),
    "backup.restore.kept": (
        "The database it replaced was kept as {file}",
        "被取代的資料庫保存為 {file}",
        "被替换的数据库保存为 {file}",
    ),
    # Help
    "cli.help.backup": (
        "Make a checked copy of the database now: to DEST (a file or a folder), by default "
        "to the backup folder (`workbench where`). The workbench screen also makes one "
        "copy a day when it starts and keeps the last `backup_keep` (config, default 7).",
        "立即為資料庫製作一份經檢查的副本：存到 DEST（檔案或資料夾），預設存到備份資料夾"
        "（見 `workbench where`）。工作台畫面每天啟動時也會自動備份一次，並保留最近 "
        "`backup_keep` 份（設定檔，預設 7）。",
        "立即为数据库制作一份经检查的副本：存到 DEST（文件或文件夹），默认存到备份文件夹"
        "（见 `workbench where`）。工作台界面每天启动时也会自动备份一次，并保留最近 "
        "`backup_keep` 份（配置文件，默认 7）。",
    ),
    "cli.help.backup.epilog": (
        "To restore: `workbench backup --list` to find a copy, `workbench backup --restore "
        "FILE` to see what it holds (nothing changes), then the same with --yes. The copy "
        "is checked first, and the current database is kept in the backup folder as "
        "<name>-replaced-<time>.db before it is replaced; windows that have it open "
        "show the restored rows.",
        "還原步驟：用 `workbench backup --list` 找到備份，用 `workbench backup --restore "
        "檔案` 查看其內容（不會變更任何東西），再加上 --yes 執行。備份會先經過檢查，目前的"
        "資料庫在被取代前會保存到備份資料夾，名為 <名稱>-replaced-<時間>.db；已開啟的視窗會"
        "顯示還原後的內容。",
        "还原步骤：用 `workbench backup --list` 找到备份，用 `workbench backup --restore "
        "文件` 查看其内容（不会更改任何东西），再加上 --yes 运行。备份会先经过检查，当前的"
        "数据库在被替换前会保存到备份文件夹，名为 <名称>-replaced-<时间>.db；已打开的窗口会"
        "显示还原后的内容。",
    ),
    "cli.help.backup.restore": (
        "Put the backup FILE back in place of the database (needs --yes).",
        "以備份檔案取代目前的資料庫（需加 --yes）。",
        "以备份文件替换当前的数据库（需加 --yes）。",
    ),
    "cli.help.backup.yes": (
        "Confirm --restore.",
        "確認 --restore。",
        "确认 --restore。",
    ),
    "cli.help.backup.check": (
        "Check that FILE is a sound workbench database, without changing anything.",
        "檢查檔案是否為完好的工作台資料庫，不做任何變更。",
        "检查文件是否为完好的工作台数据库，不做任何更改。",
    ),
    "cli.help.backup.list": (
        "List this database's backups.",
        "列出此資料庫的備份。",
        "列出此数据库的备份。",
    ),
    # The last line of defence of the command line
    "cli.error.unexpected": (
        "Something unexpected went wrong ({problem}). Any change in progress was not "
        "saved. The details were written to {log}; please pass that file on.",
        "發生了意外的錯誤（{problem}）。進行中的變更沒有儲存。詳細資訊已寫入 {log}，請轉交該檔案。",
        "发生了意外的错误（{problem}）。进行中的更改没有保存。详细信息已写入 {log}，请转交该文件。",
    ),
}
