#!/usr/bin/env python3
"""make proxy-test: deploy/nginx.conf in front of two meetingd replicas.

    python3 deploy/test/proxy_test.py --bin build/meetingd [--requests 2000]

Everything runs on loopback and stops by itself: two replicas on ports the
kernel picks (--trusted-proxies 127.0.0.1), nginx (Debian's package, run by
this script in the foreground, not the system service) with deploy/nginx.conf
rewritten only where a test must differ (the replicas' and nginx's ports,
log/pid/temp files in a temporary folder), and the contract validator
(tests/contract) for the answers that come through the proxy.

Checks: answers come from both replicas (each replica's own access log),
a crowd of 1,000 connections trickling their heads from 200 addresses
while ten requests of a well-behaved client are each answered within a
second, the crowd closed by client_header_timeout, the per-address
connection limit answered with the service's 503 problem,
X-Request-Id passes through both ways, the client address from
X-Forwarded-For is what the replica logs as "client", the body limit (nginx
answers a too large body with the service's 413 problem, at the same
boundary as the service), and a replica stopped with SIGTERM in the middle
of a bounded load loses no request.

Prints one PASS/FAIL line per check and a summary; exits 1 on any failure.
"""

import argparse
import ctypes
import resource
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ARTICLE = os.path.join(ROOT, "deploy", "test", "article.txt")
MAX_BODY = 1048576  # meetingd's default --max-body, = client_max_body_size 1m

results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok)))
    print(("PASS  " if ok else "FAIL  ") + name + (f" ({detail})" if detail else ""), flush=True)
    return ok


def die_with_parent():
    """Children get SIGKILL if this script dies, so nothing outlives it."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def wait_for(pred, timeout, step=0.05):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        v = pred()
        if v:
            return v
        time.sleep(step)
    return pred()


def read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Replica:
    def __init__(self, name, binary, tmp):
        self.name = name
        self.out = os.path.join(tmp, f"{name}.out")
        self.err = os.path.join(tmp, f"{name}.err")
        with open(self.out, "wb") as o, open(self.err, "wb") as e:
            self.proc = subprocess.Popen(
                [binary, "serve", "--bind", "127.0.0.1", "--port", "0",
                 "--threads", "2", "--trusted-proxies", "127.0.0.1"],
                stdin=subprocess.DEVNULL, stdout=o, stderr=e,
                preexec_fn=die_with_parent)
        m = wait_for(lambda: re.search(r"listening on 127\.0\.0\.1:(\d+)", read(self.err)), 10)
        if not m:
            self.proc.kill()
            raise RuntimeError(f"replica {name} did not start: {read(self.err)}")
        self.port = int(m.group(1))

    def log(self):
        """The replica's access log: one JSON object per request."""
        lines = []
        for line in read(self.out).splitlines():
            try:
                lines.append(json.loads(line))
            except ValueError:
                pass
        return lines

    def stop(self, timeout=30):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None


