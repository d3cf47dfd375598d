"""The model types of ``conflictmodel.actors`` now live in
[`conflictmodel.model.actors`][conflictmodel.model.actors]; this import path keeps working.

Example:
    >>> from conflictmodel.actors import Actor
    >>> from conflictmodel.model.actors import Actor as Same
    >>> Actor is Same
    True
"""

from conflictmodel.model.actors import *  # noqa: F403
from conflictmodel.model.actors import __all__ as __all__
