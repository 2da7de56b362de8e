#!/usr/bin/python3
"""Runs a command only when an environment variable is 1, for ctest entries that are too long for
the default run (exit 77, which ctest counts as skipped, otherwise).

    run_if_env.py VARIABLE COMMAND [ARGS...]
"""
import os
import subprocess
import sys

if __name__ == "__main__":
    if os.environ.get(sys.argv[1]) != "1":
        print("skipped: set %s=1 to run" % sys.argv[1])
        sys.exit(77)
    sys.exit(subprocess.call(sys.argv[2:]))
