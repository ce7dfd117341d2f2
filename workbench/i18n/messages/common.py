"""Words shared by every part of the program: enumerations and common nouns."""

MESSAGES: dict[str, tuple[str, str, str]] = {
    "app.name": ("Secretary's Workbench", "秘書工作台", "秘书工作台"),
    # A remark after a value: Chinese takes full-width brackets, with no space before them.
    "common.aside": ("{value} ({aside})", "{value}（{aside}）", "{value}（{aside}）"),
    "common.list_sep": (", ", "、", "、"),
    # Importance (輕重)
    "importance.high": ("important", "重", "重"),
    "importance.normal": ("normal", "普通", "普通"),
    "importance.low": ("minor", "輕", "轻"),
    "urgent.flag": ("urgent", "急", "急"),
    "urgent.short": ("!", "急", "急"),
    "importance.short.high": ("H", "重", "重"),
    "importance.short.low": ("L", "輕", "轻"),
    # Categories (辦文 辦事 辦會)
    "category.doc": ("documents", "辦文", "办文"),
    "category.affair": ("affairs", "辦事", "办事"),
    "category.meeting": ("meetings", "辦會", "办会"),
    "category.other": ("other", "其他", "其他"),
    # Task status
    "task_status.open": ("open", "待辦", "待办"),
    "task_status.done": ("done", "已完成", "已完成"),
    "task_status.cancelled": ("cancelled", "已取消", "已取消"),
    # Instruction status
    "instr_status.new": ("new", "待辦理", "待办理"),
    "instr_status.in_progress": ("in progress", "辦理中", "办理中"),
    "instr_status.done": ("closed", "已辦結", "已办结"),
    "instr_status.cancelled": ("withdrawn", "已撤銷", "已撤销"),
    # Feedback channels and kinds
    "channel.verbal": ("in person", "口頭", "口头"),
    "channel.written": ("in writing", "書面", "书面"),
    "channel.phone": ("phone", "電話", "电话"),
    "channel.message": ("message", "訊息", "消息"),
    "channel.email": ("email", "電郵", "邮件"),
    "channel.meeting": ("meeting", "會議", "会议"),
    "feedback_kind.progress": ("progress", "進展", "进展"),
    "feedback_kind.problem": ("problem", "問題", "问题"),
    "feedback_kind.completion": ("completion", "辦結", "办结"),
    "feedback_kind.other": ("other", "其他", "其他"),
    # Lights: always a word with the colour, never an ambiguous-width glyph
    "light.red": ("red", "紅", "红"),
    "light.yellow": ("yellow", "黃", "黄"),
    "light.green": ("green", "綠", "绿"),
    "light.grey": ("grey", "灰", "灰"),
    "light.short.red": ("R", "紅", "红"),
    "light.short.yellow": ("Y", "黃", "黄"),
    "light.short.green": ("G", "綠", "绿"),
    "light.short.grey": ("-", "灰", "灰"),
    # Quadrants (輕重緩急)
    "quadrant.important_urgent": ("important & urgent", "重要且緊急", "重要且紧急"),
    "quadrant.important_not_urgent": ("important, not urgent", "重要不緊急", "重要不紧急"),
    "quadrant.urgent_not_important": ("urgent, not important", "緊急不重要", "紧急不重要"),
    "quadrant.neither": ("neither", "不重要不緊急", "不重要不紧急"),
    "quadrant.short.important_urgent": ("I+U", "重急", "重急"),
    "quadrant.short.important_not_urgent": ("I", "重", "重"),
    "quadrant.short.urgent_not_important": ("U", "急", "急"),
    "quadrant.short.neither": ("-", "緩", "缓"),
    # Chase levels (提醒 → 警示 → 嚴重警示)
    "chase_level.remind": ("reminder", "提醒", "提醒"),
    "chase_level.warn": ("warning", "警示", "警示"),
    "chase_level.severe": ("serious warning", "嚴重警示", "严重警示"),
}
