"""Words of the safeguards: the demo kept apart, previews, confirmations, the operator."""

ZH = {
    "safety.demo_refused": (
        "数据库 {where} 里已有正式数据（不是演示库），演示不会覆盖它。"
        "不加 --db、不设 ROSTER_DB 运行 roster-tui demo，演示会放在自己的库里。"
    ),
    "safety.demo_own_refused": (
        "演示库 {where} 里是导入的正式数据（或旧版演示生成、未作标记的数据），演示不会覆盖它。"
        "如果确实不再需要，请先自行删除这个文件。"
    ),
    "safety.demo_where": (
        "演示库：{path}（与正式数据分开）。导入自己的街道之前，"
        "roster-tui、check、export 等命令都打开这个演示库。"
    ),
    "safety.using_demo": "还没有导入正式数据，正在使用演示库：{path}",
    "safety.day.mon": "周一",
    "safety.day.tue": "周二",
    "safety.day.wed": "周三",
    "safety.day.thu": "周四",
    "safety.day.fri": "周五",
    "safety.day.sat": "周六",
    "safety.day.sun": "周日",
    "safety.days.daily": "每天",
    "safety.days.weekend": "周末",
    "safety.days.range": "{first}至{last}",
    "safety.days.separator": "、",
    "safety.confirm.hint": "y 确定  Esc 取消",
    "safety.swap.pending": "换班进行中：{person}（{where}）。移到另一格按 s 完成，Esc 取消",
    "safety.swap.cancelled": "已取消换班。",
    "safety.swap.title": "跨卡点换班，确定吗？",
    "safety.swap.line": "{person}：{first} 换到 {second}",
    "safety.swap.other_post": "两个班次不在同一卡点（或不在同一社区）。",
    "safety.past.title": "这个班次已经开始或已过去，确定更正吗？",
    "safety.past.line": "已开始：{where}",
    "safety.past.hint": "更正用于记录实际到岗的人；操作记录会注明这是对已过班次的更正。",
    "safety.past.mark": "【更正已过班次】{summary}",
    "safety.copy.title": "复制到整周：将修改 {count} 个班次",
    "safety.copy.who": "把 {where} 的 {people} 复制到本周其他日子",
    "safety.copy.days": "写入 {count} 天：{days}",
    "safety.copy.kept": "已开始的 {count} 天不改：{days}",
    "safety.copy.nothing": "本周其余的班次都已开始，没有可复制的日子。",
    "safety.preview.gaps": "新增缺口 {count} 处",
    "safety.preview.more": "  另有 {count} 处",
    "safety.preview.closed": "补上缺口 {count} 处",
    "safety.preview.window": "影响范围：{first} 至 {last}",
    "safety.preview.person": "班次 {shifts} 个，包保 {duties} 处，照料隔离户 {households} 户",
    "safety.deactivate.title": "停用 {person}？",
    "safety.leave.title": "为 {person} 登记请假？",
    "safety.leave.when": "请假：{start} 至 {end}",
    "safety.release.title": "解除隔离：{household}？",
    "safety.release.when": "从 {day} 起不再隔离，也不再需要照料",
    "safety.release.carer": "照料人：{person}",
    "safety.export.title": "文件已存在，替换吗？",
    "safety.export.exists": "{path} 已经存在，替换后原内容会丢失。不想替换就按 Esc 改个名字。",
    "safety.operator.ask": "这个账号有多个终端在用。请选择正在这台终端操作的人（Esc 跳过）",
    "safety.operator.now": "操作人：{person}。撤销只撤销本终端此人的操作。",
    "safety.form.fix": "有 {count} 处需要修改，见各栏下方的提示；已填的内容都还在。",
    "safety.phone.bad": "号码不对：手机为 1 开头的 11 位数字，座机要带区号，如 0371-68123456",
}

EN = {
    "safety.demo_refused": (
        "The database {where} holds real data (not a demo database); "
        "the demo will not overwrite it. "
        "Run roster-tui demo without --db or ROSTER_DB and it keeps to a database of its own."
    ),
    "safety.demo_own_refused": (
        "The demo database {where} holds imported data (or an older, unmarked demo); the demo "
        "will not overwrite it. If you no longer need it, delete that file first."
    ),
    "safety.demo_where": (
        "Demo database: {path} (kept apart from real data). Until you import your own "
        "sub-district, roster-tui, check, export and the other commands open this demo."
    ),
    "safety.using_demo": "No real data imported yet; using the demo database: {path}",
    "safety.day.mon": "mon",
    "safety.day.tue": "tue",
    "safety.day.wed": "wed",
    "safety.day.thu": "thu",
    "safety.day.fri": "fri",
    "safety.day.sat": "sat",
    "safety.day.sun": "sun",
    "safety.days.daily": "daily",
    "safety.days.weekend": "sat,sun",
    "safety.days.range": "{first}-{last}",
    "safety.days.separator": ",",
    "safety.confirm.hint": "y go ahead  Esc cancel",
    "safety.swap.pending": "Swap under way: {person} ({where}) -> move to a cell, s; Esc cancels",
    "safety.swap.cancelled": "Swap cancelled.",
    "safety.swap.title": "Swap across posts?",
    "safety.swap.line": "{person}: {first} -> {second}",
    "safety.swap.other_post": "The two shifts are at different posts (or communities).",
    "safety.past.title": "This shift has started or is over. Correct it?",
    "safety.past.line": "Started: {where}",
    "safety.past.hint": "Corrections record who really came; the history marks them as such.",
    "safety.past.mark": "[correction of a past shift] {summary}",
    "safety.copy.title": "Copy to the week: {count} shifts change",
    "safety.copy.who": "{people} of {where} onto the other days of the week",
    "safety.copy.days": "Written on {count} days: {days}",
    "safety.copy.kept": "Started, left as they are ({count}): {days}",
    "safety.copy.nothing": "Every other shift of the week has started; nothing to copy to.",
    "safety.preview.gaps": "New gaps: {count}",
    "safety.preview.more": "  and {count} more",
    "safety.preview.closed": "Gaps closed: {count}",
    "safety.preview.window": "Looking at {first} to {last}",
    "safety.preview.person": "{shifts} shifts, {duties} duties, {households} households in care",
    "safety.deactivate.title": "Deactivate {person}?",
    "safety.leave.title": "Record leave for {person}?",
    "safety.leave.when": "Leave: {start} to {end}",
    "safety.release.title": "Release {household}?",
    "safety.release.when": "Out of quarantine from {day}, and no longer cared for",
    "safety.release.carer": "Carer: {person}",
    "safety.export.title": "The file exists. Replace it?",
    "safety.export.exists": "{path} exists; replacing it loses what it holds. Esc to rename.",
    "safety.operator.ask": "This login works at several terminals. Who is here? (Esc skips)",
    "safety.operator.now": "Working here: {person}. Undo takes back only their actions.",
    "safety.form.fix": "{count} to fix, see the note under each field; what you typed is kept.",
    "safety.phone.bad": "Not a number: a mobile is 11 digits from 1, a landline has its area code",
}
