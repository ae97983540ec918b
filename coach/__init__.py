"""Coach: a desktop stretching and posture coach for upper-back pain and desk work."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """``coach.__version__``, read from the installed package's metadata only when asked
    (importlib.metadata costs tens of milliseconds at every start otherwise)."""
    if name != "__version__":
        raise AttributeError(f"module 'coach' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("coach")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0.0.0+checkout"
