"""The model types of ``conflictmodel.positions`` now live in
[`conflictmodel.model.positions`][conflictmodel.model.positions]; this import path keeps working.

Example:
    >>> from conflictmodel.positions import Position
    >>> from conflictmodel.model.positions import Position as Same
    >>> Position is Same
    True
"""

from conflictmodel.model.positions import *  # noqa: F403
from conflictmodel.model.positions import __all__ as __all__
