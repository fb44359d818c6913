#!/usr/bin/env python3
"""make systemd-verify: check deploy/systemd/meetingd.service.

    python3 deploy/test/systemd_test.py --bin build/meetingd

No systemd needs to run (CI machines have none as PID 1):
1. `systemd-analyze verify --root=TMP` on a temporary root holding the unit,
   the binary at its ExecStart path and a copy of the system's unit tree;
   any message at all fails the check (an unknown key is only a warning);
   a copy with a misspelt key must produce one (the check can fail).
2. `systemd-analyze security --offline=true`: exposure level at most 2.0.
3. The unit's own promises: DynamicUser, TimeoutStopSec above the drain
   timeout, no capabilities.
4. The system calls meetingd makes (strace -f over a start, the endpoints,
   a too large body, a batch and a SIGTERM drain) are all allowed by the
   unit's SystemCallFilter= lines as systemd-analyze expands them, so the
   seccomp filter will not kill the service.

Prints PASS/FAIL per check and a summary; exits 1 on any failure.
"""

import argparse
import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok)))
    print(("PASS  " if ok else "FAIL  ") + name + (f" ({detail})" if detail else ""), flush=True)


def unit_values(text, key):
    return [m.group(1).strip() for m in re.finditer(rf"^{key}=(.*)$", text, re.M)]


def seconds(v):
    m = re.fullmatch(r"(\d+)\s*(s|sec|min|m)?", v)
    if not m:
        return None
    return int(m.group(1)) * (60 if m.group(2) in ("min", "m") else 1)


def expand(names, cache):
    """Syscall names of @groups and plain names, as systemd-analyze lists them."""
    out = set()
    for n in names:
        if not n.startswith("@"):
            out.add(n)
            continue
        if n not in cache:
            cache[n] = set()
            text = subprocess.run(["systemd-analyze", "syscall-filter", n],
                                  capture_output=True, text=True, check=True).stdout
            members = [ln.strip() for ln in text.splitlines()[1:]
                       if ln.strip() and not ln.strip().startswith("#")]
            cache[n] = expand(members, cache)
        out |= cache[n]
    return out


def allowed_syscalls(unit):
    """The allow list that SystemCallFilter= lines make: the first line sets
    the list, a later ~ line takes names out of it."""
    cache, allowed = {}, None
    for v in unit_values(unit, "SystemCallFilter"):
        deny = v.startswith("~")
        names = v.lstrip("~").split()
        if allowed is None:
            if deny:
                return None  # a deny list: nothing to check here
            allowed = expand(names, cache)
        elif deny:
            allowed -= expand(names, cache)
        else:
            allowed |= expand(names, cache)
    return allowed


