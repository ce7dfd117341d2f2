"""History of a record, one line per event."""

MESSAGES: dict[str, tuple[str, str, str]] = {
    "history.undo": ("Undone: {what}", "已復原：{what}", "已撤销：{what}"),
    "history.flag_on": ("on", "標上", "标上"),
    "history.flag_off": ("off", "取消", "取消"),
    "history.task.add": ("Added “{title}”", "新增「{title}」", "新增“{title}”"),
    "history.task.edit": ("Edited {fields}", "修改了{fields}", "修改了{fields}"),
    "history.task.done": ("Marked done", "標記完成", "标记完成"),
    "history.task.reopen": ("Reopened", "重新打開", "重新打开"),
    "history.task.cancel": ("Cancelled", "取消", "取消"),
    "history.task.postpone": ("Postponed to {due}", "延後到 {due}", "推迟到 {due}"),
    "history.task.urgent": ("Urgent flag {urgent}", "急：{urgent}", "急：{urgent}"),
    "history.task.importance": (
        "Importance set to {importance}",
        "重要程度改為{importance}",
        "重要程度改为{importance}",
    ),
    "history.task.delete": ("Deleted “{title}”", "刪除「{title}」", "删除“{title}”"),
    "history.task.restore": ("Restored “{title}”", "還原「{title}」", "还原“{title}”"),
    "history.instruction.add": ("Registered", "立項登記", "立项登记"),
    "history.instruction.edit": ("Edited {fields}", "修改了{fields}", "修改了{fields}"),
    "history.instruction.chase": (
        "Chased ({level}) {whom}: {note}",
        "催辦（{level}）{whom}：{note}",
        "催办（{level}）{whom}：{note}",
    ),
    "history.instruction.extend": (
        "Extended from {old} to {new}: {reason}",
        "延期：{old} 改為 {new}，原因：{reason}",
        "延期：{old} 改为 {new}，原因：{reason}",
    ),
    "history.instruction.close": ("Closed (辦結): {note}", "辦結：{note}", "办结：{note}"),
    "history.instruction.cancel": ("Withdrawn: {reason}", "撤銷：{reason}", "撤销：{reason}"),
    "history.instruction.reopen": (
        "Sent back to be redone: {reason}",
        "退回重辦：{reason}",
        "退回重办：{reason}",
    ),
    "history.instruction.delete": ("Deleted", "刪除", "删除"),
    "history.feedback.add": (
        "Feedback ({kind}): {content}",
        "反饋（{kind}）：{content}",
        "反馈（{kind}）：{content}",
    ),
    "history.feedback.correct": (
        "Feedback corrected: {content}",
        "更正反饋：{content}",
        "更正反馈：{content}",
    ),
}
