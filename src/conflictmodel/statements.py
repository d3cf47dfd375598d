"""The model types of ``conflictmodel.statements`` now live in
[`conflictmodel.model.statements`][conflictmodel.model.statements]; this import path keeps working.

Example:
    >>> from conflictmodel.statements import Statement
    >>> from conflictmodel.model.statements import Statement as Same
    >>> Statement is Same
    True
"""

from conflictmodel.model.statements import *  # noqa: F403
from conflictmodel.model.statements import __all__ as __all__
