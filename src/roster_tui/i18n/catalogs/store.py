"""Words of the store: reading and writing the interchange file."""

ZH = {
    "import.problem": "{where}：{message}",
    "import.summary": "{source}：发现 {count} 处问题",
    "import.at.line": "第{line}行",
    "import.at.line_column": "第{line}行第{column}列",
    "import.at.row": "第{index}条",
    "import.at.key": "字段 {key}",
    "import.at.item": "第{item}项",
    "import.unreadable": "无法读取文件：{detail}",
    "import.not_utf8": "不是 UTF-8 编码的文本（字节位置 {offset}）",
    "import.not_utf8_maybe_gbk": (
        "不是 UTF-8 编码的文本（字节位置 {offset}），像是 GBK 编码："
        "请用记事本或 WPS「另存为」UTF-8 后再导入"
    ),
    "import.toml_syntax": "TOML 格式有误：{detail}",
    "import.format_missing": '缺少版本标记，文件开头应写 format = "{expected}"',
    "import.format_wrong": '应为 "{expected}"，实为 {value}',
    "import.table_missing": "缺少 {table} 表",
    "import.key_missing": "缺少此必填字段",
    "import.table_unknown_close": "没有 {table} 这种表（是不是 {suggestion}？）",
    "import.table_unknown": "没有 {table} 这种表，可用的表有：{allowed}",
    "import.key_unknown_close": "没有这个字段（是不是 {suggestion}？）",
    "import.key_unknown": "没有这个字段，可用的字段有：{allowed}",
    "import.expected_table": "应为一个表，实为 {value}",
    "import.expected_array": "应写成 {table} 表数组",
    "import.expected_text": "应为非空文本，实为 {value}",
    "import.expected_int": "应为不小于 {minimum} 的整数，实为 {value}",
    "import.expected_number_min": "应为不小于 {minimum} 的数，实为 {value}",
    "import.expected_number_between": "应为 {minimum} 到 {maximum} 之间的数，实为 {value}",
    "import.expected_whole_minutes": "应为不小于 0 的小时数，且折合为整分钟，实为 {value}",
    "import.request_done_before_asked": "办结时间 {done} 不能早于提出时间 {asked}",
    "import.expected_number_above": "应为大于 {minimum} 的数，实为 {value}",
    "import.expected_bool": "应为 true 或 false，实为 {value}",
    "import.expected_choice": "应为 {choices} 之一，实为 {value}",
    "import.expected_choice_list": "应为列表，每项取 {choices} 之一，实为 {value}",
    "import.expected_text_list": "应为文本列表，实为 {value}",
    "import.expected_non_empty_list": "不能为空列表",
    "import.expected_window_list": '应为时段列表（如 ["mon-fri 18:00-24:00"]），实为 {value}',
    "import.window_bad": '时段写法有误：{value}，应如 "mon-fri 18:00-24:00"',
    "import.phone_bad": (
        '电话号码不对：{value}，手机为 1 开头的 11 位数字，座机要带区号（如 "0371-68123456"），'
        '境外号码以 + 和国家代码开头（如 "+852 2345 6789"）'
    ),
    "import.expected_date": "应为日期（如 2026-12-01），实为 {value}",
    "import.expected_datetime": (
        '应为本地时间 "YYYY-MM-DDTHH:MM"（如 "2026-12-02T08:00"，不带时区），实为 {value}'
    ),
    "import.expected_time": '应为时刻 "HH:MM"（00:00 至 23:59，结束时间可写 24:00），实为 {value}',
    "import.time_24_not_start": "24:00 只能作结束时间，开始时间请写 00:00",
    "import.zone_unknown": "没有这个时区：{value}，应为 IANA 时区名，如 Asia/Shanghai",
    "import.leave_to_not_after_from": "结束时间 {end} 应晚于开始时间 {start}",
    "import.rotation_end_before_start": "结束日期 {end} 早于开始日期 {start}",
    "import.duty_needs_place": "compound 与 street 须填其中一个",
    "import.duty_two_places": "compound 与 street 只能填一个",
    "import.duplicate_id": "id {value} 与第{first}条重复",
    "import.dangling": "找不到 id 为 {value} 的 {table}",
    "import.shift_unknown": "岗位 {post} 没有名为 {value} 的班次",
    "import.shift_duplicate": "班次名 {value} 与本岗位第{first}个班次重名",
    "import.post_no_shift": "岗位至少要有一个 [[post.shift]] 班次",
    "import.shift_from_order": "from 不对：岗位最初的班次不写 from，"
    "之后每组班次的 from 须晚于前一组",
    "import.too_big": "文件太大：超过 {megabytes} MB，不像是一个街道的名册",
    "import.too_deep": "文件结构嵌套过深或键名过长（最多 {maximum} 层），不像是名册文件",
    "import.too_large": "数值过大：最多 {maximum}，实为 {value}",
    "import.date_out_of_range": "日期超出范围：只支持 {first} 年至 {last} 年，实为 {value}",
    "import.text_nul": "文本里含有空字符（\\0），数据库无法保存",
    "import.text_too_long": "文本太长：最多 {maximum} 个字，实为 {length} 个",
}

