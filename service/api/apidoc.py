"""How the API's OpenAPI notes are copied and when the document is built: the two costs of start-up.

flask-smorest copies a view's documentation notes (`_apidoc`) with `copy.deepcopy` at every decorator and
again at every blueprint registration, so later edits never reach the original. Those notes hold marshmallow
schema instances, and a deep copy of one copies every field of every schema it nests: ~470,000 deepcopy calls,
three seconds of every `create_app()`. Nothing in flask-smorest or apispec modifies a schema instance, so
`copy_doc` copies the notes' dicts and lists and shares the schemas. `LazySpec` (mixed into `service.api.Api`)
turns the registered blueprints into OpenAPI paths on the first read of `api.spec` (`/api/openapi.json`, the
docs pages, `flask openapi`), not at start-up; the document is the same, byte for byte
(tests/api/test_openapi.py builds it the eager way too and compares).
"""

from __future__ import annotations

import copy
import threading
from typing import Any

import marshmallow as ma
from flask_smorest import arguments, blueprint, etag, pagination, response

# The flask-smorest modules that copy documentation notes with their module-level `deepcopy`.
COPYING_MODULES = (arguments, blueprint, etag, pagination, response)


def copy_doc(value: Any, memo: dict[int, Any] | None = None) -> Any:
    """`copy.deepcopy` of documentation notes, except that marshmallow schema instances are shared."""
    if isinstance(value, ma.Schema):
        return value
    if type(value) is dict:
        return {key: copy_doc(item, memo) for key, item in value.items()}
    if type(value) is list:
        return [copy_doc(item, memo) for item in value]
    return copy.deepcopy(value, memo)


def share_schemas_in_doc_copies() -> None:
    """Before any view is decorated (they keep the copies their decorators make)."""
    for module in COPYING_MODULES:
        if not hasattr(module, "deepcopy"):  # a flask-smorest that copies differently: revisit copy_doc
            raise RuntimeError(f"{module.__name__} no longer copies with deepcopy")
        module.deepcopy = copy_doc


class LazySpec:
    """For flask-smorest's Api: `register_blueprint` registers the blueprint's routes with the app at once
    and keeps its documentation for the first read of `spec`, which documents the pending blueprints in
    their registration order, as flask-smorest would have done one by one."""

    _app: Any
    _spec: Any = None
    _pending: list[tuple[Any, str, Any]]

    def init_app(self, app: Any, **kwargs: Any) -> None:
        self._pending = []  # before flask-smorest builds the new app's spec (which reads `spec`)
        self._documenting = threading.Lock()
        super().init_app(app, **kwargs)  # type: ignore[misc]

    def register_blueprint(self, blp: Any, *, parameters: Any = None, **options: Any) -> None:
        name = options.get("name", blp.name)
        self._app.extensions["flask-smorest"]["blp_name_to_api"][name] = self
        self._app.register_blueprint(blp, **options)
        self._pending.append((blp, name, parameters))

    @property
    def spec(self) -> Any:
        if getattr(self, "_pending", None):
            with self._documenting:  # the first requests of a threaded server may arrive together
                self._document_pending()
        return self._spec

    @spec.setter
    def spec(self, value: Any) -> None:
        self._spec = value

    def _document_pending(self) -> None:
        while self._pending:
            blp, name, parameters = self._pending[0]
            blp.register_views_in_doc(self, self._app, self._spec, name=name, parameters=parameters)
            self._spec.tag({"name": name, "description": blp.description})
            self._pending.pop(0)
