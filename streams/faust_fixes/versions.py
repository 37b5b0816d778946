"""The versions of faust-streaming, aiokafka and mode-streaming the fixes were tested with.

Every fix in this package reaches into the internals of those three libraries (private methods,
the order of calls inside Faust's methods), which change without notice between releases: faust
is reworking exactly that code. `check_versions()` refuses to start on any other version, with a
message naming the installed and the tested versions, unless GEOEVENTS_ALLOW_UNTESTED_FAUST=1.
"""

from __future__ import annotations

import logging
import os
from importlib import metadata

log = logging.getLogger(__name__)

# the pins in pyproject.toml (tests/test_faust_fixes.py checks that they agree)
TESTED = {"faust-streaming": "0.15.3", "aiokafka": "0.14.0", "mode-streaming": "0.7.1"}
ALLOW_UNTESTED = "GEOEVENTS_ALLOW_UNTESTED_FAUST"


class UntestedVersionError(RuntimeError):
    """A library the Faust fixes patch is not at the version they were tested with."""


def installed_version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def check_versions() -> None:
    """Raise UntestedVersionError when faust-streaming, aiokafka or mode-streaming is not the
    version the fixes were tested with (only a warning with GEOEVENTS_ALLOW_UNTESTED_FAUST=1)."""
    installed = {name: installed_version(name) for name in TESTED}
    wrong = {name: version for name, version in installed.items() if version != TESTED[name]}
    if not wrong:
        return
    found = ", ".join(f"{name} {version or '(not installed)'}" for name, version in wrong.items())
    tested = ", ".join(f"{name} {version}" for name, version in TESTED.items())
    message = (
        f"geoevents patches Faust internals (streams/faust_fixes/) and was tested with {tested}, "
        f"but found {found}. Run tests/test_faust_fixes*.py on these versions and update TESTED in "
        f"streams/faust_fixes/versions.py (and the pins in pyproject.toml), or set "
        f"{ALLOW_UNTESTED}=1 to start anyway (docs/faust-fixes.md)."
    )
    if os.environ.get(ALLOW_UNTESTED) == "1":
        log.warning("%s (started anyway: %s=1)", message, ALLOW_UNTESTED)
        return
    raise UntestedVersionError(message)
