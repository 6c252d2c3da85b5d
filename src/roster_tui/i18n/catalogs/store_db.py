"""Wording of the database store: its errors, entity names and audit summaries."""

ZH = {
    "db.error.generic": "数据库出错：{detail}",
    "db.error.missing": (
        "找不到名册数据库{where}，或库里还没有建表。请先导入数据：roster-tui import 文件"
    ),
    "db.error.empty": "数据库里还没有街道的数据。请先导入：roster-tui import 文件",
    "db.error.locked": "数据库正被别人占用，等待超时。请稍等片刻再试。",
    "db.error.read_only": "数据库是只读的，不能保存修改。请检查文件权限，或联系管理员。",
    "db.error.read_only_unreadable": (
        "数据库{where}是只读的，按只读方式也打不开。请检查文件及所在文件夹的读权限，或联系管理员。"
    ),
    "db.error.needs_upgrade": (
        "数据库来自旧版本（结构版本 {found}），要先升级到版本 {known} 才能使用，但现在只能读取。"
        "请用有写权限的账户打开一次（升级前会自动备份），或联系管理员。"
    ),
    "db.error.too_new": (
        "这个数据库来自更新版本的 roster-tui（结构版本 {found}，本程序只支持到 {known}）。"
        "请先升级本程序。"
    ),
    "db.error.backup": "升级前备份数据库失败（{path}）：{error}。数据库没有改动。",
    "db.error.conflict": "{what} 刚被别人修改或删除了，请刷新后再改。",
    "db.error.duplicate": "编号已被占用：{what}",
    "db.error.reference": "数据引用对不上：引用了不存在的记录，或删除了仍在使用的记录。{what}",
    "db.error.not_empty": "数据库里已有数据。如要整体替换，请加 --replace。",
    "db.error.nothing_to_undo": "没有可以撤销的操作。",
    "db.error.driver_missing": (
        "打开 {backend} 数据库需要驱动 {driver}，但它没有装好（{detail}）。"
        "请安装：pip install '{extra}'"
    ),
    "db.where": "（{where}）",
    "db.entity.community": "社区",
    "db.entity.street": "街巷",
    "db.entity.compound": "楼院",
    "db.entity.party_group": "党小组",
    "db.entity.person": "人员",
    "db.entity.post": "卡点",
    "db.entity.rotation": "轮值",
    "db.entity.override": "换班",
    "db.entity.leave": "请假",
    "db.entity.duty": "包保",
    "db.entity.household": "隔离户",
    "db.entity.contact": "问访记录",
    "db.entity.request": "诉求",
    "db.entity.settings": "规则设置",
    "db.audit.import": (
        "导入{subdistrict}：{communities}个社区、{people}人、{posts}个卡点、{households}户隔离户"
    ),
    "db.audit.undo": "撤销：{summary}",
}

EN = {
    "db.error.generic": "Database error: {detail}",
    "db.error.missing": (
        "No roster database{where}, or it has no tables yet. Import data first: "
        "roster-tui import FILE"
    ),
    "db.error.empty": (
        "The database holds no sub-district yet. Import first: roster-tui import FILE"
    ),
    "db.error.locked": "The database is busy (someone else is saving) and the wait ran out. "
    "Try again in a moment.",
    "db.error.read_only": "The database is read-only; changes cannot be saved. Check the file's "
    "permissions or ask the administrator.",
    "db.error.read_only_unreadable": "The database{where} is read-only and could not be opened "
    "for reading either. Check that the file and its folder can be read, or ask the "
    "administrator.",
    "db.error.needs_upgrade": (
        "The database is from an older release (schema version {found}) and must be upgraded "
        "to version {known} before use, but it can only be read here. Open it once with write "
        "access (a backup is taken first), or ask the administrator."
    ),
    "db.error.too_new": (
        "This database comes from a newer roster-tui (schema version {found}; this program "
        "knows up to {known}). Please upgrade the program first."
    ),
    "db.error.backup": "Could not back up the database before upgrading it ({path}): {error}. "
    "The database was not changed.",
    "db.error.conflict": "{what} was just changed or removed by someone else. Refresh and try "
    "again.",
    "db.error.duplicate": "That id is already taken: {what}",
    "db.error.reference": "A reference does not match: it names a row that does not exist, or a "
    "row still in use was removed. {what}",
    "db.error.not_empty": "The database already holds data. Add --replace to replace it all.",
    "db.error.nothing_to_undo": "There is nothing to undo.",
    "db.error.driver_missing": (
        "A {backend} database needs the driver {driver}, which is not installed ({detail}). "
        "Install it with: pip install '{extra}'"
    ),
    "db.where": " ({where})",
    "db.entity.community": "community",
    "db.entity.street": "street",
    "db.entity.compound": "compound",
    "db.entity.party_group": "Party group",
    "db.entity.person": "person",
    "db.entity.post": "post",
    "db.entity.rotation": "rotation",
    "db.entity.override": "swap",
    "db.entity.leave": "leave",
    "db.entity.duty": "duty",
    "db.entity.household": "household",
    "db.entity.contact": "contact",
    "db.entity.request": "request",
    "db.entity.settings": "rule settings",
    "db.audit.import": (
        "Imported {subdistrict}: {communities} communities, {people} people, {posts} posts, "
        "{households} households"
    ),
    "db.audit.undo": "Undo: {summary}",
}
