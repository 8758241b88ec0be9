"""Fail on any known vulnerability in the production dependencies (pip-audit).

Where no vulnerability database answers from this machine (a closed network or a package
mirror without vulnerability data), say so plainly instead of reporting a clean result.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements" / "production.txt"


def main() -> int:
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own virtual environment
        [
            str(ROOT / ".venv" / "bin" / "pip-audit"),
            "--requirement",
            str(REQUIREMENTS),
            "--format",
            "json",
            "--progress-spinner",
            "off",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        print("pip-audit did not run:", (result.stderr.strip().splitlines() or ["?"])[-1])
        return 0
    dependencies = report.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    unaudited = [d["name"] for d in dependencies if d.get("skip_reason")]
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixes = ", ".join(vuln.get("fix_versions", [])) or "no fix yet"
            name, version = dependency["name"], dependency["version"]
            print(f"VULNERABLE {name} {version}: {vuln['id']} (fixed in: {fixes})")
    audited = len(dependencies) - len(unaudited)
    if unaudited:
        print(
            f"pip-audit: {audited} of {len(dependencies)} dependencies audited; the vulnerability "
            f"database did not answer for {len(unaudited)} (e.g. {', '.join(unaudited[:3])}) "
            "from this machine's network, so those were not checked."
        )
    else:
        print(f"pip-audit: all {audited} dependencies audited.")
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
