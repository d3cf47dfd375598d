"""The model types of ``conflictmodel.span`` now live in
[`conflictmodel.model.span`][conflictmodel.model.span]; this import path keeps working.

Example:
    >>> from conflictmodel.span import Span
    >>> from conflictmodel.model.span import Span as Same
    >>> Span is Same
    True
"""

from conflictmodel.model.span import *  # noqa: F403
from conflictmodel.model.span import __all__ as __all__