EN = {
    "import.problem": "{where}: {message}",
    "import.summary": "{source}: {count} problem(s) found",
    "import.at.line": "line {line}",
    "import.at.line_column": "line {line}, column {column}",
    "import.at.row": "#{index}",
    "import.at.key": "key {key}",
    "import.at.item": "item {item}",
    "import.unreadable": "cannot read the file: {detail}",
    "import.not_utf8": "is not UTF-8 text (byte offset {offset})",
    "import.not_utf8_maybe_gbk": (
        "is not UTF-8 text (byte offset {offset}); it looks like GBK: save it as UTF-8 and "
        "import it again"
    ),
    "import.toml_syntax": "malformed TOML: {detail}",
    "import.format_missing": 'no version mark: the file must start with format = "{expected}"',
    "import.format_wrong": 'expected "{expected}", not {value}',
    "import.table_missing": "the {table} table is missing",
    "import.key_missing": "required key is missing",
    "import.table_unknown_close": "unknown table {table} (did you mean {suggestion}?)",
    "import.table_unknown": "unknown table {table}; the tables allowed are: {allowed}",
    "import.key_unknown_close": "unknown key (did you mean {suggestion}?)",
    "import.key_unknown": "unknown key; the keys allowed here are: {allowed}",
    "import.expected_table": "expected a table, not {value}",
    "import.expected_array": "expected {table} (an array of tables)",
    "import.expected_text": "expected a non-empty string, not {value}",
    "import.expected_int": "expected an integer >= {minimum}, not {value}",
    "import.expected_number_min": "expected a number >= {minimum}, not {value}",
    "import.expected_number_between": "expected a number from {minimum} to {maximum}, not {value}",
    "import.expected_whole_minutes": "expected hours >= 0 that make whole minutes, not {value}",
    "import.request_done_before_asked": "done {done} cannot come before asked {asked}",
    "import.expected_number_above": "expected a number > {minimum}, not {value}",
    "import.expected_bool": "expected true or false, not {value}",
    "import.expected_choice": "expected one of {choices}, not {value}",
    "import.expected_choice_list": "expected a list of {choices}, not {value}",
    "import.expected_text_list": "expected a list of strings, not {value}",
    "import.expected_non_empty_list": "must not be an empty list",
    "import.expected_window_list": 'expected a list of windows (like ["mon-fri 18:00-24:00"]), '
    "not {value}",
    "import.window_bad": 'malformed window {value}; write it like "mon-fri 18:00-24:00"',
    "import.phone_bad": (
        "not a phone number: {value}; a mobile is 11 digits starting with 1, a landline has "
        'its area code ("0371-68123456"), a number abroad starts with + and its country code '
        '("+852 2345 6789")'
    ),
    "import.expected_date": "expected a date (like 2026-12-01), not {value}",
    "import.expected_datetime": 'expected a local time "YYYY-MM-DDTHH:MM" (like '
    '"2026-12-02T08:00", no offset), not {value}',
    "import.expected_time": 'expected a time "HH:MM" (00:00 to 23:59; an end may be 24:00), '
    "not {value}",
    "import.time_24_not_start": "24:00 may only end a shift; start at 00:00 instead",
    "import.zone_unknown": "no such time zone: {value}; use an IANA name like Asia/Shanghai",
    "import.leave_to_not_after_from": "the end {end} must come after the start {start}",
    "import.rotation_end_before_start": "the end date {end} is before the start date {start}",
    "import.duty_needs_place": "give one of compound and street",
    "import.duty_two_places": "give only one of compound and street, not both",
    "import.duplicate_id": "id {value} is already used by row #{first}",
    "import.dangling": "no {table} has id {value}",
    "import.shift_unknown": "post {post} has no shift named {value}",
    "import.shift_duplicate": "shift name {value} is already used by shift #{first} of this post",
    "import.post_no_shift": "a post needs at least one [[post.shift]]",
    "import.shift_from_order": "misplaced from: a post's first shifts have none, and each later "
    "pattern's from comes after the one before",
    "import.too_big": "the file is larger than {megabytes} MB: not a sub-district's roster",
    "import.too_deep": (
        "nested too deeply or a key too long (at most {maximum} levels): not a roster file"
    ),
    "import.too_large": "too large: at most {maximum}, not {value}",
    "import.date_out_of_range": "out of range: only years {first} to {last}, not {value}",
    "import.text_nul": "the text holds a NUL character (\\0), which the database cannot store",
    "import.text_too_long": "too long: at most {maximum} characters, not {length}",
}
