"""The gaps screen (缺口): every gap in a range, grouped, with where to fix it."""

ZH = {
    "tui.gaps.range": "{week}（{first} 至 {last}）",
    "tui.gaps.key.prev": "上一周",
    "tui.gaps.key.next": "下一周",
    "tui.gaps.key.this_week": "本周",
    "tui.gaps.key.kind": "按类型",
    "tui.gaps.key.fix": "去处理",
    "tui.gaps.key.prev_page": "上一页",
    "tui.gaps.key.next_page": "下一页",
    "tui.gaps.all_kinds": "全部",
    "tui.gaps.kind": "类型",
    "tui.gaps.choose_kind": "按类型筛选缺口",
    "tui.gaps.kind_option": "{label}（{count}）",
    "tui.gaps.col.kind": "类型",
    "tui.gaps.col.community": "社区",
    "tui.gaps.col.what": "缺口说明",
    "tui.gaps.no_community": "（未归社区）",
    "tui.gaps.total": "共 {count} 处",
    "tui.gaps.shown": "共 {count} 处，第 {page}/{pages} 页",
    "tui.gaps.none": "这段时间没有缺口。",
    "tui.gaps.kind_on": "（按 k 换类型）",
    "tui.gaps.none_of_kind": (
        "正按类型「{kind}」筛选，这类没有缺口；其他类型还有 {count} 处，按 k 选「全部」查看。"
    ),
    "tui.gaps.none_in_scope": (
        "{scope}这段时间没有缺口；全街道还有 {count} 处，按 g 把范围换成全街道查看。"
    ),
    "tui.gaps.checking": "正在核查",
    "tui.gaps.where": "回车到「{screen}」页处理。",
}

EN = {
    "tui.gaps.range": "{week} ({first} to {last})",
    "tui.gaps.key.prev": "Previous week",
    "tui.gaps.key.next": "Next week",
    "tui.gaps.key.this_week": "This week",
    "tui.gaps.key.kind": "By kind",
    "tui.gaps.key.fix": "Go fix",
    "tui.gaps.key.prev_page": "Previous page",
    "tui.gaps.key.next_page": "Next page",
    "tui.gaps.all_kinds": "All",
    "tui.gaps.kind": "Kind",
    "tui.gaps.choose_kind": "Show gaps of one kind",
    "tui.gaps.kind_option": "{label} ({count})",
    "tui.gaps.col.kind": "Kind",
    "tui.gaps.col.community": "Community",
    "tui.gaps.col.what": "What is missing",
    "tui.gaps.no_community": "(no community)",
    "tui.gaps.total": "{count} in all",
    "tui.gaps.shown": "{count} in all, page {page}/{pages}",
    "tui.gaps.none": "No gaps in this range.",
    "tui.gaps.kind_on": "(k to change)",
    "tui.gaps.none_of_kind": "Showing only {kind}: none of those; {count} gaps of other kinds, "
    "press k and choose All to see them.",
    "tui.gaps.none_in_scope": "No gaps in {scope} in this range; {count} elsewhere in the "
    "sub-district, press g and choose all to see them.",
    "tui.gaps.checking": "Checking",
    "tui.gaps.where": "Enter fixes it on the {screen} screen.",
}
