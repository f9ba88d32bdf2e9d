"""Request and response schemas. Importing the package installs the Chinese field messages first."""

from schemas import messages as messages  # side effect: marshmallow's messages in Chinese)
