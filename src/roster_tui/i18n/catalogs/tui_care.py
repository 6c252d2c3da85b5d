"""The household care loop in the TUI: the contact form, the requests board, the handler
picker, a household's card and the alerts on Today."""

ZH = {
    "tui.care.form.add": "问访：{where} {address}（{day}）",
    "tui.care.form.edit": "更正问访：{where} {address}（{day}，当天已有记录）",
    "tui.care.form.by.carer": "问访人：{person}（照料人）",
    "tui.care.form.by.operator": "问访人：{person}（本终端操作人，这户还没有照料人）",
    "tui.care.form.how": "方式",
    "tui.care.form.temperature": "体温",
    "tui.care.form.needs": "需求",
    "tui.care.form.notes": "户备注",
    "tui.care.form.hint.temperature": "如 36.5，没量就留空",
    "tui.care.form.hint.needs": "如 大米、降压药，没有就留空",
    "tui.care.form.hint.notes": "这户的长期备注，如 孕妇，需产检报备",
    "tui.care.form.keys": "左右键换方式；Enter 保存；Ctrl+R 保存并把需求转为诉求；Esc 取消",
    "tui.care.form.key.request": "存并转诉求",
    "tui.care.form.error.temperature": "体温应是 34.0 到 43.0 之间的数，如 36.5；没量就留空。",
    "tui.care.form.error.needs": "要转为诉求，先写下需求。",
}

EN = {
    "tui.care.form.add": "Contact: {where} {address} ({day})",
    "tui.care.form.edit": "Correct the contact: {where} {address} ({day}, already recorded)",
    "tui.care.form.by.carer": "Made by: {person} (the carer)",
    "tui.care.form.by.operator": (
        "Made by: {person} (at this terminal; the household has no carer yet)"
    ),
    "tui.care.form.how": "How",
    "tui.care.form.temperature": "Reading",
    "tui.care.form.needs": "Needs",
    "tui.care.form.notes": "Notes",
    "tui.care.form.hint.temperature": "e.g. 36.5; empty if not taken",
    "tui.care.form.hint.needs": "e.g. rice, blood-pressure pills; empty if none",
    "tui.care.form.hint.notes": "the household's standing notes",
    "tui.care.form.keys": (
        "Left/right: how; Enter: save; Ctrl+R: save and make the need a request; Esc: cancel"
    ),
    "tui.care.form.key.request": "Save as request",
    "tui.care.form.error.temperature": (
        "A reading is a number from 34.0 to 43.0, e.g. 36.5; leave it empty if not taken."
    ),
    "tui.care.form.error.needs": "Write the need first, to make it a request.",
}
