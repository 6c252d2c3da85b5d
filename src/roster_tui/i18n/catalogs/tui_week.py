"""The week roster screen and the person picker."""

ZH = {
    "tui.week.title": "{week}  {first} 至 {last}  {gaps}",
    "tui.week.gaps": "本周缺口 {count} 处",
    "tui.week.gaps.one": "本周缺口 {count} 处",
    "tui.week.gaps.filtered": "本周缺口 {count} 处（筛选后）",
    "tui.week.gaps.filtered.one": "本周缺口 {count} 处（筛选后）",
    "tui.week.post": "卡点 / 班次",
    "tui.week.short": "缺{n}人",
    "tui.week.today": "今天",
    "tui.week.no_role": "缺党员",
    "tui.week.assign": "安排人员",
    "tui.week.remove": "移出",
    "tui.week.replace": "换人",
    "tui.week.swap": "换班",
    "tui.week.copy": "复制到整周",
    "tui.week.next_gap": "下个缺口",
    "tui.week.prev": "上一周",
    "tui.week.next": "下一周",
    "tui.week.filter": "筛选",
    "tui.week.clear_filter": "清除筛选",
    "tui.week.filter_hint": "按 / 筛选：社区、楼院、卡点或人名（支持拼音首字母），回车确定",
    "tui.week.filter_on": "筛选：{query}（按 / 修改，Esc 清除）",
    "tui.week.empty.no_match": "没有卡点或人员符合「{query}」。按 / 修改筛选，Esc 清除。",
    "tui.week.empty.no_match.scope": (
        "{scope}没有卡点或人员符合「{query}」。按 / 修改筛选，Esc 清除，g 换范围。"
    ),
    "tui.week.empty.no_posts": "还没有卡点。到「楼院」页（5）添加卡点。",
    "tui.week.empty.no_posts.scope": (
        "{scope}还没有卡点。按 g 换范围，或到「楼院」页（5）添加卡点。"
    ),
    "tui.week.empty.no_shifts": "这一周没有班次。按 [ ] 换周，或到「楼院」页（5）给卡点设班次。",
    "tui.week.empty.no_shifts.scope": (
        "{scope}这一周没有班次。按 [ ] 换周，g 换范围，或到「楼院」页（5）给卡点设班次。"
    ),
    "tui.week.cell_hint": (
        "方向键移动，a 安排人员，d 移出，r 换人，s 换班，c 复制到整周，n 下一个缺口\n"
        "标记：缺N人 缺员；缺党员 没有党员在岗；!姓名 不能到岗；姓名* 时间冲突或休息不足"
    ),
    "tui.week.need": "需 {need} 人，实到 {have} 人",
    "tui.week.on_shift": "：{people}",
    "tui.week.on_shift.wrapped": "：\n{people}",
    "tui.week.on_shift.person": "{mark}{name}（{pid}）",
    "tui.week.on_shift.separator": "、",
    "tui.week.namesake": "{name}{tail}",  # a cell has room for 张伟 and four digits, no more
    "tui.week.no_gaps": "本周没有排班缺口。",
    "tui.week.assign_title": "安排到：{where}",
    "tui.week.remove_title": "移出哪一位？",
    "tui.week.replace_title": "换掉哪一位？",
    "tui.week.replace_with": "由谁替换 {person}：{where}",
    "tui.week.swap_title": "换班：选择人员",
    "tui.week.swap_next": "已选好第一位。移到另一格，再按 s 选择与之换班的人。",
    "tui.week.empty_cell": "这一格还没有人。",
    "tui.picker.search": "输入姓名、拼音首字母（如 zw）或手机尾号",
    "tui.picker.hint": "回车选定，下箭头进入列表，Esc 取消",
    "tui.picker.hint_ranked": "回车选定，Esc 取消，灰色为不可安排（括号内为原因）",
    "tui.picker.nobody": "没有找到匹配的人员。",
    "tui.picker.to_list": "到列表",
    "tui.picker.hours": "本周{hours}小时",
    "tui.picker.load_hours": "近5周折算{hours}小时",
    "tui.picker.load_nights": "近5周夜班{count}次",
    "tui.picker.load_weekends": "近5周周末班{count}次",
    "tui.picker.load_holidays": "近5周节假日班{count}次",
    "tui.picker.has_role": "党员",
    "tui.blocker.already": "已在此班",
    "tui.blocker.inactive": "已停用",
    "tui.blocker.leave": "请假中",
    "tui.blocker.availability": "该时段不便",
    "tui.blocker.double_booked": "时间冲突",
    "tui.blocker.short_rest": "休息不足",
    "tui.blocker.overtime": "超出每周时长",
}

