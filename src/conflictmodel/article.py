"""The model types of ``conflictmodel.article`` now live in
[`conflictmodel.model.article`][conflictmodel.model.article]; this import path keeps working.

Example:
    >>> from conflictmodel.article import Article
    >>> from conflictmodel.model.article import Article as Same
    >>> Article is Same
    True
"""

from conflictmodel.model.article import *  # noqa: F403
from conflictmodel.model.article import __all__ as __all__
