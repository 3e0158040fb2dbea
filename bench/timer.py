"""The timer (timing.py runs it with `python -I -S -c`): spawn the command ARGV, its stdout and
stderr into OUT and OUT.err, and print its own wall time, peak memory (KiB) and exit code.

    python -I -S -c "$(cat timer.py)" OUT ARGV...
"""

import os
import sys
import time

out = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
err = os.open(sys.argv[1] + ".err", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
null = os.open(os.devnull, os.O_RDONLY)
start = time.perf_counter()
pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ, file_actions=[
    (os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, out, 1),
    (os.POSIX_SPAWN_DUP2, err, 2)])
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
sys.stdout.write(f"{seconds} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
