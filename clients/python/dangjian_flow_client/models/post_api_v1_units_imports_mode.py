from typing import Literal

PostApiV1UnitsImportsMode = Literal["all_or_nothing", "valid_rows_only"]

POST_API_V1_UNITS_IMPORTS_MODE_VALUES: set[PostApiV1UnitsImportsMode] = {
    "all_or_nothing",
    "valid_rows_only",
}


def check_post_api_v1_units_imports_mode(value: str) -> PostApiV1UnitsImportsMode:
    if value in POST_API_V1_UNITS_IMPORTS_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {POST_API_V1_UNITS_IMPORTS_MODE_VALUES!r}")