def render_conf(src, tmp, nginx_port, ports):
    """deploy/nginx.conf with the test's ports and files; the rest verbatim."""
    conf = read(src)
    block = re.search(r"upstream meetingd \{(.*?)\n\t\}", conf, re.S)
    if not block:
        raise RuntimeError("deploy/nginx.conf: no 'upstream meetingd' block")
    servers = re.findall(r"^(\s*server\s+)(\S+)(.*;)$", block.group(1), re.M)
    if len(servers) != len(ports):
        raise RuntimeError(f"deploy/nginx.conf names {len(servers)} upstream servers, the test runs {len(ports)}")
    body = block.group(1)
    for (pre, addr, rest), port in zip(servers, ports):
        body = body.replace(f"{pre}{addr}{rest}", f"{pre}127.0.0.1:{port}{rest}", 1)
    conf = conf[:block.start(1)] + body + conf[block.end(1):]
    n_listen = len(re.findall(r"^\s*listen\s+80;", conf, re.M))
    conf = re.sub(r"^(\s*)listen\s+80;", rf"\1listen 127.0.0.1:{nginx_port};", conf, flags=re.M)
    conf = re.sub(r"^\s*listen\s+\[::\]:80;\n", "", conf, flags=re.M)
    if n_listen != 1:
        raise RuntimeError("deploy/nginx.conf: expected one 'listen 80;'")
    conf = conf.replace("/var/log/nginx/", tmp + "/")
    if os.geteuid() != 0:
        conf = re.sub(r"^user\s+[^;]+;\n", "", conf, flags=re.M)
    temp = "".join(f"\t{k}_temp_path {tmp}/{k};\n"
                   for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = re.sub(r"^http \{\n", "http {\n" + temp, conf, count=1, flags=re.M)
    return f"pid {tmp}/nginx.pid;\n" + conf


class Nginx:
    def __init__(self, nginx, conf_src, tmp, ports):
        self.tmp = tmp
        self.conf = os.path.join(tmp, "nginx.conf")
        self.startup_log = os.path.join(tmp, "nginx-startup.log")
        self.access = os.path.join(tmp, "meetingd.access.log")
        self.error = os.path.join(tmp, "meetingd.error.log")
        for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            d = os.path.join(tmp, k)
            os.makedirs(d, exist_ok=True)
            if os.geteuid() == 0:
                shutil.chown(d, "www-data", "www-data")
        base = [nginx, "-p", tmp + "/", "-e", self.startup_log, "-c", self.conf]
        for _ in range(3):  # another process may take the free port first
            self.port = free_port()
            with open(self.conf, "w") as f:
                f.write(render_conf(conf_src, tmp, self.port, ports))
            t = subprocess.run(base + ["-t", "-q"], capture_output=True, text=True)
            if t.returncode != 0:
                raise RuntimeError(f"nginx -t failed:\n{t.stderr}")
            self.proc = subprocess.Popen(base + ["-g", "daemon off;"],
                                         stdin=subprocess.DEVNULL,
                                         stdout=subprocess.DEVNULL,
                                         stderr=open(os.path.join(tmp, "nginx.stderr"), "wb"),
                                         preexec_fn=die_with_parent)
            if wait_for(lambda: self._up(), 10):
                return
            self.stop()
        raise RuntimeError("nginx did not start:\n" + read(self.startup_log) + read(self.error))

    def _up(self):
        if self.proc.poll() is not None:
            return True  # reported by the caller's request
        try:
            socket.create_connection(("127.0.0.1", self.port), 0.2).close()
            return True
        except OSError:
            return False

    def log(self):
        out = []
        for line in read(self.access).splitlines():
            try:
                out.append(json.loads(line))
            except ValueError:
                pass
        return out

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)  # graceful shutdown
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def run_or_explain(cmd, **kw):
    """Run a setup command quietly; when it fails, the error carries the
    command's own output (npm's error, not only its exit status)."""
    r = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, errors="replace", **kw)
    if r.returncode != 0:
        out = r.stdout.strip()
        lines = out.splitlines()
        if len(lines) > 60:  # npm names the error first and the log file last
            out = "\n".join(lines[:20] + [f"[... {len(lines) - 60} lines ...]"] + lines[-40:])
        raise RuntimeError(f"{' '.join(os.path.basename(c) if i == 0 else c for i, c in enumerate(cmd))} "
                           f"exited {r.returncode}:\n{out}")
    return r


class Validator:
    """tests/contract/validator.mjs on a port it picks, as tests/run.sh runs it."""

    def __init__(self, tmp):
        contract = os.path.join(ROOT, "tests", "contract")
        self.proc = None
        if not shutil.which("node") or not shutil.which("npm"):
            raise RuntimeError("node and npm are needed for the contract check ('make deps')")
        # reinstalled when the lock file changed since the last install, as
        # tests/run.sh does
        installed = os.path.join(contract, "node_modules", ".package-lock.json")
        lock = os.path.join(contract, "package-lock.json")
        if not os.path.exists(installed) or os.path.getmtime(lock) > os.path.getmtime(installed):
            print("proxy-test: npm ci in tests/contract", flush=True)
            run_or_explain(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=contract)
        bundle = os.path.join(tmp, "openapi.json")
        env = dict(os.environ, REDOCLY_TELEMETRY="off", REDOCLY_SUPPRESS_UPDATE_NOTICE="true")
        run_or_explain([os.path.join(contract, "node_modules", ".bin", "redocly"), "bundle",
                        os.path.join(ROOT, "openapi.yaml"), "-o", bundle, "--ext", "json"], env=env)
        portfile = os.path.join(tmp, "validator.port")
        self.proc = subprocess.Popen(["node", os.path.join(contract, "validator.mjs"), bundle, "0", portfile],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=open(os.path.join(tmp, "validator.log"), "wb"),
                                     preexec_fn=die_with_parent)
        if not wait_for(lambda: os.path.exists(portfile) and read(portfile).strip(), 30):
            raise RuntimeError("the contract validator did not start: " + read(os.path.join(tmp, "validator.log")))
        self.port = int(read(portfile))

    def validate(self, method, path, status, headers, body):
        req = json.dumps({"method": method, "path": path, "status": status,
                          "content_type": headers.get("content-type", ""),
                          "body": body.decode("utf-8", "replace"), "headers": headers})
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        c.request("POST", "/validate", req, {"Content-Type": "application/json"})
        answer = json.loads(c.getresponse().read())
        c.close()
        return answer.get("valid") is True, answer.get("errors", [])

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)


