#!/usr/bin/env python3
"""The measuring part of deploy/local/bench (started by it, after the tools and the stack are there).

Drives wrk (HTTP workloads) and pgbench (the machine's limit for durable commits) against the running local stack,
samples every process of the stack from /proc, computes the end-to-end time create -> inbox from the stored times of
every referral, prints the figures and writes them as JSON (and a PNG chart if gnuplot is there) under
deploy/local/run/bench/<timestamp>/. Standard library only. See deploy/local/README.md ("Benchmark") and
docs/performance.md.
"""

import concurrent.futures
import json
import math
import os
import random
import resource
import shutil
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from localstack import (AGENCIES, RING, RUN, SERVICES, USERS, Pg, create_cases, env, instances_of,  # noqa: E402
                        log, password_token, pid_file, port_of, read_file, seconds, sql_list)

LUA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "requests.lua")
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
# the processes measured: each service (or, when it runs as instances behind haproxy, each instance and its
# balancer "<service>-lb"), Keycloak, Kafka and PostgreSQL; set from the running stack (Stack)
COMPONENTS = SERVICES + ["keycloak", "kafka", "postgres"]

CASES_PER_AGENCY = 8
IDS_PER_READER = 32

# issue 12's targets, at 64 clients after a warm-up of at least 2 minutes
TARGETS = {
    "create_rps_64": 1500,
    "create_p99_ms_64": 100,
    "create_cpu_ms": 1.3,
    "read_rps": 5000,
    "read_p99_ms": 30,
    "read_cpu_ms": 0.4,
    "list_rps": 2000,
    "e2e_p99_ms_half_rate": 250,
    "drain_s": 10,
    "service_rss_mb": 200,
}


# ------------------------------------------------------------------------------------------------ small helpers

def percentile(sorted_values, p):
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return None
    k = max(0, math.ceil(p / 100.0 * len(sorted_values)) - 1)
    return sorted_values[k]


# ------------------------------------------------------------------------------------------------ processes

def stat_of(pid):
    """(utime+stime, cutime+cstime) in ticks, ppid, pgrp, comm; None if gone."""
    s = read_file(f"/proc/{pid}/stat")
    if not s:
        return None
    comm = s[s.index("(") + 1: s.rindex(")")]
    f = s[s.rindex(")") + 2:].split()
    # f[0] = state (field 3); utime is field 14 -> f[11]
    return {"ppid": int(f[1]), "pgrp": int(f[2]), "cpu": int(f[11]) + int(f[12]),
            "children_cpu": int(f[13]) + int(f[14]), "comm": comm}


def rss_kb(pid):
    s = read_file(f"/proc/{pid}/status")
    if not s:
        return 0
    for line in s.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def hwm_kb(pid):
    s = read_file(f"/proc/{pid}/status") or ""
    for line in s.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def pss_kb(pid):
    s = read_file(f"/proc/{pid}/smaps_rollup") or ""
    for line in s.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def all_pids():
    return [int(p) for p in os.listdir("/proc") if p.isdigit()]


class Stack:
    """The stack's processes: one JVM per service, Kafka's JVM, Keycloak's JVM, all PostgreSQL server processes."""

    def __init__(self):
        global COMPONENTS
        self.pids = {}
        names = []
        for c in SERVICES:
            instances = instances_of(c)
            # a service behind a balancer: run/<service>.pid is its haproxy, each instance has its own pid file
            names += ([c + "-lb"] + instances) if instances else [c]
        for c in names + ["kafka"]:
            pid = pid_file(c[:-3] if c.endswith("-lb") else c)
            if pid and stat_of(pid):
                self.pids[c] = pid
        COMPONENTS = names + ["keycloak", "kafka", "postgres"]
        pgid = pid_file("keycloak")
        if pgid:
            for p in all_pids():
                st = stat_of(p)
                if st and st["pgrp"] == pgid and st["comm"] == "java":
                    self.pids["keycloak"] = p
                    break
        pm = read_file(os.path.join(RUN, "postgres", "data", "postmaster.pid"))
        self.postmaster = int(pm.splitlines()[0]) if pm and pm.splitlines()[0].isdigit() else None
        if self.postmaster and stat_of(self.postmaster):
            self.pids["postgres"] = self.postmaster

    def postgres_pids(self):
        pids = [self.postmaster]
        for p in all_pids():
            st = stat_of(p)
            if st and st["ppid"] == self.postmaster:
                pids.append(p)
        return pids

    def cpu_ticks(self):
        """Cumulative CPU ticks per component (PostgreSQL: live server processes + the exited ones' times)."""
        out = {}
        for c, pid in self.pids.items():
            if c == "postgres":
                total = 0
                for p in self.postgres_pids():
                    st = stat_of(p)
                    if st:
                        total += st["cpu"] + (st["children_cpu"] if p == self.postmaster else 0)
                out[c] = total
            else:
                st = stat_of(pid)
                out[c] = st["cpu"] if st else 0
        return out

    def memory_kb(self):
        """RSS per JVM; for PostgreSQL the sum of PSS (shared buffers counted once) over its processes."""
        out = {}
        for c, pid in self.pids.items():
            if c == "postgres":
                out[c] = sum(pss_kb(p) for p in self.postgres_pids())
            else:
                out[c] = rss_kb(pid)
        return out


def machine_ticks():
    """(busy, total) CPU ticks of the whole machine from /proc/stat."""
    f = [int(x) for x in read_file("/proc/stat").splitlines()[0].split()[1:]]
    idle = f[3] + (f[4] if len(f) > 4 else 0)
    total = sum(f[:8])
    return total - idle, total


