"""Coach's Qt widgets: the only package that imports PySide6 but for the desktop's memory and
notification services. Loading it first stops PySide6 keeping the source of every module
imported (see coach.platform.memory)."""

from coach.platform.memory import forget_module_sources

forget_module_sources()
