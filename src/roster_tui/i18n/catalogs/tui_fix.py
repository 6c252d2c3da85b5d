"""Enter on a gap: the choices that mend it (remove or replace a person, hand over a household)."""

ZH = {
    "tui.fix.person_title": "处理 {person}（{pid}）的排班",
    "tui.fix.remove": "移出 {person}：{where}",
    "tui.fix.replace": "换人替下 {person}：{where}",
    "tui.fix.overtime_hint": "以下是此人本周的班次，移出或换人减少时长。",
    "tui.fix.no_shift": "这个缺口涉及的班次已不在本周，请重新查看缺口。",
    "tui.fix.hand_over_title": "{person} 照料的隔离户：选一户交给别人照料",
    "tui.fix.no_household": "此人当天已没有照料中的隔离户。",
}

EN = {
    "tui.fix.person_title": "Mend the shifts of {person} ({pid})",
    "tui.fix.remove": "Remove {person}: {where}",
    "tui.fix.replace": "Replace {person}: {where}",
    "tui.fix.overtime_hint": "Their shifts this week: remove or replace them on one to cut hours.",
    "tui.fix.no_shift": "This gap's shifts are no longer in this week; look at the gaps again.",
    "tui.fix.hand_over_title": "Households of {person}: choose one to hand to another carer",
    "tui.fix.no_household": "This person has no household in care on that day any more.",
}