class Sampler(threading.Thread):
    """Samples the memory of the stack every second; peaks per window (reset by reset())."""

    def __init__(self, stack, interval=1.0):
        super().__init__(daemon=True)
        self.stack = stack
        self.interval = interval
        self.lock = threading.Lock()
        self.peak = {}
        self.last = {}
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            m = self.stack.memory_kb()
            with self.lock:
                self.last = m
                for c, kb in m.items():
                    self.peak[c] = max(self.peak.get(c, 0), kb)
            self.stopped.wait(self.interval)

    def reset(self):
        with self.lock:
            self.peak = dict(self.last)

    def peaks(self):
        with self.lock:
            return dict(self.peak)


class Window:
    """CPU seconds of each component, of the load generator and of the whole machine during one measured run."""

    def __init__(self, stack, sampler):
        self.stack, self.sampler = stack, sampler

    def __enter__(self):
        self.sampler.reset()
        self.t0 = time.time()
        self.cpu0 = self.stack.cpu_ticks()
        self.m0 = machine_ticks()
        self.self0 = resource.getrusage(resource.RUSAGE_SELF)
        self.load0 = os.getloadavg()
        return self

    def __exit__(self, *exc):
        self.t1 = time.time()
        self.cpu1 = self.stack.cpu_ticks()
        self.m1 = machine_ticks()
        self.self1 = resource.getrusage(resource.RUSAGE_SELF)
        self.load1 = os.getloadavg()
        return False

    def report(self, generator_cpu_s, generator_name):
        procs = {}
        peaks = self.sampler.peaks()
        for c in COMPONENTS:
            if c in self.cpu0:
                procs[c] = {
                    "cpu_s": round((self.cpu1.get(c, 0) - self.cpu0[c]) / CLK_TCK, 2),
                    "peak_mb": round(peaks.get(c, 0) / 1024, 1),
                    "memory": "PSS sum over server processes" if c == "postgres" else "RSS",
                }
        wall = self.t1 - self.t0
        busy = (self.m1[0] - self.m0[0]) / CLK_TCK
        total = (self.m1[1] - self.m0[1]) / CLK_TCK
        self_cpu = (self.self1.ru_utime + self.self1.ru_stime) - (self.self0.ru_utime + self.self0.ru_stime)
        stack_cpu = sum(p["cpu_s"] for p in procs.values())
        return {
            "processes": procs,
            "machine": {
                "wall_s": round(wall, 2),
                "cpu_capacity_s": round(total, 2),
                "cpu_busy_s": round(busy, 2),
                "cpu_busy_pct": round(100.0 * busy / total, 1) if total else None,
                "stack_cpu_s": round(stack_cpu, 2),
                "load_generator": generator_name,
                "load_generator_cpu_s": round(generator_cpu_s, 2),
                "bench_self_cpu_s": round(self_cpu, 2),
                "other_processes_cpu_s": round(max(0.0, busy - stack_cpu - generator_cpu_s - self_cpu), 2),
                "loadavg_start": round(self.load0[0], 2),
                "loadavg_end": round(self.load1[0], 2),
            },
        }


def run_timed(cmd, envs=None, stdout=None):
    """Runs a command, returns (exit code, CPU seconds it and its children used)."""
    p = subprocess.Popen(cmd, env=envs, stdout=stdout, stderr=subprocess.STDOUT)
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, ru.ru_utime + ru.ru_stime


def snapshot_top(path):
    try:
        out = subprocess.run(["top", "-b", "-n", "1", "-w", "200"], capture_output=True, text=True, timeout=10).stdout
        with open(path, "w") as f:
            f.write("\n".join(out.splitlines()[:30]) + "\n")
    except (OSError, subprocess.SubprocessError):
        pass


# ------------------------------------------------------------------------------------------------ the benchmark

