"""Local emulators of the platform APIs (VK now, OK later) used by tests, ``make demo`` and the benchmark.

Never imported by production code: the daemon only ever sees a base URL.
"""

from .vk import DESIGN_CHOICES, ControlError, Fault, VKEmulator, VKErrorReply, VKState, create_vk_app

__all__ = ["DESIGN_CHOICES", "ControlError", "Fault", "VKEmulator", "VKErrorReply", "VKState", "create_vk_app"]