def traced_syscalls(binary, tmp):
    """Run meetingd under strace through a small workload; its syscall names."""
    trace = os.path.join(tmp, "strace.out")
    err = os.path.join(tmp, "meetingd.err")
    with open(err, "wb") as e:
        p = subprocess.Popen(["strace", "-f", "-qq", "-o", trace, binary, "serve",
                              "--bind", "127.0.0.1", "--port", "0", "--threads", "2"],
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=e)
    try:
        port = None
        end = time.monotonic() + 20
        while time.monotonic() < end and port is None:
            m = re.search(r"listening on 127\.0\.0\.1:(\d+)", open(err, errors="replace").read())
            port = int(m.group(1)) if m else None
            time.sleep(0.05)
        if port is None:
            raise RuntimeError("meetingd did not start under strace")
        with open(os.path.join(ROOT, "deploy", "test", "article.txt"), "rb") as f:
            article = f.read()
        batch = b"\n".join([b'{"text":"' + article.replace(b"\n", b"\\n") + b'"}'] * 3) + b"\n"
        for method, path, body, ctype in (
                ("GET", "/healthz", None, None), ("GET", "/readyz", None, None),
                ("GET", "/metrics", None, None), ("GET", "/version", None, None),
                ("GET", "/openapi.yaml", None, None), ("GET", "/", None, None),
                ("POST", "/v1/parse", article, "text/plain"),
                ("POST", "/v1/parse/batch", batch, "application/x-ndjson"),
                ("POST", "/v1/parse", b"x" * (2 << 20), "text/plain"),
                ("GET", "/nowhere", None, None)):
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
            try:
                c.request(method, path, body=body, headers={"Content-Type": ctype} if ctype else {})
                c.getresponse().read()
            except (OSError, http.client.HTTPException):
                pass  # the 413 may close before the body is sent
            finally:
                c.close()
    finally:
        # SIGTERM to meetingd itself (strace would kill it on its own
        # SIGTERM): the drain path; strace exits with meetingd's status
        child = None
        try:
            with open(f"/proc/{p.pid}/task/{p.pid}/children") as f:
                child = int(f.read().split()[0])
        except (OSError, ValueError, IndexError):
            pass
        if child:
            os.kill(child, signal.SIGTERM)
        elif p.poll() is None:
            p.send_signal(signal.SIGTERM)
        try:
            rc = p.wait(30)
        except subprocess.TimeoutExpired:
            # strace gone, meetingd still up: never leave it behind
            if child:
                try:
                    os.kill(child, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            p.kill()
            rc = p.wait()
    names = set()
    with open(trace, errors="replace") as f:
        for line in f:
            m = re.match(r"\d+\s+(?:<\.\.\. )?([a-z0-9_]+)[( ]", line)
            if m and m.group(1) not in ("exited", "killed"):
                names.add(m.group(1))
    return names, rc, open(err, errors="replace").read()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "meetingd"))
    ap.add_argument("--unit", default=os.path.join(ROOT, "deploy", "systemd", "meetingd.service"))
    ap.add_argument("--max-exposure", type=float, default=2.0)
    args = ap.parse_args()
    for tool in ("systemd-analyze", "strace"):
        if not shutil.which(tool):
            print(f"systemd-verify: {tool} is missing (apt-get install systemd strace)", file=sys.stderr)
            return 2
    if not os.access(args.bin, os.X_OK):
        print(f"systemd-verify: {args.bin} is missing (make)", file=sys.stderr)
        return 2
    unit = open(args.unit).read()
    name = os.path.basename(args.unit)
    tmp = tempfile.mkdtemp(prefix="meetingd-systemd-test.")
    try:
        # -- 1. verify on a temporary root with the binary where ExecStart says
        exec_start = unit_values(unit, "ExecStart")
        exe = exec_start[0].split()[0].lstrip("-@:+!") if exec_start else ""
        root = os.path.join(tmp, "root")
        os.makedirs(os.path.join(root, "etc", "systemd", "system"))
        os.makedirs(os.path.join(root, "usr", "lib", "systemd"))
        os.symlink("usr/lib", os.path.join(root, "lib"))
        shutil.copytree("/usr/lib/systemd/system", os.path.join(root, "usr", "lib", "systemd", "system"),
                        symlinks=True)
        if exe.startswith("/"):
            os.makedirs(os.path.dirname(root + exe), exist_ok=True)
            shutil.copy2(args.bin, root + exe)

        def verify(text):
            with open(os.path.join(root, "etc", "systemd", "system", name), "w") as f:
                f.write(text)
            r = subprocess.run(["systemd-analyze", "verify", f"--root={root}", name],
                               capture_output=True, text=True)
            return r.returncode, (r.stdout + r.stderr).strip()

        rc, out = verify(unit)
        check(f"systemd-analyze verify {name} (ExecStart {exe} installed in a temporary root): no message",
              rc == 0 and out == "", out.replace(root, "") or "clean")
        rc2, out2 = verify(unit.replace("ProtectHome=", "ProtectHomme=", 1))
        check("the same check reports a misspelt key (it can fail)", "Unknown key" in out2, out2.replace(root, "")[:120])
        verify(unit)

        # -- 2. exposure
        r = subprocess.run(["systemd-analyze", "security", "--offline=true", f"--root={root}",
                            f"--threshold={int(args.max_exposure * 10)}", name],
                           capture_output=True, text=True)
        m = re.search(r"Overall exposure level for \S+: ([\d.]+) (\w+)", r.stdout)
        check(f"systemd-analyze security --offline: exposure at most {args.max_exposure}",
              r.returncode == 0 and m and float(m.group(1)) <= args.max_exposure,
              f"{m.group(1)} {m.group(2)}" if m else r.stderr.strip()[:200])

        # -- 3. what the unit promises
        check("DynamicUser=yes", "yes" in unit_values(unit, "DynamicUser"))
        stop = seconds(unit_values(unit, "TimeoutStopSec")[-1]) if unit_values(unit, "TimeoutStopSec") else None
        drain = 20
        for line in unit_values(unit, "Environment"):
            m = re.search(r"MEETINGD_DRAIN_TIMEOUT=(\d+)", line)
            if m:
                drain = int(m.group(1))
        check(f"TimeoutStopSec ({stop} s) above the drain timeout ({drain} s)", stop is not None and stop > drain)
        check("no capabilities (CapabilityBoundingSet= empty) and NoNewPrivileges",
              unit_values(unit, "CapabilityBoundingSet") == [""] and "yes" in unit_values(unit, "NoNewPrivileges"))

        # -- 4. the seccomp allow list covers what meetingd calls
        allowed = allowed_syscalls(unit)
        used, rc, err = traced_syscalls(args.bin, tmp)
        check("meetingd under strace: served the workload and exited 0 on SIGTERM",
              rc == 0 and "meetingd: stopped" in err, f"exit {rc}, {len(used)} distinct system calls")
        if allowed is None:
            check("SystemCallFilter= is an allow list", False)
        else:
            missing = sorted(used - allowed)
            check(f"every system call meetingd made ({len(used)}) is in the unit's SystemCallFilter allow list",
                  not missing and used, f"not allowed: {', '.join(missing)}" if missing else "")
    except Exception as e:
        check(f"setup: {e}", False)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    failed = [n for n, ok in results if not ok]
    print()
    print(f"systemd-verify: {len(results) - len(failed)} passed, {len(failed)} failed")
    if failed:
        print("systemd-verify: FAIL\n" + "\n".join(f"  - {n}" for n in failed))
        return 1
    print("systemd-verify: PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
