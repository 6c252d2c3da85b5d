"""The Households screen (隔离户): quarantine list, filters, carers, the household form."""

ZH = {
    "tui.households.left.today": "今日到期",
    "tui.households.left.tomorrow": "明日到期",
    "tui.households.left.days": "剩{days}天",
    "tui.households.left.upcoming": "{days}天后开始",
    "tui.households.left.ended": "已解除",
    "tui.households.status.upcoming": "未开始",
    "tui.households.status.active": "隔离中",
    "tui.households.status.ended": "已解除",
}

EN = {
    "tui.households.left.today": "ends today",
    "tui.households.left.tomorrow": "ends tomorrow",
    "tui.households.left.days": "{days} days left",
    "tui.households.left.upcoming": "starts in {days} days",
    "tui.households.left.ended": "released",
    "tui.households.status.upcoming": "upcoming",
    "tui.households.status.active": "in quarantine",
    "tui.households.status.ended": "released",
}