def request(port, method, path, body=None, headers=None, source=None, timeout=30):
    """One request on a new connection: (status, {lower-case headers}, body)."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout,
                                   source_address=(source, 0) if source else None)
    try:
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, data
    finally:
        c.close()


def chunked(port, path, payload, chunk=65536):
    """POST with Transfer-Encoding: chunked (no Content-Length for nginx to check)."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        c.putrequest("POST", path)
        c.putheader("Content-Type", "text/plain; charset=utf-8")
        c.putheader("Transfer-Encoding", "chunked")
        c.endheaders()
        try:
            for i in range(0, len(payload), chunk):
                part = payload[i:i + chunk]
                c.send(b"%x\r\n%s\r\n" % (len(part), part))
            c.send(b"0\r\n\r\n")
        except OSError:
            pass  # nginx may answer and close before the last chunk
        r = c.getresponse()
        data = r.read()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, data
    finally:
        c.close()


def by_id(log):
    out = {}
    for e in log:
        out.setdefault(e.get("id"), []).append(e)
    return out


def load(port, article, total, threads, on_progress):
    """`total` POST /v1/parse through nginx from `threads` keep-alive clients;
    returns {request id: (status, error)} for every request."""
    results_ = {}
    lock = threading.Lock()
    counter = iter(range(total))

    def worker():
        conn = None
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                break
            rid = f"load-{i:05d}"
            status, err = None, ""
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("POST", "/v1/parse", body=article,
                             headers={"Content-Type": "text/plain; charset=utf-8", "X-Request-Id": rid})
                r = conn.getresponse()
                data = r.read()
                status = r.status
                if status != 200 or b'"meetings":[{' not in data:
                    err = data[:200].decode("utf-8", "replace")
                if r.getheader("X-Request-Id") != rid:
                    err += f" X-Request-Id {r.getheader('X-Request-Id')!r}"
                if r.will_close:
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException) as e:
                err = f"{type(e).__name__}: {e}"
                if conn:
                    conn.close()
                conn = None
            with lock:
                results_[rid] = (status, err)
                on_progress(len(results_))
        if conn:
            conn.close()

    ts = [threading.Thread(target=worker) for _ in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return results_


def slow_heads(port, n, sources):
    """n connections from 127.0.0.2 ... that send a request line and stop."""
    socks = []
    for i in range(n):
        s = socket.socket()
        s.setblocking(False)
        s.bind((f"127.0.0.{2 + i % sources}", 0))
        try:
            s.connect(("127.0.0.1", port))
        except BlockingIOError:
            pass
        socks.append(s)
    time.sleep(0.3)
    for s in socks:
        try:
            s.send(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        except OSError:
            pass
    return socks


def closed(s):
    """True once the peer closed s (EOF or reset)."""
    try:
        return s.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "meetingd"))
    ap.add_argument("--conf", default=os.path.join(ROOT, "deploy", "nginx.conf"))
    ap.add_argument("--nginx", default=shutil.which("nginx") or "/usr/sbin/nginx")
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()
    t0 = time.monotonic()
    for f, what in ((args.bin, "meetingd (make)"), (args.nginx, "nginx (apt-get install nginx)")):
        if not os.access(f, os.X_OK):
            print(f"proxy-test: {f} is missing: {what}", file=sys.stderr)
            return 2
    with open(ARTICLE, "rb") as f:
        article = f.read()
    tmp = tempfile.mkdtemp(prefix="meetingd-proxy-test.")
    os.chmod(tmp, 0o755)  # nginx's workers (www-data) write temp files below
    procs = []
    try:
        a = Replica("replica-a", args.bin, tmp)
        procs.append(a)
        b = Replica("replica-b", args.bin, tmp)
        procs.append(b)
        ngx = Nginx(args.nginx, args.conf, tmp, [a.port, b.port])
        procs.append(ngx)
        val = Validator(tmp)
        procs.append(val)
        port = ngx.port
        print(f"proxy-test: nginx 127.0.0.1:{port} -> replicas 127.0.0.1:{a.port}, 127.0.0.1:{b.port}; "
              f"validator 127.0.0.1:{val.port}", flush=True)

        def valid(method, path, resp):
            ok, errs = val.validate(method, path, resp[0], resp[1], resp[2])
            return ok, "; ".join(errs[:3])

        # -- health through the proxy
        r = request(port, "GET", "/healthz")
        ok, why = valid("GET", "/healthz", r)
        check("GET /healthz through nginx: 200, valid under the contract", r[0] == 200 and ok, why or f"status {r[0]}")

        # -- round-robin: every answer is logged by exactly one replica
        n = 20
        statuses, contract = [], []
        for i in range(n):
            r = request(port, "POST", "/v1/parse", article,
                        {"Content-Type": "text/plain; charset=utf-8", "X-Request-Id": f"rr-{i:02d}"})
            statuses.append(r[0])
            contract.append(valid("POST", "/v1/parse", r)[0])
        time.sleep(0.2)  # the access log line is written after the response
        ia, ib = by_id(a.log()), by_id(b.log())
        na = sum(1 for i in range(n) if f"rr-{i:02d}" in ia)
        nb = sum(1 for i in range(n) if f"rr-{i:02d}" in ib)
        check(f"{n} POST /v1/parse through nginx answered 200 and valid under the contract",
              statuses == [200] * n and all(contract), f"statuses {sorted(set(statuses))}")
        check("answers come from both replicas, round-robin", na + nb == n and abs(na - nb) <= 2 and na and nb,
              f"replica A {na}, replica B {nb}")

        # -- X-Request-Id both ways
        r = request(port, "POST", "/v1/parse", article,
                    {"Content-Type": "text/plain", "X-Request-Id": "proxy-test-abc.1"})
        time.sleep(0.2)
        logged = [e for rep in (a, b) for e in rep.log() if e.get("id") == "proxy-test-abc.1"]
        nlog = [e for e in ngx.log() if e.get("id") == "proxy-test-abc.1"]
        check("a client's X-Request-Id reaches the replica and comes back",
              r[1].get("x-request-id") == "proxy-test-abc.1" and len(logged) == 1 and len(nlog) == 1,
              f"response {r[1].get('x-request-id')!r}, replica log {len(logged)}, nginx log {len(nlog)}")
        r = request(port, "GET", "/version")
        rid = r[1].get("x-request-id", "")
        time.sleep(0.2)
        logged = [e for rep in (a, b) for e in rep.log() if e.get("id") == rid]
        nlog = [e for e in ngx.log() if e.get("id") == rid]
        check("without one, nginx's id is the replica's id, in the response and in both logs",
              re.fullmatch(r"[0-9a-f]{32}", rid) and len(logged) == 1 and len(nlog) == 1,
              f"id {rid!r}, replica log {len(logged)}, nginx log {len(nlog)}")
        r = request(port, "GET", "/healthz", headers={"X-Request-Id": "not valid!"})
        rid = r[1].get("x-request-id", "")
        check("an id the service would refuse is replaced by nginx's, as the service would",
              re.fullmatch(r"[0-9a-f]{32}", rid) is not None, f"id {rid!r}")

        # -- X-Forwarded-For: the client (127.0.0.2 on loopback) in the replica's log
        r = request(port, "POST", "/v1/parse", article,
                    {"Content-Type": "text/plain", "X-Request-Id": "xff-1"}, source="127.0.0.2")
        r2 = request(port, "POST", "/v1/parse", article,
                     {"Content-Type": "text/plain", "X-Request-Id": "xff-2",
                      "X-Forwarded-For": "203.0.113.9"}, source="127.0.0.2")
        time.sleep(0.2)
        e1 = [e for rep in (a, b) for e in rep.log() if e.get("id") == "xff-1"]
        e2 = [e for rep in (a, b) for e in rep.log() if e.get("id") == "xff-2"]
        check("the replica logs the client from X-Forwarded-For (client 127.0.0.2, remote nginx 127.0.0.1)",
              r[0] == 200 and len(e1) == 1 and e1[0].get("client") == "127.0.0.2" and e1[0].get("remote") == "127.0.0.1",
              json.dumps(e1[0] if e1 else None))
        check("a forged X-Forwarded-For from the client is not believed",
              r2[0] == 200 and len(e2) == 1 and e2[0].get("client") == "127.0.0.2",
              json.dumps(e2[0] if e2 else None))

        # -- body limit: nginx's limit = the service's; nginx answers with the service's problem
        big = (article * (2 * MAX_BODY // len(article) + 1))[:2 * MAX_BODY]
        results_413 = []
        for label, resp in (
                ("2 MiB with Content-Length", request(port, "POST", "/v1/parse", big,
                                                       {"Content-Type": "text/plain", "X-Request-Id": "big-1"})),
                ("2 MiB chunked", chunked(port, "/v1/parse", big)),
                (f"{MAX_BODY + 1} bytes", request(port, "POST", "/v1/parse", big[:MAX_BODY + 1],
                                                   {"Content-Type": "text/plain", "X-Request-Id": "big-2"}))):
            ok_c, why = valid("POST", "/v1/parse", resp)
            try:
                p = json.loads(resp[2])
            except ValueError:
                p = {}
            results_413.append(label)
            check(f"{label}: 413 application/problem+json body-too-large, instance = X-Request-Id, valid under the contract",
                  resp[0] == 413 and resp[1].get("content-type", "").startswith("application/problem+json")
                  and str(p.get("type", "")).endswith("/body-too-large") and p.get("status") == 413
                  and p.get("instance") == resp[1].get("x-request-id") and ok_c,
                  why or f"status {resp[0]}, {resp[2][:120]!r}")
        time.sleep(0.2)
        reached = [e for rep in (a, b) for e in rep.log() if e.get("id") in ("big-1", "big-2") or e.get("status") == 413]
        check("nginx answered those itself (no replica saw them)", not reached, json.dumps(reached[:2]))
        whole = article * (MAX_BODY // len(article))
        whole += b"\n" * (MAX_BODY - len(whole))  # valid UTF-8, exactly the limit
        r = request(port, "POST", "/v1/parse", whole,
                    {"Content-Type": "text/plain", "X-Request-Id": "big-ok"})
        time.sleep(0.2)
        seen = [e for rep in (a, b) for e in rep.log() if e.get("id") == "big-ok"]
        check(f"a body of exactly {MAX_BODY} bytes passes nginx and is answered by a replica",
              r[0] == 200 and len(seen) == 1 and seen[0].get("bytes_in") == MAX_BODY,
              f"status {r[0]}, replica log {json.dumps(seen[0]) if seen else None}")

        # -- a slow-header crowd: nginx holds it, a well-behaved client is served
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft < 4096 and (hard == resource.RLIM_INFINITY or hard >= 4096):
            resource.setrlimit(resource.RLIMIT_NOFILE, (4096, hard))
        t_crowd = time.monotonic()
        crowd = slow_heads(port, 1000, 200)
        worst, probes = 0.0, []
        for i in range(10):
            t = time.monotonic()
            r = request(port, "GET", "/healthz", timeout=5, source="127.0.0.1")
            worst = max(worst, time.monotonic() - t)
            probes.append(r[0])
        check("1,000 connections trickling their heads from 200 addresses: ten requests of another "
              "client each answered within 1 s", probes == [200] * 10 and worst < 1.0,
              f"statuses {sorted(set(probes))}, worst {worst:.3f} s")
        # -- one address over limit_conn: the service's 503 problem from nginx
        held = []
        for i in range(70):
            c = socket.create_connection(("127.0.0.1", port), timeout=5, source_address=("127.0.0.250", 0))
            c.sendall(b"POST /v1/parse HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                      b"Content-Length: 100\r\n\r\n")
            held.append(c)
        time.sleep(0.5)
        refused = 0
        for c in held:
            c.setblocking(False)
            try:
                head = c.recv(4096)
            except BlockingIOError:
                head = b""
            if head.startswith(b"HTTP/1.1 503") and b"/problems/overloaded" in head:
                refused += 1
            c.close()
        check("70 requests at once from one address: those over limit_conn 64 get the 503 overloaded problem",
              refused == 6, f"{refused} refused")
        while time.monotonic() - t_crowd < 6.5:  # client_header_timeout 5s
            time.sleep(0.1)
        gone = sum(1 for s in crowd if closed(s))
        check("the crowd's connections are closed by client_header_timeout (5 s)", gone == len(crowd),
              f"{gone} of {len(crowd)} closed after {time.monotonic() - t_crowd:.1f} s")
        for s in crowd:
            s.close()

        # -- SIGTERM on one replica under load
        before = {"a": len(a.log()), "b": len(b.log())}
        stop_at = args.requests // 4
        state = {"sent": False, "t": None}

        def on_progress(done):
            if not state["sent"] and done >= stop_at:
                state["sent"] = True
                state["t"] = time.monotonic()
                a.proc.send_signal(signal.SIGTERM)

        t_load = time.monotonic()
        res = load(port, article, args.requests, args.threads, on_progress)
        load_s = time.monotonic() - t_load
        try:
            rc_a = a.proc.wait(30)
        except subprocess.TimeoutExpired:
            rc_a = None
        failures = {k: v for k, v in res.items() if v[0] != 200 or v[1]}
        check(f"{args.requests} POSTs from {args.threads} clients, replica A stopped with SIGTERM after {stop_at}: none lost",
              len(res) == args.requests and not failures,
              f"{len(failures)} failed, e.g. {list(failures.items())[:3]}" if failures else f"{load_s:.1f} s, {args.requests / load_s:.0f} req/s")
        err_a = read(a.err)
        m = re.search(r"draining (\d+) in-flight", err_a)
        check("replica A drained and exited 0", rc_a == 0 and m and "meetingd: stopped" in err_a,
              f"exit {rc_a}, {m.group(0) if m else 'no drain line'}")

        def load_ids():
            la, lb = a.log()[before["a"]:], b.log()[before["b"]:]
            return ({e["id"] for e in la if str(e.get("id", "")).startswith("load-")},
                    {e["id"] for e in lb if str(e.get("id", "")).startswith("load-")})

        # a replica writes its access log line after the answer: the last
        # ones may land just after the client has read them
        wait_for(lambda: len(set.union(*load_ids())) >= args.requests, 5)
        ids_a, ids_b = load_ids()
        retried = [e for e in ngx.log() if str(e.get("id", "")).startswith("load-") and "," in e.get("upstream", "")]
        check("both replicas served the load before the stop, replica B alone after it",
              ids_a and ids_b and len(ids_a | ids_b) == args.requests,
              f"A {len(ids_a)}, B {len(ids_b)}, retried by nginx on the other replica {len(retried)}")
        conn_errors = read(ngx.error).count("failed (111: Connection refused)")
        print(f"proxy-test: nginx logged {conn_errors} refused connection(s) to the stopped replica, "
              f"{len(retried)} request(s) went to a second replica", flush=True)

        # -- the rest stops cleanly
        rc_b = b.stop()
        check("replica B exits 0 on SIGTERM", rc_b == 0, f"exit {rc_b}")
    except Exception as e:  # a setup step failed: that is a failure too
        check(f"setup: {e}", False)
    finally:
        for p in reversed(procs):
            try:
                p.stop()
            except Exception:
                pass
        if args.keep:
            print(f"proxy-test: files kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    failed = [n for n, ok in results if not ok]
    print()
    print(f"proxy-test: {time.monotonic() - t0:.1f} s")
    print(f"proxy-test: {len(results) - len(failed)} passed, {len(failed)} failed")
    if failed:
        print("proxy-test: FAIL\n" + "\n".join(f"  - {n}" for n in failed))
        return 1
    print("proxy-test: PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
