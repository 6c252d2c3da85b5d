"""Words of the safeguards: the demo kept apart, previews, confirmations, the operator."""

ZH = {
    "safety.demo_refused": (
        "数据库 {where} 里已有正式数据（不是演示库），演示不会覆盖它。"
        "不加 --db、不设 ROSTER_DB 运行 roster-tui demo，演示会放在自己的库里。"
    ),
    "safety.demo_where": (
        "演示库：{path}（与正式数据分开）。导入自己的街道之前，"
        "roster-tui、check、export 等命令都打开这个演示库。"
    ),
    "safety.using_demo": "还没有导入正式数据，正在使用演示库：{path}",
}

EN = {
    "safety.demo_refused": (
        "The database {where} holds real data (not a demo database); "
        "the demo will not overwrite it. "
        "Run roster-tui demo without --db or ROSTER_DB and it keeps to a database of its own."
    ),
    "safety.demo_where": (
        "Demo database: {path} (kept apart from real data). Until you import your own "
        "sub-district, roster-tui, check, export and the other commands open this demo."
    ),
    "safety.using_demo": "No real data imported yet; using the demo database: {path}",
}
