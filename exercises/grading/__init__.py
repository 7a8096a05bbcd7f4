"""The grading of the exercises: the pytest plugin (``plugin``), the check API graders use
(``grading``, re-exported here), the messages in every language, and the grading table."""

from .grading import RUN, Grader, GradingFailure, described, random, rng, shown
from .switch_off import SwitchOff, switched_off

__all__ = ["RUN", "Grader", "GradingFailure", "SwitchOff", "described", "random", "rng", "shown",
           "switched_off"]
