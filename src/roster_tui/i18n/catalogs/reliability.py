"""Wording of the safety rails: refused targets, crashes, bounds, backups and read-only use."""

ZH = {
    "safe.refuse_database": (
        "不能写到数据库自己的文件 {path} 上：那会毁掉里面的数据。请换一个文件名。"
    ),
    "cli.crashed": "程序内部出错（{error}），操作未完成。详细信息已记入 {log}，请交给管理员。",
    "cli.crashed_no_log": ("程序内部出错（{error}），操作未完成。详细信息无法写入日志：{reason}"),
    "cli.week_out_of_range": "周次「{value}」超出范围：只支持 {first} 年至 {last} 年",
    "cli.date_out_of_range": "{option} 的日期 {value} 超出范围：只支持 {first} 年至 {last} 年",
    "cli.cmd.backup": "把正在使用的数据库完整备份到文件（可随时恢复）",
    "cli.backed_up": "已备份到 {file}",
    "db.error.bad_address": "数据库地址「{where}」无法识别：{detail}",
    "db.error.damaged": "数据库的结构版本记录已损坏（{found}），无法打开。请从备份恢复。",
    "db.entity.override_on": "{post} {date} {shift} 的排班",
}

EN = {
    "safe.refuse_database": (
        "Refusing to write over the database's own file {path}: that would destroy its data. "
        "Choose another file name."
    ),
    "cli.crashed": (
        "Internal error ({error}); the command did not finish. The details are in {log}: "
        "please pass that file to whoever looks after roster-tui."
    ),
    "cli.crashed_no_log": (
        "Internal error ({error}); the command did not finish. The details could not be "
        "logged: {reason}"
    ),
    "cli.week_out_of_range": "The week '{value}' is out of range: only years {first} to {last}",
    "cli.date_out_of_range": (
        "{option}: the date {value} is out of range: only years {first} to {last}"
    ),
    "cli.cmd.backup": "copy the live database into a file that restores whole",
    "cli.backed_up": "Backed up to {file}",
    "db.error.bad_address": "Cannot understand the database address '{where}': {detail}",
    "db.error.damaged": (
        "The database's schema version record is damaged ({found}); it cannot be opened. "
        "Restore it from a backup."
    ),
    "db.entity.override_on": "who is on {post} {date} {shift}",
}
