"""Chinese field-level messages for marshmallow's built-in fields, validators and Schema.

Imported by `schemas/__init__.py`, so it runs before any schema module (or flask-smorest's pagination
schema) creates a field: marshmallow copies a class's `default_error_messages` into each field when the
field is created, and validators format their class messages when they are created. Machine-readable
codes stay English (they are the keys of these dicts and the `code` of the error body); only the human
text is Chinese. `install()` is idempotent.
"""

from __future__ import annotations

from marshmallow import Schema, fields, validate

# Per field class, the keys it defines itself (marshmallow merges them along the MRO).
FIELD_MESSAGES: dict[type[fields.Field], dict[str, str]] = {
    fields.Field: {"required": "缺少必填字段", "null": "不能为 null", "validator_failed": "值无效"},
    fields.Nested: {"type": "类型无效，应为对象"},
    fields.List: {"invalid": "不是有效的列表"},
    fields.Tuple: {"invalid": "不是有效的元组"},
    fields.String: {"invalid": "不是有效的字符串", "invalid_utf8": "不是有效的 UTF-8 字符串"},
    fields.UUID: {"invalid_uuid": "不是有效的 UUID"},
    fields.Number: {"invalid": "不是有效的数字", "too_large": "数值过大"},
    fields.Integer: {"invalid": "不是有效的整数"},
    fields.Float: {"special": "不允许特殊数值（NaN 或无穷大）"},
    fields.Decimal: {"special": "不允许特殊数值（NaN 或无穷大）"},
    fields.Boolean: {"invalid": "不是有效的布尔值"},
    fields.DateTime: {
        "invalid": "不是有效的日期时间（ISO 8601，如 2026-10-01T09:00:00+08:00）",
        "invalid_awareness": "日期时间的时区信息不符合要求",
        "format": "“{input}”无法格式化为日期时间",
    },
    fields.NaiveDateTime: {"invalid_awareness": "必须是不带时区的日期时间"},
    fields.AwareDateTime: {"invalid_awareness": "必须是带时区的日期时间（如 2026-10-01T09:00:00+08:00）"},
    fields.Date: {"invalid": "不是有效的日期（YYYY-MM-DD）", "format": "“{input}”无法格式化为日期"},
    fields.Time: {"invalid": "不是有效的时间（HH:MM[:SS]）", "format": "“{input}”无法格式化为时间"},
    fields.TimeDelta: {"invalid": "不是有效的时间长度", "format": "{input!r} 无法格式化为时间长度"},
    fields.Mapping: {"invalid": "不是有效的对象"},
    fields.Url: {"invalid": "不是有效的 URL"},
    fields.Email: {"invalid": "不是有效的电子邮件地址"},
    fields.IP: {"invalid_ip": "不是有效的 IP 地址"},
    fields.IPv4: {"invalid_ip": "不是有效的 IPv4 地址"},
    fields.IPv6: {"invalid_ip": "不是有效的 IPv6 地址"},
    fields.IPInterface: {"invalid_ip_interface": "不是有效的 IP 接口"},
    fields.IPv4Interface: {"invalid_ip_interface": "不是有效的 IPv4 接口"},
    fields.IPv6Interface: {"invalid_ip_interface": "不是有效的 IPv6 接口"},
    fields.Enum: {"unknown": "必须是以下之一：{choices}"},
}

# Validator class attributes (Range interpolates the operator words into its messages when created).
VALIDATOR_MESSAGES: dict[type[validate.Validator], dict[str, str]] = {
    validate.URL: {"default_message": "不是有效的 URL"},
    validate.Email: {"default_message": "不是有效的电子邮件地址"},
    validate.Range: {
        "message_min": "必须{min_op} {{min}}",
        "message_max": "必须{max_op} {{max}}",
        "message_all": "必须{min_op} {{min}} 且{max_op} {{max}}",
        "message_gte": "大于或等于",
        "message_gt": "大于",
        "message_lte": "小于或等于",
        "message_lt": "小于",
    },
    validate.Length: {
        "message_min": "长度不能小于 {min}",
        "message_max": "长度不能超过 {max}",
        "message_all": "长度必须在 {min} 到 {max} 之间",
        "message_equal": "长度必须为 {equal}",
    },
    validate.Equal: {"default_message": "必须等于 {other}"},
    validate.Regexp: {"default_message": "格式不正确"},
    validate.Predicate: {"default_message": "值无效"},
    validate.NoneOf: {"default_message": "值无效"},
    validate.OneOf: {"default_message": "必须是以下之一：{choices}"},
    validate.ContainsOnly: {"default_message": "包含不允许的选项，只能从以下选择：{choices}"},
    validate.ContainsNoneOf: {"default_message": "包含不允许的选项：{values}"},
}

SCHEMA_MESSAGES = {"type": "输入类型无效，应为对象", "unknown": "不允许的字段"}

# webargs: a value that fails validation without a message of its own; a body that is not JSON.
PARSER_VALIDATION_MESSAGE = "值无效"
INVALID_JSON_MESSAGE = "请求体不是合法的 JSON"


def install() -> None:
    for field_cls, messages in FIELD_MESSAGES.items():
        # Each class gets its own dict: never write into a parent's dict through inheritance.
        field_cls.default_error_messages = {**field_cls.__dict__.get("default_error_messages", {}), **messages}
    for validator_cls, attrs in VALIDATOR_MESSAGES.items():
        for name, value in attrs.items():
            setattr(validator_cls, name, value)
    Schema._default_error_messages = {**Schema._default_error_messages, **SCHEMA_MESSAGES}


install()
