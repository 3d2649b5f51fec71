#!/usr/bin/env python3
"""The console workload of the benchmark: signed-in users loading the referral list and a referral page.

    python3 deploy/local/bench.d/console.py        (against the running local stack: deploy/local/up)

Signs in BENCH_CONSOLE_USERS sessions (16) through the real Keycloak login page (authorization code flow with PKCE,
as a browser does: identity-first user name, then password), alternating a caseworker of CSR Kikinda and one of
Udruženje ROD, finds a referral each may open, and drives wrk at each of BENCH_CLIENTS (16) connections for
BENCH_DURATION (30s, after BENCH_WARMUP 10s) over /referrals?direction=... and /referrals/{id}. Reports the p50/p95/p99
server time seen by wrk (localhost, so network time is nil) against the target p95 < 150 ms, and the weight of each
page with its assets (HTML, CSS, JS, htmx) against the target < 200 KB. Writes
deploy/local/run/bench/console-<timestamp>.json. A benchmark, not a test: it fails on nothing but a broken setup.
"""
import gzip
import html
import http.cookiejar
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
CONSOLE = os.environ.get("CONSOLE_URL", "http://localhost:8084").rstrip("/")
USERS = [("ana.csr", "OUTGOING"), ("marko.rod", "INCOMING")]
PASSWORD = os.environ.get("BENCH_CONSOLE_PASSWORD", "demo")
SESSIONS = int(os.environ.get("BENCH_CONSOLE_USERS", "16"))
CLIENTS = [int(c) for c in os.environ.get("BENCH_CLIENTS", "16").replace(",", " ").split()]
DURATION = os.environ.get("BENCH_DURATION", "30s")
WARMUP = os.environ.get("BENCH_WARMUP", "10s")
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
ASSETS = ["/static/console.css", "/static/console.js", "/webjars/htmx.org/2.0.7/dist/htmx.min.js"]


def form_action(page):
    m = re.search(r'<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"', page) or \
        re.search(r'<form[^>]*action="([^"]+)"[^>]*id="kc-form-login"', page)
    if not m:
        raise RuntimeError("no Keycloak login form")
    return html.unescape(m.group(1))


class LocalhostIsSecure(http.cookiejar.DefaultCookiePolicy):
    """Keycloak marks its login cookies Secure; a browser sends them to http://localhost (a secure context), so must we."""

    def return_ok_secure(self, cookie, request):
        return True


def sign_in(user):
    """A console session of `user`: its cookies, as a browser holds them after the code flow."""
    jar = http.cookiejar.CookieJar(LocalhostIsSecure())
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(CONSOLE + "/").read().decode()  # redirected to Keycloak's login page
    fields = {"username": user}
    if 'name="password"' in page:
        fields["password"] = PASSWORD
    response = opener.open(form_action(page), urllib.parse.urlencode(fields).encode())
    if not response.geturl().startswith(CONSOLE):  # identity-first: the password on a second page
        page = response.read().decode()
        response = opener.open(form_action(page), urllib.parse.urlencode(
            {"username": user, "password": PASSWORD}).encode())
    if not response.geturl().startswith(CONSOLE):
        raise RuntimeError(f"{user} was not signed in (ended at {response.geturl()})")
    # cookies do not tell ports apart: the console's are those on path / (Keycloak's are under /realms/)
    cookies = "; ".join(f"{c.name}={c.value}" for c in jar if c.path == "/")
    return opener, cookies


def weight(opener, path):
    """Bytes of a page and its assets, as sent (gzip when the server compresses) and unpacked."""
    sent = unpacked = 0
    for p in [path] + ASSETS:
        req = urllib.request.Request(CONSOLE + p, headers={"Accept-Encoding": "gzip"})
        with opener.open(req) as r:
            body = r.read()
            sent += len(body)
            unpacked += len(gzip.decompress(body) if r.headers.get("Content-Encoding") == "gzip" else body)
    return {"path": re.sub(r"[0-9a-f-]{36}", "{id}", path), "sent_bytes": sent, "unpacked_bytes": unpacked}


def main():
    out_dir = os.path.join(HERE, "..", "run", "bench")
    os.makedirs(out_dir, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    lines, weights = [], []
    for i in range(SESSIONS):
        user, direction = USERS[i % len(USERS)]
        opener, cookies = sign_in(user)
        listing = f"/referrals?direction={direction}"
        page = opener.open(CONSOLE + listing).read().decode()
        ids = re.findall(r'href="/referrals/([0-9a-f-]{36})"', page)
        if not ids:
            raise RuntimeError(f"{user} has no referral in {listing}: run deploy/local/bench first (it makes some)")
        detail = f"/referrals/{ids[i % len(ids)]}"
        lines += [f"{listing}\t{cookies}", f"{detail}\t{cookies}"]
        if i < len(USERS):
            weights += [weight(opener, listing), weight(opener, detail)]
    requests = os.path.join(out_dir, f"console-{stamp}.requests")
    with open(requests, "w") as f:
        f.write("\n".join(lines) + "\n")
    results = {"command": "deploy/local/bench.d/console.py", "sessions": SESSIONS, "pages": weights, "runs": [],
               "load_before": os.getloadavg()[0]}
    for clients in CLIENTS:
        threads = str(min(THREADS, clients))
        base = ["wrk", "-t", threads, "-c", str(clients), "--timeout", "10s", "-s", os.path.join(HERE, "console.lua"),
                CONSOLE]
        for label, duration in (("warmup", WARMUP), ("run", DURATION)):
            out = os.path.join(out_dir, f"console-{stamp}-{clients}-{label}.json")
            subprocess.run(base[:5] + ["-d", duration] + base[5:] + ["--", requests, threads],
                           env=dict(os.environ, BENCH_WRK_OUT=out), check=True, stdout=subprocess.DEVNULL)
        with open(out) as f:
            r = json.load(f)
        r["clients"] = clients
        r["rps"] = r["requests"] / (r["duration_us"] / 1e6)
        r["load_after"] = os.getloadavg()[0]
        results["runs"].append(r)
    os.remove(requests)  # it holds session cookies
    with open(os.path.join(out_dir, f"console-{stamp}.json"), "w") as f:
        json.dump(results, f, indent=2)
    print(f"{'console':<10}{'clients':>8}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for r in results["runs"]:
        l = r["latency_us"]
        errors = sum(r["errors"].values())
        print(f"{'pages':<10}{r['clients']:>8}{r['rps']:>9.0f}{l['p50'] / 1000:>9.1f}{l['p95'] / 1000:>9.1f}"
              f"{l['p99'] / 1000:>9.1f}{errors:>8}   (target p95 < 150 ms; load {results['load_before']:.1f} "
              f"before, {r['load_after']:.1f} after: other work on the 2 cores inflates these)")
    for w in weights:
        print(f"{w['path']:<40} {w['sent_bytes'] / 1024:7.1f} KB sent, {w['unpacked_bytes'] / 1024:7.1f} KB unpacked"
              f"   (target < 200 KB)")


if __name__ == "__main__":
    try:
        main()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as e:
        sys.exit(f"console bench: {e}")
