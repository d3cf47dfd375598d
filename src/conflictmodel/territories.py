"""The model types of ``conflictmodel.territories`` now live in
[`conflictmodel.model.territories`][conflictmodel.model.territories]; this import path keeps working.

Example:
    >>> from conflictmodel.territories import Territory
    >>> from conflictmodel.model.territories import Territory as Same
    >>> Territory is Same
    True
"""

from conflictmodel.model.territories import *  # noqa: F403
from conflictmodel.model.territories import __all__ as __all__
