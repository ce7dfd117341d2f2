"""Urgency (輕重緩急) explanations and configuration messages."""

MESSAGES: dict[str, tuple[str, str, str]] = {
    "urgency.term.importance": ("Importance", "重要程度", "重要程度"),
    "urgency.term.urgent": ("Flagged urgent (急)", "標記為急", "标记为急"),
    "urgency.term.due": ("Due", "期限", "期限"),
    "urgency.term.instruction": (
        "Serves a leader instruction",
        "服務領導批示",
        "服务领导批示",
    ),
    "urgency.term.age": ("Age", "已等待", "已等待"),
    "urgency.detail.overdue": ("overdue", "已逾期", "已逾期"),
    "urgency.detail.working_days": (
        "{days} working days left",
        "還有{days}個工作日",
        "还有{days}个工作日",
    ),
    "urgency.detail.age": ("{days} days old", "{days}天", "{days}天"),
    "urgency.line": ("{term}: {points}", "{term}：{points}", "{term}：{points}"),
    "urgency.points.flat": ("{points}", "{points}", "{points}"),
    "urgency.points.scaled": (
        "{value} × {coefficient} = {points}",
        "{value} × {coefficient} = {points}",
        "{value} × {coefficient} = {points}",
    ),
    "urgency.total": ("Urgency {total}", "緊急度 {total}", "紧急度 {total}"),
    "urgency.config.unknown": (
        "unknown urgency setting “{name}”",
        "不認識的緊急度設定「{name}」",
        "不认识的紧急度设置“{name}”",
    ),
    "urgency.config.number": (
        "urgency setting “{name}” must be a number",
        "緊急度設定「{name}」必須是數字",
        "紧急度设置“{name}”必须是数字",
    ),
    "urgency.config.days": (
        "urgency setting “{name}” must be a whole number of days from 1 to 3650",
        "緊急度設定「{name}」必須是1到3650之間的整數天數",
        "紧急度设置“{name}”必须是1到3650之间的整数天数",
    ),
    "urgency.config.range": (
        "urgency setting “{name}” must be between -1000 and 1000",
        "緊急度設定「{name}」必須在-1000到1000之間",
        "紧急度设置“{name}”必须在-1000到1000之间",
    ),
}
