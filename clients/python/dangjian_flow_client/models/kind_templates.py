from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kind_templates_current_type_0_type_0 import KindTemplatesCurrentType0Type0
    from ..models.placeholder import Placeholder
    from ..models.template_version import TemplateVersion


T = TypeVar("T", bound="KindTemplates")


@_attrs_define
class KindTemplates:
    """
    Attributes:
        kind (str | Unset):
        label (str | Unset):
        placeholders (list[Placeholder] | Unset):
        current (KindTemplatesCurrentType0Type0 | None | TemplateVersion | Unset):
        source (str | Unset): default | own | inherited
        versions (list[TemplateVersion] | Unset):
    """

    kind: str | Unset = UNSET
    label: str | Unset = UNSET
    placeholders: list[Placeholder] | Unset = UNSET
    current: KindTemplatesCurrentType0Type0 | None | TemplateVersion | Unset = UNSET
    source: str | Unset = UNSET
    versions: list[TemplateVersion] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.kind_templates_current_type_0_type_0 import KindTemplatesCurrentType0Type0  # noqa: PLC0415
        from ..models.template_version import TemplateVersion  # noqa: PLC0415

        kind = self.kind

        label = self.label

        placeholders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.placeholders, Unset):
            placeholders = []
            for placeholders_item_data in self.placeholders:
                placeholders_item = placeholders_item_data.to_dict()
                placeholders.append(placeholders_item)

        current: dict[str, Any] | None | Unset
        if isinstance(self.current, Unset):
            current = UNSET
        elif isinstance(self.current, KindTemplatesCurrentType0Type0):
            current = self.current.to_dict()
        elif isinstance(self.current, TemplateVersion):
            current = self.current.to_dict()
        else:
            current = self.current

        source = self.source

        versions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.versions, Unset):
            versions = []
            for versions_item_data in self.versions:
                versions_item = versions_item_data.to_dict()
                versions.append(versions_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if kind is not UNSET:
            field_dict["kind"] = kind
        if label is not UNSET:
            field_dict["label"] = label
        if placeholders is not UNSET:
            field_dict["placeholders"] = placeholders
        if current is not UNSET:
            field_dict["current"] = current
        if source is not UNSET:
            field_dict["source"] = source
        if versions is not UNSET:
            field_dict["versions"] = versions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kind_templates_current_type_0_type_0 import KindTemplatesCurrentType0Type0  # noqa: PLC0415
        from ..models.placeholder import Placeholder  # noqa: PLC0415
        from ..models.template_version import TemplateVersion  # noqa: PLC0415

        d = dict(src_dict)
        kind = d.pop("kind", UNSET)

        label = d.pop("label", UNSET)

        _placeholders = d.pop("placeholders", UNSET)
        placeholders: list[Placeholder] | Unset = UNSET
        if _placeholders is not UNSET:
            placeholders = []
            for placeholders_item_data in _placeholders:
                placeholders_item = Placeholder.from_dict(placeholders_item_data)

                placeholders.append(placeholders_item)

        def _parse_current(data: object) -> KindTemplatesCurrentType0Type0 | None | TemplateVersion | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_type_0_type_0 = KindTemplatesCurrentType0Type0.from_dict(data)

                return current_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_type_1 = TemplateVersion.from_dict(data)

                return current_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KindTemplatesCurrentType0Type0 | None | TemplateVersion | Unset, data)

        current = _parse_current(d.pop("current", UNSET))

        source = d.pop("source", UNSET)

        _versions = d.pop("versions", UNSET)
        versions: list[TemplateVersion] | Unset = UNSET
        if _versions is not UNSET:
            versions = []
            for versions_item_data in _versions:
                versions_item = TemplateVersion.from_dict(versions_item_data)

                versions.append(versions_item)

        kind_templates = cls(
            kind=kind,
            label=label,
            placeholders=placeholders,
            current=current,
            source=source,
            versions=versions,
        )

        return kind_templates
