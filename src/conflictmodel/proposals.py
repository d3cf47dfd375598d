"""The model types of ``conflictmodel.proposals`` now live in
[`conflictmodel.model.proposals`][conflictmodel.model.proposals]; this import path keeps working.

Example:
    >>> from conflictmodel.proposals import Proposal
    >>> from conflictmodel.model.proposals import Proposal as Same
    >>> Proposal is Same
    True
"""

from conflictmodel.model.proposals import *  # noqa: F403
from conflictmodel.model.proposals import __all__ as __all__