EN = {
    "tui.week.title": "{week}  {first} to {last}  {gaps}",
    "tui.week.gaps": "{count} gaps this week",
    "tui.week.gaps.one": "{count} gap this week",
    "tui.week.gaps.filtered": "{count} gaps this week (filtered)",
    "tui.week.gaps.filtered.one": "{count} gap this week (filtered)",
    "tui.week.post": "Post / shift",
    "tui.week.short": "short {n}",
    "tui.week.today": "Today",
    "tui.week.no_role": "no Party",
    "tui.week.assign": "Add",  # at 80 columns the footer has room for f Fill too
    "tui.week.remove": "Remove",
    "tui.week.replace": "Replace",
    "tui.week.swap": "Swap",
    "tui.week.copy": "Copy week",
    "tui.week.next_gap": "Next gap",
    "tui.week.prev": "Previous week",
    "tui.week.next": "Next week",
    "tui.week.filter": "Filter",
    "tui.week.clear_filter": "Clear filter",
    "tui.week.filter_hint": "/ filters: community, compound, post or person (pinyin initials too); "
    "Enter applies",
    "tui.week.filter_on": "Filter: {query} (/ changes it, Esc clears it)",
    "tui.week.empty.no_match": (
        "No post or person matches '{query}'. / changes the filter, Esc clears it."
    ),
    "tui.week.empty.no_match.scope": (
        "No post or person in {scope} matches '{query}'. / changes the filter, Esc clears it, "
        "g changes the scope."
    ),
    "tui.week.empty.no_posts": "No posts yet. They are added on the Places screen (5).",
    "tui.week.empty.no_posts.scope": (
        "{scope} has no posts yet. g changes the scope; posts are added on the Places screen (5)."
    ),
    "tui.week.empty.no_shifts": (
        "No post has a shift this week. [ ] changes the week; shifts are set on the Places "
        "screen (5)."
    ),
    "tui.week.empty.no_shifts.scope": (
        "No post in {scope} has a shift this week. [ ] changes the week, g the scope; shifts "
        "are set on the Places screen (5)."
    ),
    "tui.week.cell_hint": (
        "Arrows move, a add, d remove, r replace, s swap, c copy to week, n next gap\n"
        "Marks: short N understaffed; no Party no Party member on duty; !name cannot come; "
        "name* overlaps or too little rest"
    ),
    "tui.week.need": "needs {need}, has {have}",
    "tui.week.on_shift": ": {people}",
    "tui.week.on_shift.wrapped": ":\n{people}",
    "tui.week.on_shift.person": "{mark}{name} ({pid})",
    "tui.week.on_shift.separator": ", ",
    "tui.week.namesake": "{name}{tail}",
    "tui.week.no_gaps": "No roster gaps this week.",
    "tui.week.assign_title": "Assign to: {where}",
    "tui.week.remove_title": "Remove whom?",
    "tui.week.replace_title": "Replace whom?",
    "tui.week.replace_with": "Who takes the place of {person}: {where}",
    "tui.week.swap_title": "Swap: choose a person",
    "tui.week.swap_next": "First person chosen. Move to another cell and press s to pick the "
    "other person.",
    "tui.week.empty_cell": "Nobody is on this cell yet.",
    "tui.picker.search": "Type a name, pinyin initials (e.g. zw) or phone tail",
    "tui.picker.hint": "Enter chooses - Down goes to the list - Esc cancels",
    "tui.picker.hint_ranked": (
        "Enter chooses - Esc cancels - grey: cannot take it (reason in brackets)"
    ),
    "tui.picker.nobody": "Nobody matches.",
    "tui.picker.to_list": "To list",
    "tui.picker.hours": "{hours}h this week",
    "tui.picker.load_hours": "{hours}h weighted in 5 wks",
    "tui.picker.load_nights": "{count} nights in 5 wks",
    "tui.picker.load_weekends": "{count} weekend shifts in 5 wks",
    "tui.picker.load_holidays": "{count} holiday shifts in 5 wks",
    "tui.picker.has_role": "Party",
    "tui.blocker.already": "already on it",
    "tui.blocker.inactive": "inactive",
    "tui.blocker.leave": "on leave",
    "tui.blocker.availability": "not available then",
    "tui.blocker.double_booked": "overlaps",
    "tui.blocker.short_rest": "too little rest",
    "tui.blocker.overtime": "over weekly hours",
}
