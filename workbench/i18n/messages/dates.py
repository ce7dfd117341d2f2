"""Dates: parse errors, names of days and months, dates in words, repetitions, quick-add."""


def _ordinal(n: int) -> str:
    """1st 2nd 3rd 4th … 11th 12th 13th … 21st 22nd 23rd … 31st."""
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


_WEEKDAYS = (
    ("Monday", "Mon", "一"),
    ("Tuesday", "Tue", "二"),
    ("Wednesday", "Wed", "三"),
    ("Thursday", "Thu", "四"),
    ("Friday", "Fri", "五"),
    ("Saturday", "Sat", "六"),
    ("Sunday", "Sun", "日"),
)
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_CN_ORDINALS = ("一", "二", "三", "四", "五")
_EN_ORDINALS = ("first", "second", "third", "fourth", "fifth")

MESSAGES: dict[str, tuple[str, str, str]] = {
    # --- parse errors (placeholders: phrase = the whole input, unknown = the part at fault)
    "dates.err.empty": ("No date was given.", "沒有輸入日期。", "没有输入日期。"),
    "dates.err.unknown": (
        'Could not understand "{phrase}" as a date: "{unknown}" was not understood',
        "無法把「{phrase}」理解為日期：看不懂「{unknown}」",
        "无法把“{phrase}”理解为日期：看不懂“{unknown}”",
    ),
    "dates.err.weekday": (
        'Could not understand "{phrase}" as a date: "{unknown}" is not a weekday',
        "無法把「{phrase}」理解為日期：「{unknown}」不是星期幾",
        "无法把“{phrase}”理解为日期：“{unknown}”不是星期几",
    ),
    "dates.err.no_such_date": (
        'Could not understand "{phrase}" as a date: there is no such day as "{unknown}"',
        "無法把「{phrase}」理解為日期：沒有「{unknown}」這一天",
        "无法把“{phrase}”理解为日期：没有“{unknown}”这一天",
    ),
    "dates.err.bad_time": (
        'Could not understand "{phrase}" as a date: "{unknown}" is not a time of day',
        "無法把「{phrase}」理解為日期：「{unknown}」不是有效的鐘點",
        "无法把“{phrase}”理解为日期：“{unknown}”不是有效的钟点",
    ),
    "dates.err.needs_hour": (
        'Could not understand "{phrase}" as a date: "{unknown}" needs an hour (e.g. 凌晨2點)',
        "無法把「{phrase}」理解為日期：「{unknown}」要寫明幾點（例如 凌晨2點）",
        "无法把“{phrase}”理解为日期：“{unknown}”要写明几点（例如 凌晨2点）",
    ),
    "dates.err.lunar": (
        '"{unknown}" is a lunar-calendar date; please give the Gregorian date (e.g. 2月17日)',
        "「{unknown}」是農曆日期，請改用公曆日期（例如 2月17日）",
        "“{unknown}”是农历日期，请改用公历日期（例如 2月17日）",
    ),
    "dates.err.festival": (
        '"{unknown}" is counted from the public holidays of your region, which has no such'
        ' festival (set it in the config file: region = "CN", "TW", "HK" …)',
        "「{unknown}」要按地區的公眾假期推算，但設定的地區沒有這個節日"
        "（在設定檔寫 region = \"CN\"、\"TW\"、\"HK\" 等）",
        "“{unknown}”要按地区的公众假期推算，但设定的地区没有这个节日"
        "（在配置文件写 region = \"CN\"、\"TW\"、\"HK\" 等）",
    ),
    "dates.err.no_region": (
        '"{unknown}" is counted from the public holidays of your region, and none is set'
        ' (set it in the config file: region = "CN", "TW", "HK" …)',
        "「{unknown}」要按地區的公眾假期推算，但尚未設定地區"
        "（在設定檔寫 region = \"CN\"、\"TW\"、\"HK\" 等）",
        "“{unknown}”要按地区的公众假期推算，但尚未设定地区"
        "（在配置文件写 region = \"CN\"、\"TW\"、\"HK\" 等）",
    ),
    "dates.err.conflict": (
        'Could not understand "{phrase}" as a date: "{unknown}" contradicts the rest',
        "無法把「{phrase}」理解為日期：「{unknown}」與前文矛盾",
        "无法把“{phrase}”理解为日期：“{unknown}”与前文矛盾",
    ),
    "dates.err.weekday_mismatch": (
        'Could not understand "{phrase}" as a date: {date} is a {weekday}, not "{unknown}"',
        "無法把「{phrase}」理解為日期：{date} 是{weekday}，不是「{unknown}」",
        "无法把“{phrase}”理解为日期：{date} 是{weekday}，不是“{unknown}”",
    ),
    "dates.err.out_of_range": (
        'Could not understand "{phrase}" as a date: "{unknown}" is too far away',
        "無法把「{phrase}」理解為日期：「{unknown}」超出了可用的範圍",
        "无法把“{phrase}”理解为日期：“{unknown}”超出了可用的范围",
    ),
    "dates.err.too_long": (
        'A date is at most {limit} characters long; "{unknown}" is longer',
        "日期最多 {limit} 個字；「{unknown}」太長了",
        "日期最多 {limit} 个字；“{unknown}”太长了",
    ),
    "dates.err.repeats": (
        '"{phrase}" is a repetition; a single date is needed here',
        "「{phrase}」是重複的週期，這裏需要一個具體日期",
        "“{phrase}”是重复的周期，这里需要一个具体日期",
    ),
    "dates.err.not_repeating": (
        '"{phrase}" does not repeat; start a repetition with "every" or 每 (every monday, 每週一)',
        "「{phrase}」不是重複的週期；請以「每」開頭（例如 每週一、every monday）",
        "“{phrase}”不是重复的周期；请以“每”开头（例如 每周一、every monday）",
    ),
    "dates.err.midnight_rule": (
        '"{unknown}" falls on the next day; write the repetition for that day at 00:00',
        "「{unknown}」已是次日；請寫成次日的 0點",
        "“{unknown}”已是次日；请写成次日的 0点",
    ),
    "dates.err.rule": (
        'The repetition rule "{unknown}" cannot be read',
        "無法讀取重複規則「{unknown}」",
        "无法读取重复规则“{unknown}”",
    ),
    "dates.err.rule_ended": (
        'The repetition rule "{unknown}" has no further date',
        "重複規則「{unknown}」已沒有下一次",
        "重复规则“{unknown}”已没有下一次",
    ),
    # --- names
    **{
        f"dates.weekday.{i}": (full, f"星期{cn}", f"星期{cn}")
        for i, (full, _, cn) in enumerate(_WEEKDAYS)
    },
    **{
        f"dates.weekday_short.{i}": (short, f"週{cn}", f"周{cn}")
        for i, (_, short, cn) in enumerate(_WEEKDAYS)
    },
    **{
        f"dates.recur_weekday.{i}": (full, f"週{cn}", f"周{cn}")
        for i, (full, _, cn) in enumerate(_WEEKDAYS)
    },
    **{f"dates.month.{i}": (name, f"{i}月", f"{i}月") for i, name in enumerate(_MONTHS, 1)},
    **{
        f"dates.month_short.{i}": (name[:3], f"{i}月", f"{i}月")
        for i, name in enumerate(_MONTHS, 1)
    },
    **{f"dates.monthday.{d}": (_ordinal(d), f"{d}日", f"{d}日") for d in range(1, 32)},
    **{
        f"dates.nth.{n}": (en, f"第{cn}個", f"第{cn}个")
        for n, (en, cn) in enumerate(zip(_EN_ORDINALS, _CN_ORDINALS, strict=True), 1)
    },
    "dates.nth.-1": ("last", "最後一個", "最后一个"),
    # --- dates in words (month is a name in English, "12月" in Chinese)
    "dates.date_long": ("{day} {month} {year}", "{year}年{month}{day}日", "{year}年{month}{day}日"),
    "dates.date_short": ("{day} {month}", "{month}{day}日", "{month}{day}日"),
    "dates.when_all_day": (
        "{weekday} {date} (all day)",
        "{date} {weekday}（全天）",
        "{date} {weekday}（全天）",
    ),
    "dates.when_day": ("{weekday} {date}", "{date} {weekday}", "{date} {weekday}"),
    "dates.when_time": (
        "{weekday} {date}, {time}",
        "{date} {weekday} {time}",
        "{date} {weekday} {time}",
    ),
    # --- the due column (at most 12 terminal cells)
    "dates.due.today": ("today", "今天", "今天"),
    "dates.due.tomorrow": ("tomorrow", "明天", "明天"),
    "dates.due.day_after": ("in 2 days", "後天", "后天"),
    "dates.due.next_week": ("next {weekday}", "下{weekday}", "下{weekday}"),
    "dates.due.with_time": ("{day} {time}", "{day} {time}", "{day} {time}"),
    "dates.due.overdue_minutes": ("{n}m overdue", "逾期{n}分鐘", "逾期{n}分钟"),
    "dates.due.overdue_hours": ("{n}h overdue", "逾期{n}小時", "逾期{n}小时"),
    "dates.due.overdue_days": ("{n}d overdue", "逾期{n}天", "逾期{n}天"),
    "dates.due.overdue_years": ("{n}y overdue", "逾期{n}年", "逾期{n}年"),
    "dates.due.overdue": ("overdue", "逾期", "逾期"),
    # --- days left, age
    "dates.days_left.one": ("1 day left", "還剩1天", "还剩1天"),
    "dates.days_left.other": ("{n} days left", "還剩{n}天", "还剩{n}天"),
    "dates.days_left.zero": ("due today", "今天到期", "今天到期"),
    "dates.days_overdue.one": ("1 day overdue", "逾期1天", "逾期1天"),
    "dates.days_overdue.other": ("{n} days overdue", "逾期{n}天", "逾期{n}天"),
    "dates.age.today": ("today", "今天", "今天"),
    "dates.age.yesterday": ("yesterday", "昨天", "昨天"),
    "dates.age.days": ("{n} days ago", "{n}天前", "{n}天前"),
    "dates.age.weeks.one": ("1 week ago", "1週前", "1周前"),
    "dates.age.weeks.other": ("{n} weeks ago", "{n}週前", "{n}周前"),
    "dates.age.months.one": ("1 month ago", "1個月前", "1个月前"),
    "dates.age.months.other": ("{n} months ago", "{n}個月前", "{n}个月前"),
    "dates.age.years.one": ("1 year ago", "1年前", "1年前"),
    "dates.age.years.other": ("{n} years ago", "{n}年前", "{n}年前"),
    # --- repetitions in words
    "dates.list.sep": (", ", "、", "、"),
    "dates.list.last": ("{head} and {last}", "{head}、{last}", "{head}、{last}"),
    "dates.recur.daily": ("every day", "每天", "每天"),
    "dates.recur.every_n_days": ("every {n} days", "每{n}天", "每{n}天"),
    "dates.recur.weekly": ("every week", "每週", "每周"),
    "dates.recur.every_n_weeks": ("every {n} weeks", "每{n}週", "每{n}周"),
    "dates.recur.weekly_on": ("every {days}", "每{days}", "每{days}"),
    "dates.recur.every_n_weeks_on": (
        "every {n} weeks on {days}",
        "每{n}週的{days}",
        "每{n}周的{days}",
    ),
    "dates.recur.working_days": ("every working day", "每個工作日", "每个工作日"),
    "dates.recur.weekdays": ("every weekday (Monday to Friday)", "每週一至週五", "每周一至周五"),
    "dates.recur.monthly": ("every month", "每月", "每月"),
    "dates.recur.every_n_months": ("every {n} months", "每{n}個月", "每{n}个月"),
    "dates.recur.monthly_on": ("every month on the {days}", "每月{days}", "每月{days}"),
    "dates.recur.every_n_months_on": (
        "every {n} months on the {days}",
        "每{n}個月的{days}",
        "每{n}个月的{days}",
    ),
    "dates.recur.last_day": ("last day", "最後一天", "最后一天"),
    "dates.recur.nth_weekday": ("{nth} {weekday}", "{nth}{weekday}", "{nth}{weekday}"),
    "dates.recur.yearly": ("every year", "每年", "每年"),
    "dates.recur.every_n_years": ("every {n} years", "每{n}年", "每{n}年"),
    "dates.recur.yearly_on": ("every year on {days}", "每年{days}", "每年{days}"),
    "dates.recur.every_n_years_on": (
        "every {n} years on {days}",
        "每{n}年的{days}",
        "每{n}年的{days}",
    ),
    "dates.recur.month_end_of": ("the last day of {month}", "{month}最後一天", "{month}最后一天"),
    "dates.recur.at_time": ("{rule} at {time}", "{rule} {time}", "{rule} {time}"),
    "dates.recur.working_days_only": (
        "{rule}, working days only",
        "{rule}（僅限工作日）",
        "{rule}（仅限工作日）",
    ),
    "dates.recur.count": ("{rule}, {n} times", "{rule}，共{n}次", "{rule}，共{n}次"),
    "dates.recur.until": ("{rule}, until {date}", "{rule}，至{date}止", "{rule}，至{date}止"),
    "dates.recur.custom": ("repeats: {rule}", "重複：{rule}", "重复：{rule}"),
    # --- quick-add
    "quickadd.help.syntax": (
        "Type the title, then any of: a date (明天下午3點, 週五前, next friday 3pm, "
        "due:2026-12-01, due:\"next friday 3pm\"); a repetition (每週一, every monday 9am); "
        "!重 !輕 !急 !密 (important, minor, urgent, confidential; !! = important and urgent); "
        "#tag (#辦文 #辦事 #辦會 also set the category); @辦文 @辦事 @辦會 @其他 (category only).",
        "先寫標題，再加上以下任意幾項：日期（明天下午3點、週五前、next friday 3pm、"
        "due:2026-12-01、due:\"下週五 下午3點\"）；週期（每週一、每天上午9點）；"
        "!重 !輕 !急 !密（重要、次要、緊急、機要；!! 即重要且緊急）；"
        "#標籤（#辦文 #辦事 #辦會 同時設定類別）；@辦文 @辦事 @辦會 @其他（只設類別）。",
        "先写标题，再加上以下任意几项：日期（明天下午3点、周五前、next friday 3pm、"
        "due:2026-12-01、due:\"下周五 下午3点\"）；周期（每周一、每天上午9点）；"
        "!重 !轻 !急 !密（重要、次要、紧急、机要；!! 即重要且紧急）；"
        "#标签（#办文 #办事 #办会 同时设定类别）；@办文 @办事 @办会 @其他（只设类别）。",
    ),
    "quickadd.help.escape": (
        'To keep a word that looks like a date or a marker as title text, put it in double '
        'quotes ("明天", “明天”) or start it with a backslash (\\明天, \\#1, \\!重).',
        "要讓看似日期或標記的字詞留在標題裏，請加上雙引號（\"明天\"、“明天”），"
        "或在前面加反斜線（\\明天、\\#1、\\!重）。",
        "要让看似日期或标记的字词留在标题里，请加上双引号（\"明天\"、“明天”），"
        "或在前面加反斜线（\\明天、\\#1、\\!重）。",
    ),
    "quickadd.err.empty_title": (
        "The task needs a title; only markers or a date were given.",
        "待辦事項需要標題；目前只有標記或日期。",
        "待办事项需要标题；目前只有标记或日期。",
    ),
    "quickadd.err.title_too_long": (
        "The title is {length} characters long; at most {limit} are allowed.",
        "標題有 {length} 個字，最多只能 {limit} 個字。",
        "标题有 {length} 个字，最多只能 {limit} 个字。",
    ),
    "quickadd.err.too_long": (
        "The line is {length} characters long; at most {limit} are allowed.",
        "這一行有 {length} 個字，最多只能 {limit} 個字。",
        "这一行有 {length} 个字，最多只能 {limit} 个字。",
    ),
    "quickadd.err.unknown_marker": (
        'Unknown marker "{marker}". Known: !重 !輕 !普通 !急 !重急 !! !密 '
        "(or !high !low !normal !urgent !confidential). To keep it as text, write \\{marker}",
        "不認識的標記「{marker}」。可用：!重 !輕 !普通 !急 !重急 !! !密。"
        "如要當作文字，請寫成 \\{marker}",
        "不认识的标记“{marker}”。可用：!重 !轻 !普通 !急 !重急 !! !密。"
        "如要当作文字，请写成 \\{marker}",
    ),
    "quickadd.err.unknown_category": (
        'Unknown category "{marker}". Known: @辦文 @辦事 @辦會 @其他 '
        "(or @doc @affair @meeting @other). To keep it as text, write \\{marker}",
        "不認識的類別「{marker}」。可用：@辦文 @辦事 @辦會 @其他。如要當作文字，請寫成 \\{marker}",
        "不认识的类别“{marker}”。可用：@办文 @办事 @办会 @其他。如要当作文字，请写成 \\{marker}",
    ),
    "quickadd.err.two_categories": (
        'Two categories in one line: "{first}" and "{second}"; keep one.',
        "一行裏有兩個類別：「{first}」和「{second}」，請只保留一個。",
        "一行里有两个类别：“{first}”和“{second}”，请只保留一个。",
    ),
    "quickadd.err.two_dates": (
        'Two dates in one line: "{first}" and "{second}". Keep one, or put the other in '
        'double quotes to keep it in the title.',
        "一行裏有兩個日期：「{first}」和「{second}」。請只保留一個，或把另一個加上雙引號留在標題裏。",
        "一行里有两个日期：“{first}”和“{second}”。请只保留一个，或把另一个加上双引号留在标题里。",
    ),
    "quickadd.err.due_empty": (
        'Write the date right after "due:" (due:明天, due:"next friday 3pm").',
        "請在「due:」後面直接寫日期（due:明天、due:\"下週五 下午3點\"）。",
        "请在“due:”后面直接写日期（due:明天、due:\"下周五 下午3点\"）。",
    ),
}
