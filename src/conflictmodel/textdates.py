"""The model types of ``conflictmodel.textdates`` now live in
[`conflictmodel.model.textdates`][conflictmodel.model.textdates]; this import path keeps working.

Example:
    >>> from conflictmodel.textdates import TextDate
    >>> from conflictmodel.model.textdates import TextDate as Same
    >>> TextDate is Same
    True
"""

from conflictmodel.model.textdates import *  # noqa: F403
from conflictmodel.model.textdates import __all__ as __all__
