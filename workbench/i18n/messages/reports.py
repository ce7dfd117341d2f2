"""Reports: 情況通報, 辦理情況報告, 督辦台賬 and the daily briefing, and their commands.

Keys ending in `.one` are the English singular of the key without it; the Chinese texts of
both are the same.
"""

MESSAGES: dict[str, tuple[str, str, str]] = {
    # Words and numbers
    "report.date_time": ("{date}, {time}", "{date} {time}", "{date} {time}"),
    "report.period": ("{start} – {end}", "{start}至{end}", "{start}至{end}"),
    "report.section": ("{n}. {title}", "{n}、{title}", "{n}、{title}"),
    "report.item_number": ("({n}) ", "（{n}）", "（{n}）"),
    "report.colon": (": ", "：", "："),
    "report.list_separator": (", ", "、", "、"),
    "report.detail_separator": ("; ", "，", "，"),
    "report.text_cell": ("{label} {value}", "{label}{value}", "{label}{value}"),
    "report.points": ("{n} pts", "{n}個百分點", "{n}个百分点"),
    "report.times": ("{n} times", "{n}次", "{n}次"),
    "report.times.one": ("{n} time", "{n}次", "{n}次"),
    "report.confidential_mark": (" (confidential)", "（機要）", "（机要）"),
    "report.includes_confidential": (
        "Confidential instructions are included, each marked as such.",
        "本件含機要事項，已逐項標明（機要）。",
        "本件含机要事项，已逐项标明（机要）。",
    ),
    "report.no_owner": ("no owner named", "未明確承辦", "未明确承办"),
    "report.days_overdue": ("{n} days overdue", "已逾期{n}天", "已逾期{n}天"),
    "report.days_overdue.one": ("{n} day overdue", "已逾期{n}天", "已逾期{n}天"),
    "report.days_left": ("{n} days left", "還有{n}天", "还有{n}天"),
    "report.days_left.one": ("{n} day left", "還有{n}天", "还有{n}天"),
    "report.due_today": ("due today", "今天到期", "今天到期"),
    "report.light": ("{light} light", "{light}燈", "{light}灯"),
    "report.feedback_due": (
        "due: the agreed interval has passed",
        "已到約定的反饋週期，應向領導反饋進展",
        "已到约定的反馈周期，应向领导反馈进展",
    ),
    "report.no_feedback": ("none recorded", "尚無反饋", "尚无反馈"),
    # Changes since the previous period
    "report.delta.up": ("up {n}", "增加{n}件", "增加{n}件"),
    "report.delta.down": ("down {n}", "減少{n}件", "减少{n}件"),
    "report.delta.same": ("unchanged", "持平", "持平"),
    "report.delta.incomparable": ("not comparable", "無法比較", "无法比较"),
    "report.delta.points_up": ("up {n} points", "上升{n}個百分點", "上升{n}个百分点"),
    "report.delta.points_down": ("down {n} points", "下降{n}個百分點", "下降{n}个百分点"),
    # 情況通報
    "report.summary.title": (
        "Progress of Leader Instructions",
        "督辦事項辦理情況通報",
        "督办事项办理情况通报",
    ),
    "report.summary.title.leader": (
        "Instructions of {leader}: Progress Report",
        "{leader}批示事項辦理情況通報",
        "{leader}批示事项办理情况通报",
    ),
    "report.summary.title.owner": (
        "Instructions Handled by {owner}: Progress Report",
        "{owner}承辦事項辦理情況通報",
        "{owner}承办事项办理情况通报",
    ),
    "report.summary.subtitle": (
        "Period: {period}; as of {as_of}",
        "（{period}，截至{as_of}）",
        "（{period}，截至{as_of}）",
    ),
    "report.section.overview": ("Overview", "總體情況", "总体情况"),
    "report.section.done": ("Closed", "已辦結事項", "已办结事项"),
    "report.section.in_progress": ("In progress", "正在辦理事項", "正在办理事项"),
    "report.section.attention": (
        "Overdue and needing coordination",
        "逾期及需協調事項",
        "逾期及需协调事项",
    ),
    "report.section.next": ("Next steps", "下一步工作", "下一步工作"),
    "report.summary.overview": (
        "Under supervision in the period: {total} (new in the period: {new}). As of {as_of}: "
        "closed {done}, a completion rate of {completion_rate}; closed on time "
        "{on_time}{extended}, an on-time rate of {on_time_rate}; still being handled "
        "{in_progress}, of which overdue {overdue}; withdrawn {cancelled}.",
        "本期督辦事項共{total}件，其中本期新增{new}件。截至{as_of}，已辦結{done}件，辦結率"
        "{completion_rate}；其中按時辦結{on_time}件{extended}，按時辦結率"
        "{on_time_rate}。正在辦理{in_progress}件，其中逾期{overdue}件。已撤銷{cancelled}件。",
        "本期督办事项共{total}件，其中本期新增{new}件。截至{as_of}，已办结{done}件，办结率"
        "{completion_rate}；其中按时办结{on_time}件{extended}，按时办结率"
        "{on_time_rate}。正在办理{in_progress}件，其中逾期{overdue}件。已撤销{cancelled}件。",
    ),
    "report.summary.on_time_extended": (
        " (of which on time only after an extension: {extended})",
        "（含延期後按時辦結{extended}件）",
        "（含延期后按时办结{extended}件）",
    ),
    "report.rate.withdrawn_excluded": (
        "{rate} (the {cancelled} withdrawn not counted)",
        "{rate}（已撤銷的{cancelled}件不計）",
        "{rate}（已撤销的{cancelled}件不计）",
    ),
    "report.summary.change": (
        "Compared with the previous period ({period}): instructions {total}, closed {done}, "
        "overdue {overdue}; completion rate {completion_rate}, on-time rate {on_time_rate}.",
        "與上期（{period}）相比：督辦事項{total}，辦結{done}，逾期{overdue}；辦結率"
        "{completion_rate}，按時辦結率{on_time_rate}。",
        "与上期（{period}）相比：督办事项{total}，办结{done}，逾期{overdue}；办结率"
        "{completion_rate}，按时办结率{on_time_rate}。",
    ),
    "report.table.item": ("Item", "項目", "项目"),
    "report.table.this_period": ("This period", "本期", "本期"),
    "report.table.previous": ("Previous", "上期", "上期"),
    "report.table.change": ("Change", "增減", "增减"),
    "report.count.total": ("Instructions", "督辦事項總數", "督办事项总数"),
    "report.count.new": ("New", "本期新增", "本期新增"),
    "report.count.in_progress": ("Still being handled", "正在辦理", "正在办理"),
    "report.count.done": ("Closed", "已辦結", "已办结"),
    "report.count.done_on_time": ("Closed on time", "按時辦結", "按时办结"),
    "report.count.done_on_time_original": (
        "on time against the original deadline",
        "其中按原定時限辦結",
        "其中按原定时限办结",
    ),
    "report.count.done_on_time_extended": (
        "on time only after an extension",
        "其中延期後按時辦結",
        "其中延期后按时办结",
    ),
    "report.count.done_late": ("Closed late", "逾期辦結", "逾期办结"),
    "report.count.overdue": ("Overdue, not closed", "逾期未辦結", "逾期未办结"),
    "report.count.cancelled": ("Withdrawn", "已撤銷", "已撤销"),
    "report.count.completion_rate": ("Completion rate", "辦結率", "办结率"),
    "report.count.on_time_rate": ("On-time rate", "按時辦結率", "按时办结率"),
    "report.none.done": (
        "Nothing was closed in the period.",
        "本期無辦結事項。",
        "本期无办结事项。",
    ),
    "report.none.in_progress": (
        "Nothing is still being handled.",
        "無正在辦理的事項。",
        "无正在办理的事项。",
    ),
    "report.none.attention": (
        "Nothing is overdue, and no problems were raised in the period.",
        "無逾期事項，本期未反映需協調的問題。",
        "无逾期事项，本期未反映需协调的问题。",
    ),
    "report.field.leader": ("Leader", "批示領導", "批示领导"),
    "report.field.owner": ("Handled by", "承辦", "承办"),
    "report.field.co_handlers": ("With", "協辦", "协办"),
    "report.field.status": ("Status", "辦理狀態", "办理状态"),
    "report.field.deadline": ("Deadline", "辦理時限", "办理时限"),
    "report.field.original": ("Original deadline", "原定時限", "原定时限"),
    "report.field.extensions": ("Extensions", "延期", "延期"),
    "report.field.chases": ("Chases", "催辦", "催办"),
    "report.field.tasks": ("Tasks", "分解任務", "分解任务"),
    "report.field.closed": ("Closed on", "辦結日期", "办结日期"),
    "report.field.cancelled": ("Withdrawn on", "撤銷日期", "撤销日期"),
    "report.field.outcome": ("Timeliness", "辦理時效", "办理时效"),
    "report.field.final": ("Final report", "最終反饋", "最终反馈"),
    "report.field.latest": ("Latest progress", "最新進展", "最新进展"),
    "report.field.feedback_due": ("Report to the leader", "反饋提醒", "反馈提醒"),
    "report.tasks": (
        "{done} of {total} done",
        "已完成{done}項，共{total}項",
        "已完成{done}项，共{total}项",
    ),
    "report.outcome.on_time": ("on time", "按時辦結", "按时办结"),
    "report.outcome.no_deadline": (
        "on time (no deadline was set)",
        "按時辦結（未設時限）",
        "按时办结（未设时限）",
    ),
    "report.outcome.extended": (
        "on time after an extension (original deadline {original})",
        "延期後按時辦結（原定時限{original}）",
        "延期后按时办结（原定时限{original}）",
    ),
    "report.outcome.late": (
        "late (deadline {deadline})",
        "逾期辦結（時限{deadline}）",
        "逾期办结（时限{deadline}）",
    ),
    "report.deadline.open": (
        "{deadline} ({light}; {left})",
        "{deadline}（{light}，{left}）",
        "{deadline}（{light}，{left}）",
    ),
    "report.deadline.light": (
        "{deadline} ({light})",
        "{deadline}（{light}）",
        "{deadline}（{light}）",
    ),
    "report.deadline.none_light": (
        "no deadline ({light})",
        "未設時限（{light}）",
        "未设时限（{light}）",
    ),
    "report.deadline.none": ("no deadline", "未設時限", "未设时限"),
    "report.deadline.extended": (
        "; originally {original}, extensions: {n}",
        "；原定{original}，已延期{n}次",
        "；原定{original}，已延期{n}次",
    ),
    "report.quote.final": (
        "Final report ({date}, {channel})",
        "最終反饋（{date}，{channel}）",
        "最终反馈（{date}，{channel}）",
    ),
    "report.quote.latest": (
        "Latest progress ({date}, {channel}, {kind})",
        "最新進展（{date}，{channel}，{kind}）",
        "最新进展（{date}，{channel}，{kind}）",
    ),
    "report.quote.next_step": ("Agreed next step", "約定下一步", "约定下一步"),
    "report.quote.closing_note": ("Closing note", "辦結說明", "办结说明"),
    "report.quote.cancel_reason": ("Reason for withdrawal", "撤銷理由", "撤销理由"),
    "report.quote.problem": (
        "Problem raised ({date}, {channel})",
        "反映問題（{date}，{channel}）",
        "反映问题（{date}，{channel}）",
    ),
    "report.quote.open_problem": (
        "Problem awaiting coordination (raised {date})",
        "待協調解決的問題（{date}提出）",
        "待协调解决的问题（{date}提出）",
    ),
    "report.chase.none": ("not chased yet", "尚未催辦", "尚未催办"),
    "report.chase.count": (
        "{n} times, last on {date} ({level})",
        "已催辦{n}次，最近一次{date}（{level}）",
        "已催办{n}次，最近一次{date}（{level}）",
    ),
    "report.chase.count.one": (
        "{n} time, on {date} ({level})",
        "已催辦{n}次，最近一次{date}（{level}）",
        "已催办{n}次，最近一次{date}（{level}）",
    ),
    "report.owner_count": ("{owner} ({n})", "{owner}（{n}件）", "{owner}（{n}件）"),
    "report.owner_count.one": ("{owner} ({n})", "{owner}（{n}件）", "{owner}（{n}件）"),
    "report.lagging": (
        "Owners with the most overdue instructions: {owners}. They are asked to speed up "
        "until every one is closed.",
        "逾期事項較多的承辦單位：{owners}。請抓緊辦理，直至辦結銷號。",
        "逾期事项较多的承办单位：{owners}。请抓紧办理，直至办结销号。",
    ),
    "report.upcoming.intro": (
        "Deadlines from {start} to {end}:",
        "{start}至{end}到期的事項：",
        "{start}至{end}到期的事项：",
    ),
    "report.upcoming.none": (
        "No deadlines from {start} to {end}.",
        "{start}至{end}無到期事項。",
        "{start}至{end}无到期事项。",
    ),
    "report.upcoming.line": (
        "{deadline}: {content} (leader: {leader}; handled by: {owner})",
        "{deadline}：{content}（批示領導：{leader}；承辦：{owner}）",
        "{deadline}：{content}（批示领导：{leader}；承办：{owner}）",
    ),
    "report.upcoming.next": ("; next step: {step}", "；下一步：{step}", "；下一步：{step}"),
    "report.upcoming.chase": (
        "Keep chasing the {n} overdue instructions until they are closed.",
        "對{n}件逾期事項繼續跟蹤催辦，直至辦結銷號。",
        "对{n}件逾期事项继续跟踪催办，直至办结销号。",
    ),
    "report.upcoming.chase.one": (
        "Keep chasing the {n} overdue instruction until it is closed.",
        "對{n}件逾期事項繼續跟蹤催辦，直至辦結銷號。",
        "对{n}件逾期事项继续跟踪催办，直至办结销号。",
    ),
    # 辦理情況報告 (一事一文)
    "report.instr.title": (
        "Report on the Handling of “{content}”",
        "關於{content}辦理情況的報告",
        "关于{content}办理情况的报告",
    ),
    "report.instr.opening": (
        "The instruction given by {leader} on {issued}, “{content}”{source}, was received on "
        "{received}. Its handling is reported as follows:",
        "{leader}於{issued}批示的「{content}」{source}已於{received}收悉。現將辦理情況報告如下：",
        "{leader}于{issued}批示的“{content}”{source}已于{received}收悉。现将办理情况报告如下：",
    ),
    "report.instr.opening_undated": (
        "The instruction given by {leader}, “{content}”{source}, was received on {received}. "
        "Its handling is reported as follows:",
        "{leader}批示的「{content}」{source}已於{received}收悉。現將辦理情況報告如下：",
        "{leader}批示的“{content}”{source}已于{received}收悉。现将办理情况报告如下：",
    ),
    "report.instr.source": (" (source: {source})", "（來源：{source}）", "（来源：{source}）"),
    "report.instr.as_of": ("As of {date}.", "（情況截至{date}）", "（情况截至{date}）"),
    "report.section.process": ("How it was handled", "落實過程", "落实过程"),
    "report.section.basics": ("Basic facts", "基本情況", "基本情况"),
    "report.section.suggestions": ("Opinions and suggestions", "意見和建議", "意见和建议"),
    "report.none.process": ("Nothing has been recorded yet.", "尚無辦理記錄。", "尚无办理记录。"),
    "report.none.suggestions": ("None.", "暫無。", "暂无。"),
    "report.entry.feedback": (
        "{date}, report ({kind}, {channel})",
        "{date}，{channel}反饋（{kind}）",
        "{date}，{channel}反馈（{kind}）",
    ),
    "report.entry.extension": (
        "{date}, extension: the deadline moved from {old} to {new}; reason",
        "{date}，延期：辦理時限由{old}延至{new}，理由",
        "{date}，延期：办理时限由{old}延至{new}，理由",
    ),
    "report.entry.chase": (
        "{date}, chased ({level})",
        "{date}，催辦（{level}）",
        "{date}，催办（{level}）",
    ),
    "report.entry.chase_whom": (", to {whom}", "，對象：{whom}", "，对象：{whom}"),
    "report.entry.chase_channel": (
        ", channel: {channel}",
        "，方式：{channel}",
        "，方式：{channel}",
    ),
    "report.entry.closed": ("{date}, closed", "{date}，辦結", "{date}，办结"),
    "report.entry.cancelled": ("{date}, withdrawn", "{date}，撤銷", "{date}，撤销"),
    "report.extension.line": (
        "{date}: from {old} to {new} (reason: {reason})",
        "{date}申請延期，由{old}延至{new}（理由：{reason}）",
        "{date}申请延期，由{old}延至{new}（理由：{reason}）",
    ),
    # 督辦台賬
    "report.ledger.title": (
        "Ledger of Leader Instructions ({period})",
        "督辦台賬（{period}）",
        "督办台账（{period}）",
    ),
    "report.ledger.number": ("No.", "序號", "序号"),
    "report.ledger.leader": ("Leader", "批示領導", "批示领导"),
    "report.ledger.content": ("Matter", "事項", "事项"),
    "report.ledger.source": ("Source", "來源", "来源"),
    "report.ledger.owner": ("Handled by", "承辦", "承办"),
    "report.ledger.co_handlers": ("With", "協辦", "协办"),
    "report.ledger.deadline": ("Deadline", "時限", "时限"),
    "report.ledger.status": ("Status", "狀態", "状态"),
    "report.ledger.latest": ("Latest progress", "最新進展", "最新进展"),
    "report.ledger.remarks": ("Remarks", "備注", "备注"),
    "report.remark.extended": (
        "extended {n} times, originally {original}",
        "已延期{n}次，原定時限{original}",
        "已延期{n}次，原定时限{original}",
    ),
    "report.remark.extended.one": (
        "extended {n} time, originally {original}",
        "已延期{n}次，原定時限{original}",
        "已延期{n}次，原定时限{original}",
    ),
    "report.remark.overdue": ("{n} days overdue", "已逾期{n}天", "已逾期{n}天"),
    "report.remark.overdue.one": ("{n} day overdue", "已逾期{n}天", "已逾期{n}天"),
    "report.remark.closed_late": ("closed late", "逾期辦結", "逾期办结"),
    "report.remark.chased": ("chased {n} times", "催辦{n}次", "催办{n}次"),
    "report.remark.chased.one": ("chased {n} time", "催辦{n}次", "催办{n}次"),
    "report.remark.confidential": ("confidential", "機要", "机要"),
    "report.remark.separator": ("; ", "；", "；"),
    "report.sheet.ledger": ("Ledger", "督辦台賬", "督办台账"),
    "report.sheet.counts": ("Counts", "總體情況", "总体情况"),
    # The daily briefing
    "report.brief.title": (
        "Briefing for {weekday}, {date}",
        "今日簡報（{date}，{weekday}）",
        "今日简报（{date}，{weekday}）",
    ),
    "report.brief.nothing": (
        "Nothing is due or overdue, and no instruction needs attention.",
        "今天沒有到期或逾期的事項，也沒有需要關注的批示。",
        "今天没有到期或逾期的事项，也没有需要关注的批示。",
    ),
    "report.brief.overdue_tasks": (
        "Overdue tasks ({n}):",
        "逾期待辦（{n}項）：",
        "逾期待办（{n}项）：",
    ),
    "report.brief.overdue_tasks.one": (
        "Overdue task ({n}):",
        "逾期待辦（{n}項）：",
        "逾期待办（{n}项）：",
    ),
    "report.brief.today_tasks": ("Due today ({n}):", "今天到期（{n}項）：", "今天到期（{n}项）："),
    "report.brief.today_tasks.one": (
        "Due today ({n}):",
        "今天到期（{n}項）：",
        "今天到期（{n}项）：",
    ),
    "report.brief.red": (
        "Red: overdue instructions ({n}):",
        "紅燈批示（已逾期，{n}件）：",
        "红灯批示（已逾期，{n}件）：",
    ),
    "report.brief.red.one": (
        "Red: overdue instruction ({n}):",
        "紅燈批示（已逾期，{n}件）：",
        "红灯批示（已逾期，{n}件）：",
    ),
    "report.brief.yellow": (
        "Yellow: instructions near their deadline or owing a report ({n}):",
        "黃燈批示（臨近時限或應反饋，{n}件）：",
        "黄灯批示（临近时限或应反馈，{n}件）：",
    ),
    "report.brief.yellow.one": (
        "Yellow: instruction near its deadline or owing a report ({n}):",
        "黃燈批示（臨近時限或應反饋，{n}件）：",
        "黄灯批示（临近时限或应反馈，{n}件）：",
    ),
    "report.brief.feedback_due": (
        "Reports owed to leaders ({n}):",
        "應向領導反饋（{n}件）：",
        "应向领导反馈（{n}件）：",
    ),
    "report.brief.feedback_due.one": (
        "Report owed to a leader ({n}):",
        "應向領導反饋（{n}件）：",
        "应向领导反馈（{n}件）：",
    ),
    "report.brief.upcoming": (
        "Deadlines in the next three working days (to {until}):",
        "近三個工作日到期（至{until}）：",
        "近三个工作日到期（至{until}）：",
    ),
    "report.brief.upcoming_task": (
        "{due}, task: {title}",
        "{due}\u3000待辦：{title}",
        "{due}\u3000待办：{title}",
    ),
    "report.brief.upcoming_instruction": (
        "{due}, instruction: {title}",
        "{due}　批示：{title}",
        "{due}　批示：{title}",
    ),
    "report.brief.more": ("… and {n} more", "……另有{n}項", "……另有{n}项"),
    "report.brief.due": (" (due {due})", "（{due}到期）", "（{due}到期）"),
    "report.brief.owner": ("handled by {owner}", "承辦：{owner}", "承办：{owner}"),
    "report.brief.details": (" ({details})", "（{details}）", "（{details}）"),
    # Files
    "report.file.summary": ("summary", "辦理情況匯總", "办理情况汇总"),
    "report.file.ledger": ("ledger", "督辦台賬", "督办台账"),
    "report.file.instruction": ("report", "辦理情況報告", "办理情况报告"),
    "report.error.exists": (
        "{file} already exists and was left as it is; choose another name with -o, or add "
        "--overwrite.",
        "{file} 已存在，未作改動；請用 -o 指定其他檔名，或加上 --overwrite 覆蓋。",
        "{file} 已存在，未作改动；请用 -o 指定其他文件名，或加上 --overwrite 覆盖。",
    ),
    "report.error.write": (
        "Cannot write {file}: {problem}",
        "無法寫入 {file}：{problem}",
        "无法写入 {file}：{problem}",
    ),
    "report.error.confidential": (
        "Instruction {id} is confidential; add --include-confidential to report on it.",
        "批示 {id} 屬機要事項；如需出具報告，請加上 --include-confidential。",
        "批示 {id} 属机要事项；如需出具报告，请加上 --include-confidential。",
    ),
    "report.error.xlsx_instruction": (
        "The Excel ledger covers a period; for one instruction use md, text, json or docx.",
        "Excel 台賬按期間生成；單項批示請用 md、text、json 或 docx。",
        "Excel 台账按期间生成；单项批示请用 md、text、json 或 docx。",
    ),
    "report.error.one_period": (
        "Choose one period: --week, --last-week, --month, --last-month, or --from/--to.",
        "請只選一個期間：--week、--last-week、--month、--last-month 或 --from/--to。",
        "请只选一个期间：--week、--last-week、--month、--last-month 或 --from/--to。",
    ),
    "report.error.to_without_from": (
        "--to needs --from.",
        "使用 --to 時須同時指定 --from。",
        "使用 --to 时须同时指定 --from。",
    ),
    "report.error.range": (
        "The period ends ({end}) before it starts ({start}).",
        "期間的結束日（{end}）早於開始日（{start}）。",
        "期间的结束日（{end}）早于开始日（{start}）。",
    ),
    "report.error.leader_and_owner": (
        "Give either --leader or --owner, not both.",
        "--leader 與 --owner 只能擇一。",
        "--leader 与 --owner 只能择一。",
    ),
    # The commands
    "report.cli.summary": (
        "Report on instructions: a period's summary (情況通報), one instruction's report "
        "(--instruction), or the ledger (--format xlsx).",
        "督辦報告：期間的辦理情況通報、單項批示的辦理情況報告（--instruction），"
        "或督辦台賬（--format xlsx）。",
        "督办报告：期间的办理情况通报、单项批示的办理情况报告（--instruction），"
        "或督办台账（--format xlsx）。",
    ),
    "report.cli.week": (
        "This week (Monday to Sunday).",
        "本週（週一至週日）。",
        "本周（周一至周日）。",
    ),
    "report.cli.last_week": ("Last week.", "上週。", "上周。"),
    "report.cli.month": ("This month (the default).", "本月（預設）。", "本月（默认）。"),
    "report.cli.last_month": ("Last month.", "上月。", "上月。"),
    "report.cli.from": (
        "First day of the period (2026-11-01, or words such as 上週一).",
        "期間的第一天（2026-11-01，或如「上週一」）。",
        "期间的第一天（2026-11-01，或如“上周一”）。",
    ),
    "report.cli.to": (
        "Last day of the period (default: today).",
        "期間的最後一天（預設為今天）。",
        "期间的最后一天（默认为今天）。",
    ),
    "report.cli.leader": (
        "Only this leader's instructions.",
        "只含這位領導的批示。",
        "只含这位领导的批示。",
    ),
    "report.cli.owner": (
        "Only what this owner handles.",
        "只含此承辦人（單位）的事項。",
        "只含此承办人（单位）的事项。",
    ),
    "report.cli.instruction": (
        "Report on one instruction (辦理情況報告) instead of a period.",
        "改為出具單項批示的辦理情況報告。",
        "改为出具单项批示的办理情况报告。",
    ),
    "report.cli.include_confidential": (
        "Include confidential (機要) instructions, marked as such.",
        "包括機要事項（並逐項標明）。",
        "包括机要事项（并逐项标明）。",
    ),
    "report.cli.format": (
        "md, text (for pasting into a message), json, docx (Word) or xlsx (the ledger).",
        "md、text（可直接貼到訊息）、json、docx（Word）或 xlsx（督辦台賬）。",
        "md、text（可直接粘贴到消息）、json、docx（Word）或 xlsx（督办台账）。",
    ),
    "report.cli.output": (
        "Write to this file (docx and xlsx default to a file named after the period here).",
        "寫入此檔案（docx 與 xlsx 預設在目前資料夾以期間命名）。",
        "写入此文件（docx 与 xlsx 默认在当前文件夹以期间命名）。",
    ),
    "report.cli.overwrite": (
        "Replace the file if it exists.",
        "檔案已存在時覆蓋。",
        "文件已存在时覆盖。",
    ),
    "report.cli.brief": (
        "Today's briefing: due and overdue tasks, red and yellow instructions, reports owed, "
        "deadlines in the next three working days.",
        "今日簡報：到期及逾期的待辦、紅黃燈批示、應反饋事項、近三個工作日的期限。",
        "今日简报：到期及逾期的待办、红黄灯批示、应反馈事项、近三个工作日的期限。",
    ),
    "report.cli.json": ("Print JSON.", "以 JSON 輸出。", "以 JSON 输出。"),
    "report.cli.written": ("Written to {path}", "已寫入 {path}", "已写入 {path}"),
}
