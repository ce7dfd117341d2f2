"""`workbench demo`: help texts and what it says when done."""

MESSAGES: dict[str, tuple[str, str, str]] = {
    "demo.cli.help": (
        "Fill a database with sample data: without sizes, a week of a school office "
        "(in Chinese); with --tasks/--instructions/--feedback, years of generated records "
        "(sizes not given follow 10 tasks per instruction and 2 per report). It writes to "
        "the database of --db or WORKBENCH_DB, otherwise to workbench-demo.db in the current "
        "folder — never to your default database unless you name it. A database that "
        "already has records is refused unless --force is given.",
        "以範例資料填充資料庫：不指定數量時，寫入一所學校辦公室一週的工作（中文）；"
        "指定 --tasks/--instructions/--feedback 時，生成多年的記錄（未指定的數量按每10項"
        "待辦1項批示、每2項待辦1條反饋推算）。寫入 --db 或 WORKBENCH_DB 指定的資料庫，"
        "否則寫入目前資料夾的 workbench-demo.db——除非您指名，絕不寫入預設資料庫。"
        "已有記錄的資料庫會被拒絕，除非加上 --force。",
        "以示例数据填充数据库：不指定数量时，写入一所学校办公室一周的工作（中文）；"
        "指定 --tasks/--instructions/--feedback 时，生成多年的记录（未指定的数量按每10项"
        "待办1项批示、每2项待办1条反馈推算）。写入 --db 或 WORKBENCH_DB 指定的数据库，"
        "否则写入当前文件夹的 workbench-demo.db——除非您指名，绝不写入默认数据库。"
        "已有记录的数据库会被拒绝，除非加上 --force。",
    ),
    "demo.cli.tasks": (
        "Generate this many tasks (most done, some open).",
        "生成的待辦數量（大多已完成，部分未完成）。",
        "生成的待办数量（大多已完成，部分未完成）。",
    ),
    "demo.cli.instructions": (
        "Generate this many leader instructions (closed and open, every light).",
        "生成的領導批示數量（已辦結與辦理中，各種燈號）。",
        "生成的领导批示数量（已办结与办理中，各种灯号）。",
    ),
    "demo.cli.feedback": (
        "Generate this many feedback entries.",
        "生成的反饋記錄數量。",
        "生成的反馈记录数量。",
    ),
    "demo.cli.seed": (
        "Seed of the generator: the same seed and clock give the same data.",
        "生成器的種子：相同的種子和時間生成相同的資料。",
        "生成器的种子：相同的种子和时间生成相同的数据。",
    ),
    "demo.cli.force": (
        "Also write into a database that already has records (adds to them).",
        "允許寫入已有記錄的資料庫（在原有記錄之外新增）。",
        "允许写入已有记录的数据库（在原有记录之外新增）。",
    ),
    "demo.cli.written": (
        "Wrote {tasks} tasks, {instructions} instructions and {feedback} feedback entries "
        "to {path} in {seconds} s.",
        "已寫入 {tasks} 項待辦、{instructions} 項批示、{feedback} 條反饋到 {path}"
        "（用時 {seconds} 秒）。",
        "已写入 {tasks} 项待办、{instructions} 项批示、{feedback} 条反馈到 {path}"
        "（用时 {seconds} 秒）。",
    ),
    "demo.cli.open": (
        "Open it with: {command}",
        "開啟方法：{command}",
        "打开方法：{command}",
    ),
    "demo.error.not_empty": (
        "{path} already has {count} records; the demonstration writes only into an empty "
        "database. Name another with --db, or add --force to write into this one.",
        "{path} 已有 {count} 條記錄；範例只寫入空的資料庫。請用 --db 指定另一個，"
        "或加上 --force 寫入此資料庫。",
        "{path} 已有 {count} 条记录；示例只写入空的数据库。请用 --db 指定另一个，"
        "或加上 --force 写入此数据库。",
    ),
}