class Bench:
    def __init__(self):
        self.duration = seconds(env("BENCH_DURATION", "30s"))
        self.warmup = seconds(env("BENCH_WARMUP", "60s"))
        self.clients = [int(c) for c in env("BENCH_CLIENTS", "16 64").replace(",", " ").split()]
        self.threads = int(env("BENCH_THREADS", str(min(2, os.cpu_count() or 2))))
        self.workloads = env("BENCH_WORKLOADS", "pgbench create paced read list").replace(",", " ").split()
        self.drain_timeout = seconds(env("BENCH_DRAIN_TIMEOUT", "300s"))
        jfr = env("BENCH_JFR", "0")
        self.jfr = "create" if jfr == "1" else (None if jfr == "0" else jfr)
        self.quick = env("BENCH_QUICK", "0") == "1"
        self.ts = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        self.out = os.path.join(RUN, "bench", self.ts)
        os.makedirs(self.out, exist_ok=True)
        self.ref_url = f"http://localhost:{port_of('referral-service', 8082)}"
        self.pg = Pg(port_of("postgres", 5432))
        self.stack = Stack()
        self.sampler = Sampler(self.stack)
        self.results = []
        self.pgbench = {}
        self.tokens = []
        self.tokens_at = 0
        self.cases = {}
        self.consents = {}
        self.e2e_series = {}
        self.rss_after_warmup = {}
        self.jfr_summary = None
        self.rss_after_runs = None

    # -------------------------------------------------------------- setup
    def fetch_tokens(self, n):
        """One token per virtual user (password grant), from the pool of demo users in turn."""
        def grant(i):
            user, agency = USERS[i % len(USERS)]
            return {"user": user, "agency": agency, "token": password_token(user)}
        t0 = time.time()
        with concurrent.futures.ThreadPoolExecutor(4) as ex:
            self.tokens = list(ex.map(grant, range(n)))
        self.tokens_at = time.time()
        log(f"{n} tokens (password grant, users {', '.join(u for u, _ in USERS)}) in {time.time() - t0:.1f} s")

    def fresh_tokens(self):
        # access tokens live 15 minutes; a long run takes new ones (a new set of virtual users) after 10
        if time.time() - self.tokens_at > 600:
            self.fetch_tokens(len(self.tokens))

    def create_cases(self):
        """A few cases per sending agency, then wait until the referral-service knows their owner (its projection)."""
        t0 = time.time()
        first_token = {}
        for t in self.tokens:
            first_token.setdefault(t["agency"], t["token"])
        self.cases, self.consents = create_cases(self.pg, first_token, CASES_PER_AGENCY)
        self.case_list = sql_list(c for ids in self.cases.values() for c in ids)
        log(f"{CASES_PER_AGENCY * len(AGENCIES)} cases ({CASES_PER_AGENCY} per agency), owners known to the "
            f"referral-service, in {time.time() - t0:.1f} s")

    def settings(self):
        rows = self.pg.q("referrals", "select name, setting, source from pg_settings where name in "
                                      "('fsync','synchronous_commit','full_page_writes','wal_sync_method',"
                                      "'shared_buffers','max_connections','server_version')")
        return {r[0]: r[1] + ("" if r[2] == "default" else f" ({r[2]})") for r in rows}

    def counts(self):
        return {
            "referrals": int(self.pg.one("referrals", "select count(*) from referral")),
            "inbox_items": int(self.pg.one("notifications", "select count(*) from inbox_item")),
            "incoming_per_agency": {r[0]: int(r[1]) for r in self.pg.q(
                "referrals", "select to_agency, count(*) from referral where status <> 'DRAFT' group by 1 order by 1")},
        }

    # -------------------------------------------------------------- request files
    def request_file(self, name, clients, lines_of):
        """Lines of all virtual users, interleaved, so that every wrk thread cycles through its share of users."""
        per_user = [lines_of(v, self.tokens[v]) for v in range(clients)]
        path = os.path.join(self.out, f"requests-{name}-{clients}.tsv")
        with open(path, "w") as f:
            depth = max(len(ls) for ls in per_user)
            for k in range(depth):
                for ls in per_user:
                    if ls:
                        f.write(ls[k % len(ls)] + "\n")
        return path

    def create_lines(self, v, t):
        agency = t["agency"]
        case = self.cases[agency][v % CASES_PER_AGENCY]
        body = json.dumps({
            "caseId": case, "toAgency": RING[agency], "service": "PSYCHOSOCIAL_SUPPORT", "urgency": "ROUTINE",
            "reason": f"bench {self.ts}",
            "sharing": {"basis": "CONSENT", "consentId": self.consents[case], "data": ["IDENTITY"]}},
            separators=(",", ":"))
        return [f"POST\t/api/v1/referrals\t{t['token']}\t{body}"]

    def read_lines(self, v, t):
        ids = self.readable[t["agency"]]
        rnd = random.Random(v)
        return [f"GET\t/api/v1/referrals/{rnd.choice(ids)}\t{t['token']}\t" for _ in range(IDS_PER_READER)]

    def list_lines(self, v, t):
        return [f"GET\t/api/v1/referrals?direction=INCOMING&size=50\t{t['token']}\t"]

    def prepare_readable(self, seeded=False):
        """Ids each agency may read (it sent or received them): its newest 500 referrals."""
        self.readable = {}
        for agency in AGENCIES:
            rows = self.pg.q("referrals", f"select id from referral where from_agency = '{agency}' "
                                          f"union all select id from referral where to_agency = '{agency}' "
                                          f"order by 1 limit 500")
            self.readable[agency] = [r[0] for r in rows]
        if min(len(v) for v in self.readable.values()) == 0:
            if seeded:
                raise RuntimeError("no referrals to read even after the seeding run (see wrk-seed.txt)")
            n = len(USERS)  # one line per sender, so that every agency sends and receives
            log(f"no referrals to read yet: a short create run first (3 s, {n} clients)")
            self.wrk("seed", n, 3, self.request_file("seed", n, self.create_lines), rate=None)
            self.prepare_readable(seeded=True)

    # -------------------------------------------------------------- runs
    def wrk(self, label, clients, duration, path, rate, window=None):
        out = os.path.join(self.out, f"wrk-{label}.json")
        envs = dict(os.environ, BENCH_WRK_OUT=out)
        envs.pop("BENCH_RATE", None)
        if rate:
            envs["BENCH_RATE"] = f"{rate:.1f}"
        threads = min(self.threads, clients)
        cmd = ["wrk", "-t", str(threads), "-c", str(clients), "-d", f"{max(1, round(duration))}s",
               "--timeout", "10s", "-s", LUA, self.ref_url, "--", path, str(threads)]
        with open(os.path.join(self.out, f"wrk-{label}.txt"), "w") as f:
            if window is not None:
                threading.Timer(duration / 2, snapshot_top, [os.path.join(self.out, f"top-{label}.txt")]).start()
            code, cpu = run_timed(cmd, envs, stdout=f)
        if code != 0 or not os.path.exists(out):
            raise RuntimeError(f"wrk {label} failed (exit {code}): see {self.out}/wrk-{label}.txt")
        with open(out) as f:
            return json.load(f), cpu

    def http_workload(self, workload, clients, lines_of, rate=None):
        label = f"{workload}-{clients}"
        self.fresh_tokens()
        path = self.request_file(workload, clients, lines_of)
        if self.warmup > 0:
            log(f"{label}: warm-up {self.warmup:g} s" + (f" at {rate:.0f}/s" if rate else ""))
            self.wrk(label + "-warmup", clients, self.warmup, path, rate)
            if not self.rss_after_warmup:
                self.rss_after_warmup = {c: round(kb / 1024, 1) for c, kb in self.stack.memory_kb().items()}
        log(f"{label}: {self.duration:g} s, {clients} clients" + (f", paced at {rate:.0f}/s" if rate else ""))
        jfr_file = None
        if self.jfr == workload and clients == max(self.clients):
            jfr_file = self.start_jfr(label)
        with Window(self.stack, self.sampler) as w:
            res, cpu = self.wrk(label, clients, self.duration, path, rate, window=w)
        if jfr_file:
            self.summarise_jfr(jfr_file)
        errors = res["errors"]
        secs = res["duration_us"] / 1e6
        n_err = errors["status"] + errors["connect"] + errors["read"] + errors["write"] + errors["timeout"]
        lat = res["latency_us"]
        r = {
            "workload": workload,
            "clients": clients,
            "paced_rate": round(rate, 1) if rate else None,
            "duration_s": round(secs, 2),
            "requests": res["requests"],
            "rps": round(res["requests"] / secs, 1),
            "ok_rps": round((res["requests"] - errors["status"]) / secs, 1),
            "latency_ms": {k: round(lat[k] / 1000.0, 2) for k in ("p50", "p95", "p99", "p999", "max", "mean")},
            "errors": n_err,
            "errors_detail": errors,
            "window": {"start": w.t0, "end": w.t1},
        }
        r.update(w.report(cpu, "wrk"))
        r["cpu_per_request"] = cpu_per_request(r)
        if workload in ("create", "paced"):
            r["e2e"] = self.e2e(label, w.t0, w.t1)
        self.results.append(r)
        self.print_row(r)
        return r

    def pgbench_run(self, clients):
        """One small insert per transaction, synchronous_commit on, on the stack's PostgreSQL (database bench)."""
        label = f"pgbench-{clients}"
        script = os.path.join(self.out, "pgbench-insert.sql")
        with open(script, "w") as f:
            f.write("\\set v random(1, 1000000000)\ninsert into bench_insert (v) values (:v);\n")
        envs = dict(self.pg.env, PGOPTIONS="-c synchronous_commit=on")
        threads = min(self.threads, clients)

        def cmd(duration, log_prefix=None):
            c = ["pgbench", "-h", "localhost", "-p", str(self.pg.port), "-U", "postgres", "-n", "-c", str(clients),
                 "-j", str(threads), "-T", str(max(1, round(duration))), "-f", script]
            if log_prefix:
                c += ["-l", "--sampling-rate", "0.05", "--log-prefix", log_prefix]
            return c + ["bench"]

        if self.warmup > 0:
            log(f"{label}: warm-up {self.warmup:g} s")
            with open(os.path.join(self.out, f"{label}-warmup.txt"), "w") as f:
                run_timed(cmd(self.warmup), envs, stdout=f)
        log(f"{label}: {self.duration:g} s, {clients} clients, one insert per transaction")
        prefix = os.path.join(self.out, f"{label}-log")
        out = os.path.join(self.out, f"{label}.txt")
        cwd = os.getcwd()
        os.chdir(self.out)
        try:
            with open(out, "w") as f, Window(self.stack, self.sampler) as w:
                threading.Timer(self.duration / 2, snapshot_top, [os.path.join(self.out, f"top-{label}.txt")]).start()
                code, cpu = run_timed(cmd(self.duration, prefix), envs, stdout=f)
        finally:
            os.chdir(cwd)
        text = read_file(out) or ""
        if code != 0:
            raise RuntimeError(f"pgbench failed (exit {code}): {text[-500:]}")
        tps, transactions = None, None
        for line in text.splitlines():
            if line.startswith("tps =") and tps is None:
                tps = float(line.split("=")[1].split()[0])
            if line.startswith("number of transactions actually processed:"):
                transactions = int(line.split(":")[1].split("/")[0].strip())
        lats = []
        for name in os.listdir(self.out):
            if name.startswith(os.path.basename(prefix)):
                with open(os.path.join(self.out, name)) as f:
                    for line in f:
                        parts = line.split()
                        if len(parts) >= 3:
                            lats.append(int(parts[2]) / 1000.0)
                os.remove(os.path.join(self.out, name))
        lats.sort()
        r = {
            "workload": "pgbench",
            "clients": clients,
            "duration_s": self.duration,
            "requests": transactions,
            "rps": round(tps, 1) if tps else None,
            "latency_ms": {"p50": percentile(lats, 50), "p95": percentile(lats, 95), "p99": percentile(lats, 99),
                           "max": lats[-1] if lats else None, "sampled_transactions": len(lats)},
            "errors": 0,
        }
        r.update(w.report(cpu, "pgbench"))
        r["cpu_per_request"] = cpu_per_request(r)
        self.pgbench[clients] = r["rps"]
        self.results.append(r)
        self.print_row(r)
        self.pg.q("bench", "truncate bench_insert")

    def prepare_pgbench(self):
        if not self.pg.one("postgres", "select 1 from pg_database where datname = 'bench'"):
            self.pg.q("postgres", "create database bench")
        self.pg.q("bench", "create table if not exists bench_insert (id bigserial primary key, v bigint not null, "
                           "at timestamptz not null default now())")

    # -------------------------------------------------------------- end to end
    def e2e(self, label, t0, t1):
        """create -> inbox for every referral the run created: inbox_item.created_at - referral.created_at."""
        refs = {r[0]: float(r[1]) for r in self.pg.q(
            "referrals", f"select id, extract(epoch from created_at) from referral where case_id in ({self.case_list}) "
                         f"and created_at >= to_timestamp({t0:.6f}) and created_at <= to_timestamp({t1:.6f})")}
        wait0 = time.time()
        items = {}
        while True:
            rows = self.pg.q("notifications", "select referral_id, extract(epoch from event_time), "
                                              "extract(epoch from created_at) from inbox_item where kind = "
                                              f"'REFERRAL_RECEIVED' and event_time >= to_timestamp({t0 - 60:.6f})")
            items = {r[0]: (float(r[1]), float(r[2])) for r in rows if r[0] in refs}
            if len(items) >= len(refs) or time.time() - wait0 > self.drain_timeout:
                break
            time.sleep(1)
        drained_after = time.time() - t1
        total, commit_to_event, event_to_inbox = [], [], []
        for rid, created in refs.items():
            if rid in items:
                ev, inbox = items[rid]
                total.append((inbox - created) * 1000)
                commit_to_event.append((ev - created) * 1000)
                event_to_inbox.append((inbox - ev) * 1000)
        for lst in (total, commit_to_event, event_to_inbox):
            lst.sort()
        inbox_times = sorted(v[1] for v in items.values())
        consumer_rate = None
        if len(inbox_times) > 1 and inbox_times[-1] > inbox_times[0]:
            consumer_rate = round((len(inbox_times) - 1) / (inbox_times[-1] - inbox_times[0]), 1)
        outbox_left = int(self.pg.one("referrals", "select count(*) from outbox_message"))
        self.e2e_series[label] = total

        def stats(lst):
            return {"p50": r2(percentile(lst, 50)), "p95": r2(percentile(lst, 95)), "p99": r2(percentile(lst, 99)),
                    "max": r2(lst[-1] if lst else None)}
        return {
            "referrals": len(refs),
            "inbox_items": len(items),
            "missing": len(refs) - len(items),
            "ms": stats(total),
            "created_to_event_time_ms": stats(commit_to_event),
            "event_time_to_inbox_ms": stats(event_to_inbox),
            "inbox_rate_per_s": consumer_rate,
            "drained_s_after_run": round(drained_after, 1),
            "outbox_left": outbox_left,
        }

    # -------------------------------------------------------------- profiling
    def start_jfr(self, label):
        pid = self.stack.pids.get("referral-service") or self.stack.pids.get("referral-service-1")
        if not pid or not shutil.which("jcmd"):
            return None
        path = os.path.join(self.out, f"referral-service-{label}.jfr")
        r = subprocess.run(["jcmd", str(pid), "JFR.start", "name=bench", "settings=profile",
                            f"duration={max(1, round(self.duration))}s", f"filename={path}"],
                           capture_output=True, text=True)
        log(f"JFR on the referral-service (pid {pid}): {path}" if r.returncode == 0 else f"JFR failed: {r.stdout}")
        return path if r.returncode == 0 else None

    def summarise_jfr(self, path):
        for _ in range(20):
            if os.path.exists(path) and os.path.getsize(path) > 0:
                break
            time.sleep(0.5)
        # `jfr view` (JDK 21+) summarises; the JDK 17 default only prints. Take the newest jfr tool there is.
        tools = sorted([os.path.join(d, "bin", "jfr") for d in
                        (os.path.join("/usr/lib/jvm", x) for x in (os.listdir("/usr/lib/jvm")
                                                                    if os.path.isdir("/usr/lib/jvm") else []))
                        if os.path.exists(os.path.join(d, "bin", "jfr"))], reverse=True)
        for tool in tools:
            out = []
            for view in ("hot-methods", "cpu-time-hot-methods", "allocation-by-class", "gc", "contention-by-site"):
                r = subprocess.run([tool, "view", "--width", "160", view, path], capture_output=True, text=True)
                if r.returncode == 0:
                    out.append(r.stdout)
            if out:
                text = "\n".join(out)
                with open(path + ".txt", "w") as f:
                    f.write(text)
                self.jfr_summary = os.path.basename(path) + ".txt"
                log(f"JFR summary: {path}.txt")
                return

    # -------------------------------------------------------------- output
    def print_row(self, r):
        lat = r["latency_ms"]
        name = r["workload"] + (f" @{r['paced_rate']:.0f}/s" if r.get("paced_rate") else "")
        ratio = self.ratio(r)
        print(f"    {name:<16} {r['clients']:>3} clients  {r['rps']:>9.1f}/s  p50 {fmt(lat['p50'])}  "
              f"p95 {fmt(lat['p95'])}  p99 {fmt(lat['p99'])}  max {fmt(lat['max'])} ms  errors {r['errors']}"
              + (f"  {ratio:.3f} x pgbench" if ratio is not None else "")
              + f"  load {r['machine']['loadavg_start']}", flush=True)
        if "e2e" in r:
            e = r["e2e"]
            print(f"    {'  create->inbox':<16} {e['inbox_items']:>5}/{e['referrals']} referrals  p50 "
                  f"{fmt(e['ms']['p50'])}  p95 {fmt(e['ms']['p95'])}  p99 {fmt(e['ms']['p99'])}  max "
                  f"{fmt(e['ms']['max'])} ms  (inbox {e['inbox_rate_per_s']}/s, drained "
                  f"{e['drained_s_after_run']} s after the run)", flush=True)

    def ratio(self, r):
        if r["workload"] == "pgbench" or not self.pgbench or not r.get("rps"):
            return None
        base = self.pgbench.get(r["clients"]) or max(self.pgbench.values())
        return round(r["rps"] / base, 3) if base else None

    def table(self):
        lines = []
        lines.append(f"{'workload':<20}{'clients':>8}{'req/s':>10}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
                     f"{'max ms':>9}{'errors':>8}{'÷pgbench':>10}{'CPU busy':>10}{'other CPU s':>13}{'load':>7}")
        for r in self.results:
            lat = r["latency_ms"]
            name = r["workload"] + (f" @{r['paced_rate']:.0f}/s" if r.get("paced_rate") else "")
            ratio = r.get("ratio_to_pgbench")
            m = r["machine"]
            lines.append(f"{name:<20}{r['clients']:>8}{r['rps']:>10.1f}{fmt(lat['p50']):>9}{fmt(lat['p95']):>9}"
                         f"{fmt(lat['p99']):>9}{fmt(lat['max']):>9}{r['errors']:>8}"
                         f"{(f'{ratio:.3f}' if ratio is not None else '-'):>10}"
                         f"{str(m['cpu_busy_pct']) + ' %':>10}{m['other_processes_cpu_s']:>13}"
                         f"{m['loadavg_start']:>7.2f}")
        e2e = [r for r in self.results if "e2e" in r]
        if e2e:
            lines.append("")
            lines.append(f"{'create -> inbox':<20}{'clients':>8}{'referrals':>10}{'p50 ms':>9}{'p95 ms':>9}"
                         f"{'p99 ms':>9}{'max ms':>9}{'missing':>8}{'inbox/s':>10}")
            for r in e2e:
                e = r["e2e"]
                name = r["workload"] + (f" @{r['paced_rate']:.0f}/s" if r.get("paced_rate") else "")
                lines.append(f"{name:<20}{r['clients']:>8}{e['referrals']:>10}{fmt(e['ms']['p50']):>9}"
                             f"{fmt(e['ms']['p95']):>9}{fmt(e['ms']['p99']):>9}{fmt(e['ms']['max']):>9}"
                             f"{e['missing']:>8}{str(e['inbox_rate_per_s']):>10}")
        lines.append("")
        lines.append("CPU seconds used during each measured run (peak memory MB: RSS; PostgreSQL: PSS summed)")
        w = max([14] + [len(c.replace('-service', '')) + 2 for c in COMPONENTS])
        header = f"{'workload':<20}{'clients':>8}"
        for c in COMPONENTS:
            header += f"{c.replace('-service', ''):>{w}}"
        header += f"{'load gen':>10}{'others':>9}"
        lines.append(header)
        for r in self.results:
            name = r["workload"] + (f" @{r['paced_rate']:.0f}/s" if r.get("paced_rate") else "")
            row = f"{name:<20}{r['clients']:>8}"
            for c in COMPONENTS:
                p = r["processes"].get(c)
                cell = "%.1fs %.0fMB" % (p["cpu_s"], p["peak_mb"]) if p else "-"
                row += f"{cell:>{w}}"
            row += f"{r['machine']['load_generator_cpu_s']:>9.1f}s{r['machine']['other_processes_cpu_s']:>8.1f}s"
            lines.append(row)
        lines.append("")
        lines.append("CPU ms per request (all processes of the stack, and the load generator) and the rate that the "
                     f"machine's {os.cpu_count()} cores could sustain at that cost if nothing else ran")
        header = f"{'workload':<20}{'clients':>8}"
        for c in COMPONENTS:
            header += f"{c.replace('-service', ''):>{w - 1}}"
        header += f"{'stack':>9}{'load gen':>10}{'ceiling/s':>11}"
        lines.append(header)
        for r in self.results:
            cpr = r.get("cpu_per_request")
            if not cpr:
                continue
            name = r["workload"] + (f" @{r['paced_rate']:.0f}/s" if r.get("paced_rate") else "")
            row = f"{name:<20}{r['clients']:>8}"
            for c in COMPONENTS:
                v = cpr["ms"].get(c)
                row += f"{('%.3f' % v) if v is not None else '-':>{w - 1}}"
            row += f"{cpr['stack_ms']:>9.3f}{cpr['load_generator_ms']:>10.3f}{cpr['cpu_ceiling_rps']:>11.0f}"
            lines.append(row)
        return "\n".join(lines)

    def targets(self):
        out = []
        by = {(r["workload"], r["clients"]): r for r in self.results}
        top = max(self.clients)
        T = TARGETS

        def cpu(r):
            return (r.get("cpu_per_request") or {}).get("stack_ms")
        c = by.get(("create", 64)) or by.get(("create", top))
        if c:
            out.append((f"create >= {T['create_rps_64']:,}/s at 64 clients", f"{c['rps']:.0f}/s at {c['clients']}",
                        c["clients"] == 64 and c["rps"] >= T["create_rps_64"]))
            out.append((f"create p99 < {T['create_p99_ms_64']} ms at 64 clients",
                        f"{fmt(c['latency_ms']['p99'])} ms at {c['clients']}",
                        c["clients"] == 64 and c["latency_ms"]["p99"] < T["create_p99_ms_64"]))
            out.append((f"create <= {T['create_cpu_ms']} ms CPU per request (whole stack)", f"{cpu(c)} ms",
                        cpu(c) is not None and cpu(c) <= T["create_cpu_ms"]))
            e = c.get("e2e")
            if e:
                out.append((f"create -> inbox saturated: drained within {T['drain_s']} s of the load stopping",
                            f"{e['drained_s_after_run']} s, {e['missing']} missing",
                            e["missing"] == 0 and e["drained_s_after_run"] <= T["drain_s"]))
        reads = [r for r in self.results if r["workload"] == "read"]
        if reads:
            best = max(reads, key=lambda r: r["rps"])
            out.append((f"read by id >= {T['read_rps']:,}/s", f"{best['rps']:.0f}/s at {best['clients']}",
                        best["rps"] >= T["read_rps"]))
            out.append((f"read p99 < {T['read_p99_ms']} ms", f"{fmt(best['latency_ms']['p99'])} ms at {best['clients']}",
                        best["latency_ms"]["p99"] < T["read_p99_ms"]))
            out.append((f"read <= {T['read_cpu_ms']} ms CPU per request (whole stack)", f"{cpu(best)} ms",
                        cpu(best) is not None and cpu(best) <= T["read_cpu_ms"]))
        lists = [r for r in self.results if r["workload"] == "list"]
        if lists:
            best = max(lists, key=lambda r: r["rps"])
            out.append((f"list of incoming >= {T['list_rps']:,}/s", f"{best['rps']:.0f}/s at {best['clients']}",
                        best["rps"] >= T["list_rps"]))
        paced = [r for r in self.results if r["workload"] == "paced"]
        if paced:
            p = paced[0]
            out.append((f"create -> inbox p99 < {T['e2e_p99_ms_half_rate']} ms at half the saturated create rate",
                        f"{fmt(p['e2e']['ms']['p99'])} ms at {p['rps']:.0f}/s",
                        p["e2e"]["ms"]["p99"] is not None and p["e2e"]["ms"]["p99"] < T["e2e_p99_ms_half_rate"]))
        jvms = [c for c in COMPONENTS if c not in ("keycloak", "kafka", "postgres") and not c.endswith("-lb")]
        after = self.rss_after_runs or {}
        for comp in jvms:
            if comp in after:
                out.append((f"{comp} < {T['service_rss_mb']} MB RSS after the runs",
                            f"{after[comp]} MB (after the first warm-up {self.rss_after_warmup.get(comp, '-')} MB)",
                            after[comp] < T["service_rss_mb"]))
        return out

    def chart(self):
        if not shutil.which("gnuplot"):
            return None
        bars = os.path.join(self.out, "chart-rps.dat")
        with open(bars, "w") as f:
            for r in self.results:
                name = r["workload"] + ("-half" if r["workload"] == "paced" else "")
                f.write(f"\"{name} {r['clients']}\" {r['rps'] or 0} {r['latency_ms']['p99'] or 0}\n")
        cdfs = []
        for label, values in self.e2e_series.items():
            if not values:
                continue
            path = os.path.join(self.out, f"chart-e2e-{label}.dat")
            step = max(1, len(values) // 400)
            with open(path, "w") as f:
                for i in range(0, len(values), step):
                    f.write(f"{values[i]:.2f} {100.0 * (i + 1) / len(values):.3f}\n")
                f.write(f"{values[-1]:.2f} 100\n")
            cdfs.append((label, path))
        png = os.path.join(self.out, "chart.png")
        plot = [
            "set terminal pngcairo size 1100,420 font 'sans,9'" if has_cairo() else "set terminal png size 1100,420",
            f"set output '{png}'",
            "set multiplot layout 1,2 title 'Uputnica local stack, " + self.ts + "'",
            "set style data histogram", "set style fill solid 0.6 border -1", "set boxwidth 0.8",
            "set xtics rotate by -35 scale 0", "set ylabel 'requests/s (transactions/s for pgbench)'",
            "set y2label 'p99 ms'", "set y2tics", "set ytics nomirror", "set key below horizontal", "set grid y",
            "set logscale y", "set logscale y2",
            f"plot '{bars}' using 2:xtic(1) title 'rate' lc rgb '#4a7ebb', "
            f"'' using 0:3 axes x1y2 with points pt 7 ps 1.2 lc rgb '#c0392b' title 'p99 ms'",
            "unset logscale y", "unset logscale y2", "unset y2tics", "unset y2label", "set xtics norotate",
            "set style data lines", "set xlabel 'create -> inbox ms'", "set ylabel 'percent of referrals'",
            "set logscale x", "set key inside bottom right vertical", "set yrange [0:100]",
        ]
        if cdfs:
            plot.append("plot " + ", ".join(f"'{p}' using 1:2 with lines lw 2 title '{lbl}'" for lbl, p in cdfs))
        plot.append("unset multiplot")
        r = subprocess.run(["gnuplot"], input="\n".join(plot), capture_output=True, text=True)
        if r.returncode != 0 or not os.path.exists(png):
            log(f"chart not drawn: {r.stderr.strip()[:300]}")
            return None
        return png

    # -------------------------------------------------------------- main
    def main(self):
        started = time.time()
        missing = [c for c in COMPONENTS if c not in self.stack.pids]
        if missing:
            raise RuntimeError(f"not running: {', '.join(missing)} (deploy/local/status)")
        log(f"results: {self.out}")
        log(f"duration {self.duration:g} s after a {self.warmup:g} s warm-up; clients {self.clients}; "
            f"wrk threads {self.threads}; workloads {' '.join(self.workloads)}")
        settings = self.settings()
        durable = settings.get("fsync", "").startswith("on") and settings.get("synchronous_commit", "").startswith("on")
        log("PostgreSQL: " + ", ".join(f"{k}={v}" for k, v in sorted(settings.items())))
        if not durable:
            log("WARNING: this PostgreSQL does not wait for the disk at commit (fsync or synchronous_commit off): "
                "the figures are not those of durable work")
        counts_before = self.counts()
        self.sampler.start()
        # at least one virtual user per demo user, so that every agency of the ring has cases and sends
        self.fetch_tokens(max(max(self.clients), len(USERS)))
        self.create_cases()
        if "pgbench" in self.workloads:
            self.prepare_pgbench()
            for c in self.clients:
                self.pgbench_run(c)
        if "create" in self.workloads:
            for c in self.clients:
                self.http_workload("create", c, self.create_lines)
        if "paced" in self.workloads:
            sat = [r for r in self.results if r["workload"] == "create" and r["clients"] == max(self.clients)]
            if sat:
                rate = sat[0]["ok_rps"] / 2
                self.http_workload("paced", max(self.clients), self.create_lines, rate=rate)
            else:
                log("paced: skipped (needs the create run at the most clients, to know the saturated rate)")
        if "read" in self.workloads:
            self.prepare_readable()
            for c in self.clients:
                self.http_workload("read", c, self.read_lines)
        if "list" in self.workloads:
            for c in self.clients:
                self.http_workload("list", c, self.list_lines)
        self.sampler.stopped.set()
        self.rss_after_runs = {c: round(kb / 1024, 1) for c, kb in self.stack.memory_kb().items()}
        for r in self.results:
            r["ratio_to_pgbench"] = self.ratio(r)
        targets = self.targets()
        hwm = {c: round(hwm_kb(p) / 1024, 1) for c, p in self.stack.pids.items() if c != "postgres"}
        meta = {
            "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "command": env("BENCH_COMMAND", "deploy/local/bench"),
            "config": {"duration_s": self.duration, "warmup_s": self.warmup, "clients": self.clients,
                       "wrk_threads": self.threads, "workloads": self.workloads, "quick": self.quick,
                       "virtual_users": f"{max(self.clients)} tokens from {len(USERS)} demo users"},
            "machine": machine_info(),
            "postgres": settings,
            "durable": durable,
            "data_before": counts_before,
            "data_after": self.counts(),
            "rss_mb_after_first_warmup": self.rss_after_warmup,
            "rss_mb_after_runs": self.rss_after_runs,
            "rss_high_water_mb_since_start": hwm,
            "pids": self.stack.pids,
            "jfr_summary": self.jfr_summary,
            "total_s": round(time.time() - started, 1),
        }
        doc = {"meta": meta, "results": self.results,
               "targets": [{"target": t, "measured": m, "met": ok} for t, m, ok in targets]}
        png = self.chart()
        if png:
            doc["meta"]["chart"] = os.path.basename(png)
        with open(os.path.join(self.out, "results.json"), "w") as f:
            json.dump(doc, f, indent=2)
        text = []
        text.append("")
        text.append(f"Uputnica benchmark {meta['date']} ({meta['command']}); {meta['machine']['cores']} cores, "
                    f"load average {meta['machine']['loadavg']} at the end")
        text.append(f"PostgreSQL fsync={settings.get('fsync')}, synchronous_commit={settings.get('synchronous_commit')}"
                    + ("" if durable else "   NOT DURABLE: figures are not those of durable work"))
        text.append("")
        text.append(self.table())
        text.append("")
        text.append("Memory after the runs (MB; JVMs: RSS, PostgreSQL: PSS summed over its processes): "
                    + ", ".join(f"{c} {v:.0f}" for c, v in self.rss_after_runs.items()))
        text.append("")
        text.append("Targets (issue 12)")
        for t, m, ok in targets:
            text.append(f"  [{'met' if ok else 'MISSED'}] {t}: {m}")
        busy = [r["machine"]["other_processes_cpu_s"] / max(0.01, r["machine"]["cpu_capacity_s"]) for r in self.results]
        if busy and max(busy) > 0.1:
            text.append("")
            text.append(f"NOTE: processes outside the stack used up to {100 * max(busy):.0f} % of the machine's CPU "
                        "during a run (column 'other CPU s'): the figures are measured under that load.")
        text.append("")
        text.append(f"JSON: {os.path.join(self.out, 'results.json')}" + (f"   chart: {png}" if png else ""))
        summary = "\n".join(text)
        print(summary)
        with open(os.path.join(self.out, "summary.txt"), "w") as f:
            f.write(summary + "\n")
        for name in os.listdir(self.out):
            if name.startswith("requests-"):
                os.remove(os.path.join(self.out, name))  # they hold tokens


def cpu_per_request(r):
    """CPU milliseconds per request of each process, and the rate the machine's cores would sustain at that cost
    (cores / (stack + load generator CPU per request)) if nothing else ran: what bounds a run on a busy machine."""
    n = r.get("requests") or ((r["rps"] or 0) * r["duration_s"])
    if n <= 0:
        return None
    ms = {c: round(1000.0 * p["cpu_s"] / n, 3) for c, p in r["processes"].items()}
    stack = 1000.0 * r["machine"]["stack_cpu_s"] / n
    gen = 1000.0 * r["machine"]["load_generator_cpu_s"] / n
    return {"ms": ms, "stack_ms": round(stack, 3), "load_generator_ms": round(gen, 3),
            "cpu_ceiling_rps": round((os.cpu_count() or 1) * 1000.0 / (stack + gen), 0) if stack + gen > 0 else None}


def fmt(v):
    if v is None:
        return "-"
    return f"{v:.1f}" if v < 100 else f"{v:.0f}"


def r2(v):
    return None if v is None else round(v, 2)


def has_cairo():
    r = subprocess.run(["gnuplot", "-e", "set terminal"], capture_output=True, text=True)
    return "pngcairo" in (r.stdout + r.stderr)


def machine_info():
    mem = read_file("/proc/meminfo") or ""
    total_kb = next((int(l.split()[1]) for l in mem.splitlines() if l.startswith("MemTotal:")), 0)
    cpu = read_file("/proc/cpuinfo") or ""
    model = next((l.split(":", 1)[1].strip() for l in cpu.splitlines() if l.startswith("model name")), "?")
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return {"cores": os.cpu_count(), "memory_gb": round(total_kb / 1024 / 1024, 1), "cpu": model,
            "kernel": os.uname().release, "loadavg": round(os.getloadavg()[0], 2),
            "java": java[0] if java else "?"}


if __name__ == "__main__":
    try:
        Bench().main()
    except (RuntimeError, OSError) as e:
        print(f"ERROR: {e}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
