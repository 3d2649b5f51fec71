#!/usr/bin/env python3
"""The fault run of deploy/local/chaos (started by it, once the tools and the stack are there).

Under a steady load of referral creates and lifecycle transitions (and, every few referrals, a fresh case referred
as a TRANSFER), it kills each service in turn with SIGKILL, crashes Kafka (SIGKILL) and PostgreSQL (immediate
shutdown: no checkpoint, WAL recovery at the next start), and restarts each with deploy/local/up. Then it stops the
load, waits until the outboxes are empty and every consumer group has caught up, and checks from the databases and
the topics that nothing was lost or duplicated. Prints the figures and writes them as JSON to
deploy/local/run/chaos/<timestamp>/. Standard library only; Kafka is read by KafkaProbe.java (the Kafka client jars
of the local launcher). See deploy/local/README.md ("Faults") and docs/runbook.md.
"""

import collections
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from localstack import (AGENCIES, LOCAL_DIR, RING, RUN, SERVICES, USERS, Pg, create_cases, env, log,  # noqa: E402
                        instances_of, password_token, pid_file, port_of, read_file, seconds, service_url, sql_list,
                        try_http)

REFERRAL_EVENTS = "uputnica.referral.events.v1"
CASE_EVENTS = "uputnica.case.events.v1"
DLQ = {
    "case-service": "uputnica.case-service.dlq.v1",
    "referral-service": "uputnica.referral-service.dlq.v1",
    "notification-service": "uputnica.notification-service.dlq.v1",
}
# the consumer groups of the services (application.properties) and the topics they read
GROUPS = {"case-service": REFERRAL_EVENTS, "notification-service": REFERRAL_EVENTS, "referral-service": CASE_EVENTS}
DATABASES = {"case-service": "cases", "referral-service": "referrals", "notification-service": "notifications"}
# a service that runs as instances behind a balancer (UPUTNICA_INSTANCES) is killed one instance at a time:
# CHAOS_FAULTS names them (referral-service-2); the default kills the first instance of each
FAULTS = [(instances_of(s) or [s])[0] for s in SERVICES] + ["kafka", "postgres"]
KNOWN_FAULTS = FAULTS + [i for s in SERVICES for i in instances_of(s)]
# deploy/local/up starts a component on the port of its variable: give it the ports the stack runs on
PORTS = {
    "postgres": ("UPUTNICA_PG_PORT", 5432), "kafka": ("UPUTNICA_KAFKA_PORT", 9092),
    "kafka-controller": ("UPUTNICA_KAFKA_CONTROLLER_PORT", 9093), "keycloak": ("UPUTNICA_KEYCLOAK_PORT", 8180),
    "keycloak-management": ("UPUTNICA_KEYCLOAK_MANAGEMENT_PORT", 9000),
    "case-service": ("UPUTNICA_CASE_PORT", 8081), "referral-service": ("UPUTNICA_REFERRAL_PORT", 8082),
    "notification-service": ("UPUTNICA_NOTIFICATION_PORT", 8083),
}

# The receiver's actions: (who acts, body, status after it). Accept, acknowledge and start take no body.
ACTIONS = {
    "acknowledge": ("receiver", None, "ACKNOWLEDGED"),
    "accept": ("receiver", None, "ACCEPTED"),
    "start": ("receiver", None, "IN_PROGRESS"),
    "complete": ("receiver", {"outcome": "PROVIDED", "note": "chaos"}, "COMPLETED"),
    "decline": ("receiver", {"reasonCode": "NO_CAPACITY", "reason": "chaos"}, "DECLINED"),
    "withdraw": ("sender", {"reason": "chaos"}, "WITHDRAWN"),
}
# How far a referral goes (weights): every final status the load can leave, most referrals completing.
PATHS = [
    ([], 1),
    (["acknowledge"], 1),
    (["acknowledge", "accept"], 1),
    (["accept", "start"], 1),
    (["acknowledge", "accept", "start", "complete"], 3),
    (["acknowledge", "decline"], 1),
    (["accept", "withdraw"], 1),
]
TRANSFER_PATHS = [(["accept"], 1), (["acknowledge", "accept", "start", "complete"], 1)]
# one caseworker per agency sends; the caseworker of the next agency of the ring answers
CASEWORKER = {}
for _user, _agency in USERS:
    CASEWORKER.setdefault(_agency, _user)
# who may send a transfer (the whole file): a supervisor of the owning agency; only the CSR Kikinda has one in the demo
SUPERVISOR = {"csr-kikinda": "milica.supervisor"}
# every kind of data (events' SharedData): a transfer must name the whole file
ALL_SHARED_DATA = ["IDENTITY", "NATIONAL_ID", "DATE_OF_BIRTH", "CONTACT", "LANGUAGE", "LEGAL_STATUS", "FAMILY", "HEALTH",
                   "RISK_ASSESSMENT", "CASE_SUMMARY"]


# ------------------------------------------------------------------------------------------------ Kafka

class Probe:
    """KafkaProbe.java, compiled once per run into the run folder (a JVM start per call, no compile)."""

    def __init__(self, out):
        self.lib = os.path.join(LOCAL_DIR, "launcher", "target", "lib")
        self.classes = os.path.join(out, "probe-classes")
        self.env = dict(os.environ, KAFKA_BOOTSTRAP_SERVERS=f"localhost:{port_of('kafka', 9092)}")
        r = subprocess.run(["javac", "-nowarn", "-d", self.classes, "-cp", os.path.join(self.lib, "*"),
                            os.path.join(HERE, "KafkaProbe.java")], capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"javac KafkaProbe.java: {r.stderr.strip()[-1000:]}")

    def run(self, *args, timeout=180):
        cmd = ["java", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
               "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
               "-cp", self.classes + os.pathsep + os.path.join(self.lib, "*"), "KafkaProbe", *args]
        r = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=timeout)
        if r.returncode != 0:
            raise RuntimeError(f"KafkaProbe {args[0]}: {r.stderr.strip()[-1000:]}")
        return r.stdout

    def offsets(self, *topics):
        return json.loads(self.run("offsets", *topics))

    def lag(self):
        return json.loads(self.run("lag"))

    def read(self, topic, start):
        frm = ",".join(f"{p}:{o}" for p, o in sorted(start.items(), key=lambda x: int(x[0])))
        return [json.loads(line) for line in self.run("read", topic, frm).splitlines() if line.strip()]

    def produce(self, topic, key, value):
        return json.loads(self.run("produce", topic, key, value))


# ------------------------------------------------------------------------------------------------ phases

class Phase:
    def __init__(self, name):
        self.name = name
        self.start = time.time()
        self.end = None
        self.requests = collections.Counter()      # op -> requests
        self.errors = collections.Counter()        # kind -> errors (refused, timeout, broken, 5xx, 4xx codes)
        self.error_ops = collections.Counter()     # op -> errors
        self.created = 0
        self.first_error = None
        self.last_error = None
        self.ready_at = None                       # when deploy/local/up returned after the restart
        self.errors_after_ready = 0
        self.notes = []
        self.fault = {}

    def to_json(self):
        ok = sum(self.requests.values()) - sum(self.errors.values())
        return {
            "phase": self.name,
            "start": round(self.start, 3), "end": round(self.end or time.time(), 3),
            "duration_s": round((self.end or time.time()) - self.start, 1),
            "fault": self.fault,
            "requests": sum(self.requests.values()), "ok": ok, "errors": sum(self.errors.values()),
            "errors_by_kind": dict(self.errors), "errors_by_request": dict(self.error_ops),
            "requests_by_kind": dict(self.requests),
            "referrals_created": self.created,
            "errors_from_s": None if self.first_error is None else round(self.first_error - self.start, 1),
            "errors_until_s": None if self.last_error is None else round(self.last_error - self.start, 1),
            "errors_after_restart": self.errors_after_ready,
            "notes": self.notes,
        }


class Phases:
    def __init__(self):
        self.lock = threading.Lock()
        self.all = []
        self.current = None

    def begin(self, name):
        with self.lock:
            if self.current:
                self.current.end = time.time()
            self.current = Phase(name)
            self.all.append(self.current)
            return self.current

    def record(self, op, outcome):
        with self.lock:
            p = self.current
            p.requests[op] += 1
            if outcome != "ok":
                now = time.time()
                p.errors[outcome] += 1
                p.error_ops[op] += 1
                p.first_error = p.first_error or now
                p.last_error = now
                if p.ready_at is not None:
                    p.errors_after_ready += 1

    def created(self):
        with self.lock:
            self.current.created += 1

    def name(self):
        with self.lock:
            return self.current.name


# ------------------------------------------------------------------------------------------------ the load

class Tokens:
    """Access tokens per demo user; new ones after 10 minutes (they live 15). Keycloak is not among the faults."""

    def __init__(self):
        self.lock = threading.Lock()
        self.tokens = {}

    def of(self, user, renew=False):
        with self.lock:
            t = self.tokens.get(user)
            if renew or not t or time.time() - t[1] > 600:
                t = (password_token(user), time.time())
                self.tokens[user] = t
            return t[0]


class Referral:
    def __init__(self, marker, kind, case_id, sender, receiver, path, phase):
        self.marker, self.kind, self.case_id, self.path = marker, kind, case_id, path
        self.sender, self.receiver = sender, receiver
        self.id = None
        self.confirmed = None      # the status of the last 2xx answer about it (an action, or a read after an error)
        self.uncertain = None      # the status an action that got no clear answer would have led to
        self.created_phase = phase
        self.committed_despite_error = 0
        self.anomalies = []
        self.gave_up = None

    def to_json(self):
        return {"marker": self.marker, "id": self.id, "kind": self.kind, "case": self.case_id,
                "confirmed": self.confirmed, "uncertain": self.uncertain, "path": self.path,
                "anomalies": self.anomalies, "gave_up": self.gave_up, "sender": self.sender,
                "receiver": self.receiver, "created_phase": self.created_phase,
                "committed_despite_error": self.committed_despite_error}

    @staticmethod
    def from_json(d):
        r = Referral(d["marker"], d["kind"], d["case"], d["sender"], d["receiver"], d["path"], d["created_phase"])
        r.id, r.confirmed, r.uncertain = d["id"], d["confirmed"], d["uncertain"]
        r.anomalies, r.gave_up, r.committed_despite_error = d["anomalies"], d["gave_up"], d["committed_despite_error"]
        return r


class Load:
    def __init__(self, run_id, clients, think, transfer_every, stall, phases, tokens, cases, consents):
        self.run_id, self.think, self.transfer_every, self.stall = run_id, think, transfer_every, stall
        self.phases, self.tokens, self.cases, self.consents = phases, tokens, cases, consents
        self.case_url = service_url("case-service")
        self.ref_url = service_url("referral-service")
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.referrals = []             # created with a 2xx
        self.unsure_creates = []        # no clear answer: the referral may or may not exist
        self.rejected_creates = []      # a 4xx
        self.new_cases = {}             # case id -> creating agency (2xx)
        self.unsure_cases = 0
        self.committed_despite_error = 0
        self.threads = [threading.Thread(target=self.client, args=(k,), name=f"client-{k}", daemon=True)
                        for k in range(clients)]

    def start(self):
        for t in self.threads:
            t.start()

    def to_json(self):
        """What the clients know: the input of the checks (state.json, for deploy/local/chaos --verify)."""
        return {"referrals": [r.to_json() for r in self.referrals], "unsure_creates": self.unsure_creates,
                "rejected_creates": self.rejected_creates, "new_cases": self.new_cases,
                "unsure_cases": self.unsure_cases, "committed_despite_error": self.committed_despite_error}

    @staticmethod
    def known(state):
        """The clients' knowledge of a finished run, read back from state.json."""
        load = Load.__new__(Load)
        load.referrals = [Referral.from_json(d) for d in state["referrals"]]
        load.unsure_creates, load.rejected_creates = state["unsure_creates"], state["rejected_creates"]
        load.new_cases, load.unsure_cases = state["new_cases"], state["unsure_cases"]
        load.committed_despite_error = state["committed_despite_error"]
        return load

    def finish(self, timeout):
        self.stop.set()
        deadline = time.time() + timeout
        for t in self.threads:
            t.join(max(0.1, deadline - time.time()))
        return [t.name for t in self.threads if t.is_alive()]

    # -------------------------------------------------------------- one request
    def call(self, op, method, url, user, body=None):
        status, answer = try_http(method, url, token=self.tokens.of(user), body=body, timeout=10)
        if status == 401:  # a token the restarted service does not accept yet: once more with a new one
            status, answer = try_http(method, url, token=self.tokens.of(user, renew=True), body=body, timeout=10)
        # no answer: refused, timeout or broken; an answer: ok, or its status code
        outcome = answer if status is None else ("ok" if 200 <= status < 300 else str(status))
        self.phases.record(op, outcome)
        return status, answer, outcome

    def pause(self, attempt):
        time.sleep(min(3.0, 0.25 * (2 ** min(attempt, 4))) * (0.5 + random.random()))

    # -------------------------------------------------------------- one client
    def client(self, k):
        sender_agency = AGENCIES[k % len(AGENCIES)]
        sender = CASEWORKER[sender_agency]
        receiver = CASEWORKER[RING[sender_agency]]
        rnd = random.Random(k)
        n = 0
        while not self.stop.is_set():
            n += 1
            marker = f"chaos {self.run_id} c{k}-{n}"
            if self.transfer_every > 0 and n % self.transfer_every == 0 and sender_agency in SUPERVISOR:
                # a transfer hands over the whole file: a supervisor sends it, under a legal basis
                case_id = self.new_case(sender, sender_agency, k, n)
                if case_id is None:
                    continue
                kind, path = "TRANSFER", choose(rnd, TRANSFER_PATHS)
                ref = Referral(marker, kind, case_id, SUPERVISOR[sender_agency], receiver, path, self.phases.name())
            else:
                case_id = rnd.choice(self.cases[sender_agency])
                kind, path = "REFERRAL", choose(rnd, PATHS)
                ref = Referral(marker, kind, case_id, sender, receiver, path, self.phases.name())
            if not self.create(ref):
                continue
            for action in path:
                if self.stop.is_set():
                    break
                time.sleep(self.think)
                if not self.act(ref, action):
                    break
            time.sleep(self.think)

    def new_case(self, user, agency, k, n):
        body = {"person": {"givenName": "Chaos", "familyName": f"C{k}-{n}", "dateOfBirth": "2012-05-01",
                           "sex": "FEMALE" if n % 2 else "MALE"}, "category": "UNACCOMPANIED_MINOR"}
        for attempt in range(100):
            status, answer, outcome = self.call("create case", "POST", self.case_url + "/api/v1/cases", user, body)
            if outcome == "ok":
                with self.lock:
                    self.new_cases[answer["id"]] = agency
                return answer["id"]
            if outcome != "refused" or self.stop.is_set():
                with self.lock:
                    self.unsure_cases += 1 if status is None or status >= 500 else 0
                return None
            self.pause(attempt)  # refused: the case-service is down and nothing happened; try again
        return None

    def create(self, ref):
        body = {"caseId": ref.case_id, "toAgency": RING[self.agency_of(ref.sender)], "service": "PSYCHOSOCIAL_SUPPORT",
                "urgency": "ROUTINE", "reason": ref.marker, "kind": ref.kind,
                "sharing": {"basis": "LEGAL_BASIS", "legalBasis": "Family law: the guardianship authority hands over the case",
                            "data": ALL_SHARED_DATA} if ref.kind == "TRANSFER"
                else {"basis": "CONSENT", "consentId": self.consents[ref.case_id], "data": ["IDENTITY"]}}
        for attempt in range(100):
            status, answer, outcome = self.call("create", "POST", self.ref_url + "/api/v1/referrals", ref.sender, body)
            if outcome == "ok":
                ref.id, ref.confirmed = answer["id"], answer["status"]
                with self.lock:
                    self.referrals.append(ref)
                self.phases.created()
                return True
            if outcome == "refused" and not self.stop.is_set():
                self.pause(attempt)  # never reached the service: nothing was created, try again
                continue
            with self.lock:
                (self.unsure_creates if status is None or status >= 500 else self.rejected_creates).append(
                    {"marker": ref.marker, "kind": ref.kind, "phase": self.phases.name(), "outcome": outcome,
                     "answer": str(answer)[:300] if status and status < 500 else None})
            return False
        return False

    def act(self, ref, action):
        """Takes the action until it is known to have happened (a 2xx, or a read showing its status after an error).
        Returns False when the referral cannot go on (given up, or a state the client did not expect)."""
        who, body, target = ACTIONS[action]
        user = ref.receiver if who == "receiver" else ref.sender
        url = f"{self.ref_url}/api/v1/referrals/{ref.id}/{action}"
        deadline = time.time() + self.stall
        rejections = 0
        attempt = 0
        while time.time() < deadline:
            attempt += 1
            status, answer, outcome = self.call(action, "POST", url, user, body)
            if outcome == "ok":
                ref.confirmed, ref.uncertain = answer["status"], None
                return True
            if outcome == "refused":
                self.pause(attempt)  # the request never arrived: the action did not happen
                continue
            if status is not None and status < 500:
                rejections += 1
            ref.uncertain = target
            observed = self.read(ref, deadline)
            if observed is None:
                break
            if observed == target:  # it did happen, though the answer was lost or was an error
                ref.confirmed, ref.uncertain = observed, None
                ref.committed_despite_error += 1
                with self.lock:
                    self.committed_despite_error += 1
                return True
            if observed != ref.confirmed:
                ref.anomalies.append(f"{action}: expected {ref.confirmed} or {target}, read {observed}")
                ref.confirmed, ref.uncertain = observed, None
                return False
            ref.uncertain = None
            if rejections >= 2:
                ref.gave_up = f"{action} rejected: {outcome} {str(answer)[:200]}"
                return False
            self.pause(attempt)
        ref.gave_up = ref.gave_up or f"{action}: no answer within {self.stall:.0f} s"
        return False

    def read(self, ref, deadline):
        """The referral's status as the service now tells it (retried until it answers)."""
        attempt = 0
        while time.time() < deadline:
            attempt += 1
            status, answer, outcome = self.call("read", "GET", f"{self.ref_url}/api/v1/referrals/{ref.id}", ref.sender)
            if outcome == "ok":
                return answer["status"]
            self.pause(attempt)
        return None

    @staticmethod
    def agency_of(user):
        return next(a for u, a in USERS if u == user)


def choose(rnd, weighted):
    total = sum(w for _, w in weighted)
    x = rnd.uniform(0, total)
    for item, w in weighted:
        x -= w
        if x <= 0:
            return item
    return weighted[-1][0]


# ------------------------------------------------------------------------------------------------ faults

def cmdline(pid):
    raw = read_file(f"/proc/{pid}/cmdline") or ""
    return raw.split("\0")


def alive(pid):
    s = read_file(f"/proc/{pid}/stat")
    return bool(s) and s[s.rindex(")") + 2] != "Z"


def wait_gone(pids, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if not any(alive(p) for p in pids):
            return True
        time.sleep(0.1)
    return False


def postmaster():
    pm = read_file(os.path.join(RUN, "postgres", "data", "postmaster.pid"))
    if not pm or not pm.splitlines()[0].strip().isdigit():
        return None
    pid = int(pm.splitlines()[0])
    return pid if any(os.path.join(RUN, "postgres", "data") == a for a in cmdline(pid)) else None


def kill(component):
    """SIGKILL for a service or Kafka; for PostgreSQL an immediate shutdown (SIGQUIT to the postmaster: its
    processes end at once without a checkpoint and the next start recovers from the WAL, as after a crash; SIGKILL
    would leave its backends and shared memory behind). Returns what was done."""
    if component == "postgres":
        pm, owner = postmaster(), pid_file("postgres")
        if not pm:
            raise RuntimeError("PostgreSQL is not running (no postmaster of run/postgres/data)")
        os.kill(pm, signal.SIGQUIT)
        if not wait_gone([pm], 30):
            raise RuntimeError(f"the postmaster {pm} did not end within 30 s of SIGQUIT")
        # its owner (the launcher JVM) follows the postmaster and exits by itself
        if owner and alive(owner) and not wait_gone([owner], 20):
            os.kill(owner, signal.SIGKILL)
        return {"signal": "SIGQUIT (immediate shutdown)", "pid": pm, "owner_pid": owner}
    pid = pid_file(component)
    if not pid or f"-Duputnica.local={os.path.join(RUN, component)}" not in cmdline(pid):
        raise RuntimeError(f"{component} is not running (run/{component}.pid)")
    os.kill(pid, signal.SIGKILL)
    if not wait_gone([pid], 30):
        raise RuntimeError(f"{component} (pid {pid}) still there 30 s after SIGKILL")
    return {"signal": "SIGKILL", "pid": pid}


def restart(out, label):
    """deploy/local/up without a build or demo data, on the ports the stack runs on; (exit code, seconds, components
    started, its log)."""
    envs = dict(os.environ, UPUTNICA_SKIP_BUILD="1", UPUTNICA_DEMO_DATA="false")  # a restart only restarts
    for component, (var, default) in PORTS.items():
        envs[var] = str(port_of(component, default))
    path = os.path.join(out, f"up-{label}.log")
    t0 = time.time()
    with open(path, "w") as f:
        code = subprocess.run([os.path.join(LOCAL_DIR, "up")], env=envs, stdout=f, stderr=subprocess.STDOUT).returncode
    took = time.time() - t0
    text = read_file(path) or ""
    started = [line.split("starting ", 1)[1].split(" ")[0] for line in text.splitlines()
               if "] starting " in line]
    return code, took, started, path


# ------------------------------------------------------------------------------------------------ checks

def routing(event_type, d):
    """The notices of an event (notification-service NoticeRouting): recipient key -> kind."""
    short = event_type.split(".")[-2]
    frm, to, wg = d.get("fromAgency"), d.get("toAgency"), d.get("workingGroup")
    if short == "sent":
        return {f"agency:{to}": "REFERRAL_RECEIVED", f"agency:{frm}": "REFERRAL_SENT"}
    if short in ("acknowledged", "accepted", "declined", "in-progress", "on-hold", "completed", "withdrawn",
                 "forwarded"):
        kind = "REFERRAL_" + short.upper().replace("-", "_")
        return {f"agency:{to}": kind, f"agency:{frm}": kind}
    out = {}
    if short == "overdue":
        out = {f"agency:{frm}": "REFERRAL_OVERDUE", f"agency:{to}/role:supervisor": "REFERRAL_OVERDUE"}
        if wg:
            out[f"group:{wg}"] = "REFERRAL_OVERDUE"
    elif short == "escalated":
        out = {f"agency:{frm}": "REFERRAL_ESCALATED", f"agency:{to}": "REFERRAL_ESCALATED"}
        if wg:
            out[f"group:{wg}"] = "REFERRAL_ESCALATED"
    return out


class Chaos:
    def __init__(self):
        quick = env("CHAOS_QUICK", "0") == "1"
        self.clients = int(env("CHAOS_CLIENTS", "4"))
        self.phase_s = seconds(env("CHAOS_PHASE", "8s" if quick else "15s"))
        self.down_s = seconds(env("CHAOS_DOWN", "2s" if quick else "5s"))
        self.think = seconds(env("CHAOS_THINK", "50ms"))
        self.drain_timeout = seconds(env("CHAOS_DRAIN_TIMEOUT", "180s"))
        self.stall = seconds(env("CHAOS_STALL_TIMEOUT", "240s"))
        self.transfer_every = int(env("CHAOS_TRANSFER_EVERY", "8"))
        self.poison = env("CHAOS_POISON", "1") == "1"
        self.faults = env("CHAOS_FAULTS", " ".join(FAULTS)).replace(",", " ").split()
        if self.faults == ["none"]:  # only the load and the checks
            self.faults = []
        unknown = [f for f in self.faults if f not in KNOWN_FAULTS]
        if unknown:
            raise RuntimeError(f"CHAOS_FAULTS: unknown {', '.join(unknown)} (known: {' '.join(KNOWN_FAULTS)})")
        self.ts = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        self.out = os.path.join(RUN, "chaos", self.ts)
        self.earlier_phases = []  # of the run that --verify checks again
        self.results_name = "results"
        self.pg = Pg()
        self.phases = Phases()
        self.tokens = Tokens()
        self.lost = collections.Counter()
        self.duplicated = collections.Counter()
        self.failures = []
        self.details = collections.defaultdict(list)
        self.bad_referrals = set()  # referrals with anything lost or duplicated

    # -------------------------------------------------------------- run
    def config(self):
        return {"clients": self.clients, "phase_s": self.phase_s, "down_s": self.down_s,
                "think_ms": round(self.think * 1000), "transfer_every": self.transfer_every, "faults": self.faults,
                "poison": self.poison, "drain_timeout_s": self.drain_timeout, "stall_timeout_s": self.stall}

    def save_state(self):
        with open(os.path.join(self.out, "state.json"), "w") as f:
            json.dump({"ts": self.ts, "started_at": self.started_at, "start_offsets": self.start_offsets,
                       "poison_key": self.poison_key, "config": self.config(),
                       "phases": [p.to_json() for p in self.phases.all], "load": self.load.to_json()}, f)

    def verify_again(self, ts):
        """Checks a finished run again against what the databases and topics hold now (deploy/local/chaos --verify)."""
        started = time.time()
        self.out = os.path.join(RUN, "chaos", ts)
        state = json.loads(read_file(os.path.join(self.out, "state.json")) or "null")
        if not state:
            raise RuntimeError(f"no run {ts}: {self.out}/state.json not found")
        self.ts, self.started_at = state["ts"], state["started_at"]
        self.start_offsets, self.poison_key = state["start_offsets"], state["poison_key"]
        c = state["config"]  # as the run had it, for the report (the drain timeout is this call's)
        self.clients, self.phase_s, self.down_s = c["clients"], c["phase_s"], c["down_s"]
        self.think = c["think_ms"] / 1000
        self.transfer_every, self.faults, self.poison, self.stall = (c["transfer_every"], c["faults"], c["poison"],
                                                                     c["stall_timeout_s"])
        self.earlier_phases = state["phases"]
        self.load = Load.known(state["load"])
        self.results_name = "verify-" + datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        log(f"checking run {ts} again: {len(self.load.referrals)} referrals its clients created")
        self.probe = Probe(self.out)
        self.verify()
        self.report(time.time() - started)
        return self.exit_code()

    def exit_code(self):
        return 1 if (sum(self.lost.values()) or sum(self.duplicated.values()) or self.failures) else 0

    def main(self):
        started = time.time()
        os.makedirs(self.out, exist_ok=True)
        log(f"results: {self.out}")
        log(f"{self.clients} clients, {self.think * 1000:.0f} ms between a client's requests; a transfer of a new "
            f"case every {self.transfer_every} referrals; {self.phase_s:g} s of load before the first fault and after "
            f"each restart; each component down {self.down_s:g} s; faults: {' '.join(self.faults)}")
        self.probe = Probe(self.out)
        setup = self.phases.begin("setup")
        self.started_at = setup.start
        tokens = {a: self.tokens.of(CASEWORKER[a]) for a in AGENCIES}
        cases, consents = create_cases(self.pg, tokens, 4, family="Chaos", given="Chaos")
        log(f"{4 * len(AGENCIES)} cases ({4} per agency), owners known to the referral-service")
        self.start_offsets = self.probe.offsets(REFERRAL_EVENTS, CASE_EVENTS, *DLQ.values())
        setup.end = time.time()

        self.load = Load(self.ts, self.clients, self.think, self.transfer_every, self.stall, self.phases,
                         self.tokens, cases, consents)
        base = self.phases.begin("baseline")
        log(f"phase baseline: load for {self.phase_s:g} s")
        self.load.start()
        if self.poison:
            time.sleep(self.phase_s / 2)
            self.poison_key = f"chaos-poison-{self.ts}"
            at = self.probe.produce(REFERRAL_EVENTS, self.poison_key, f"chaos {self.ts}: not a CloudEvent")
            base.notes.append(f"one poison record produced to {REFERRAL_EVENTS} (key {self.poison_key}, "
                              f"partition {at['partition']} offset {at['offset']}): each consumer must park it")
            log(f"  produced a poison record (key {self.poison_key}); both consumers of the topic must park it")
            time.sleep(self.phase_s / 2)
        else:
            self.poison_key = None
            time.sleep(self.phase_s)
        self.print_phase(base)

        for fault in self.faults:
            phase = self.phases.begin(f"kill {fault}")
            what = kill(fault)
            phase.fault = dict(what, component=fault)
            log(f"phase kill {fault}: {what['signal']} to pid {what['pid']}; down for {self.down_s:g} s under load")
            time.sleep(self.down_s)
            t0 = time.time()
            code, took, started_now, up_log = restart(self.out, fault)
            phase.ready_at = time.time()
            phase.fault.update({"down_s": round(t0 - phase.start, 1), "restart_s": round(took, 1),
                                "restarted": started_now, "up_log": os.path.basename(up_log)})
            if code != 0:
                tail = "\n".join((read_file(up_log) or "").splitlines()[-15:])
                self.failures.append(f"deploy/local/up failed after killing {fault} (exit {code}; {up_log})")
                log(f"  deploy/local/up failed (exit {code}):\n{tail}")
                phase.notes.append(f"deploy/local/up failed (exit {code})")
                self.print_phase(phase)
                break
            log(f"  deploy/local/up restarted {', '.join(started_now) or 'nothing'}; everything ready after "
                f"{took:.1f} s; load for {self.phase_s:g} s more")
            phase.notes.append(f"down {t0 - phase.start:.1f} s, then deploy/local/up restarted "
                               f"{', '.join(started_now) or 'nothing'} and waited {took:.1f} s until every "
                               "component was ready")
            time.sleep(self.phase_s)
            self.print_phase(phase)

        stopping = self.phases.begin("stop")
        log("stopping the load (each client finishes the action it is in)")
        stuck = self.load.finish(self.stall + 30)
        if stuck:
            self.failures.append(f"clients still running after the stall timeout: {', '.join(stuck)}")
        stopping.end = time.time()
        self.print_phase(stopping)
        self.save_state()

        self.verify()
        self.report(time.time() - started)
        return self.exit_code()

    def print_phase(self, p):
        j = p.to_json()
        errs = ", ".join(f"{k} {v}" for k, v in sorted(j["errors_by_kind"].items())) or "none"
        span = ""
        if j["errors_from_s"] is not None:
            span = f" (from {j['errors_from_s']} s to {j['errors_until_s']} s into the phase)"
        after = f"; {j['errors_after_restart']} after the restart was ready" if p.ready_at else ""
        log(f"  {p.name}: {j['requests']} requests, {j['ok']} ok, {j['referrals_created']} referrals created; "
            f"errors: {errs}{span}{after}")

    # -------------------------------------------------------------- verify
    def drain(self):
        """Waits until every outbox is empty and every consumer group has caught up."""
        t0 = time.time()
        deadline = t0 + self.drain_timeout
        while True:
            outbox = {db: int(self.pg.one(db, "select count(*) from outbox_message")) for db in DATABASES.values()}
            lag = self.probe.lag()
            group_lag = {g: sum(p["lag"] for t in topics.values() for p in t.values()) for g, topics in lag.items()}
            missing = [g for g in GROUPS if g not in lag]
            done = not any(outbox.values()) and not any(group_lag.values()) and not missing
            if done or time.time() > deadline:
                return {"outbox_rows": outbox, "lag": group_lag, "groups_missing": missing, "lag_detail": lag,
                        "drained": done, "waited_s": round(time.time() - t0, 1)}
            time.sleep(2)

    def verify(self):
        phase = self.phases.begin("verify")
        log(f"waiting until the outboxes are empty and every consumer group caught up (at most "
            f"{self.drain_timeout:g} s)")
        self.drained = self.drain()
        d = self.drained
        log(f"  outbox rows: {d['outbox_rows']}; consumer lag: {d['lag']}; after {d['waited_s']} s")
        if any(d["outbox_rows"].values()):
            self.failures.append(f"outboxes not drained after {self.drain_timeout:g} s: {d['outbox_rows']}")
        if any(d["lag"].values()) or d["groups_missing"]:
            self.failures.append(f"consumer lag not zero after {self.drain_timeout:g} s: {d['lag']}"
                                 + (f", groups missing: {d['groups_missing']}" if d["groups_missing"] else ""))

        log("reading what the run produced: the topics since the start, the three databases")
        records = self.probe.read(REFERRAL_EVENTS, self.start_offsets[REFERRAL_EVENTS])
        case_records = self.probe.read(CASE_EVENTS, self.start_offsets[CASE_EVENTS])
        dead = {svc: self.probe.read(topic, self.start_offsets[topic]) for svc, topic in DLQ.items()}

        marker = f"chaos {self.ts} %"
        refs = {r[0]: {"status": r[1], "kind": r[2], "from": r[3], "to": r[4], "case": r[5], "marker": r[6]}
                for r in self.pg.q("referrals", "select id, status, kind, from_agency, to_agency, case_id, reason "
                                                f"from referral where reason like '{marker}'")}
        history = collections.defaultdict(list)
        for rid, to_status in self.pg.q("referrals", "select h.referral_id, h.to_status from referral_history h "
                                                     "join referral r on r.id = h.referral_id "
                                                     f"where r.reason like '{marker}' order by h.id"):
            history[rid].append(to_status)
        t0 = self.started_at - 60
        inbox = collections.defaultdict(list)  # event id -> [(recipient key, kind, referral id)]
        for eid, key, kind, rid in self.pg.q("notifications", "select event_id, recipient_key, kind, referral_id from "
                                                              f"inbox_item where event_time >= to_timestamp({t0})"):
            if rid in refs:
                inbox[eid].append((key, kind, rid))

        self.referrals_in_database = len(refs)
        self.check_referrals(refs)
        events = self.check_events(refs, history, records)
        self.check_inbox(refs, events, inbox)
        self.check_cases(refs, history, case_records)
        self.check_dead_letters(dead)
        self.poison_counters = self.poison_metrics()
        phase.end = time.time()

    def lose(self, what, detail, referral=None):
        self.lost[what] += 1
        self.bad_referrals.add(referral)
        if len(self.details[what]) < 20:
            self.details[what].append(detail)

    def duplicate(self, what, detail, referral=None):
        self.duplicated[what] += 1
        self.bad_referrals.add(referral)
        if len(self.details[what]) < 20:
            self.details[what].append(detail)

    def check_referrals(self, refs):
        """Every referral whose create got a 2xx exists, in the status of its last 2xx answer (or, after an action
        that got no clear answer, in the status that action leads to)."""
        self.verified_state = 0
        self.ambiguous_final = 0
        for ref in self.load.referrals:
            row = refs.get(ref.id)
            if row is None:
                self.lose("referral missing", ref.to_json(), ref.id)
            elif row["status"] == ref.confirmed:
                self.verified_state += 1
            elif ref.uncertain and row["status"] == ref.uncertain:
                self.verified_state += 1
                self.ambiguous_final += 1
            else:
                self.lose("referral in the wrong status", dict(ref.to_json(), stored=row["status"]), ref.id)
            for a in ref.anomalies:
                self.lose("status read back unexpected", {"id": ref.id, "anomaly": a}, ref.id)
        known = {r.id for r in self.load.referrals}
        markers = {u["marker"]: u for u in self.load.unsure_creates}
        self.orphans = [rid for rid, row in refs.items() if rid not in known]
        self.unsure_created = sum(1 for rid in self.orphans if refs[rid]["marker"] in markers)
        stray = [rid for rid in self.orphans if refs[rid]["marker"] not in markers]
        for rid in stray:  # a referral of this run the client never asked for
            self.duplicate("referral nobody created", {"id": rid, "marker": refs[rid]["marker"]})

    def check_events(self, refs, history, records):
        """The referral events on the topic against the committed changes (referral_history: one event each)."""
        events = {}  # event id -> (type, data)
        copies = collections.Counter()
        self.unparsable = []
        self.other_events = 0
        for r in records:
            try:
                ev = json.loads(r["value"])
                eid, etype, data = ev["id"], ev["type"], ev["data"]
            except (ValueError, KeyError, TypeError):
                self.unparsable.append({"partition": r["partition"], "offset": r["offset"], "key": r["key"]})
                continue
            if data.get("referralId") not in refs:
                self.other_events += 1
                continue
            copies[eid] += 1
            events[eid] = (etype, data)
        self.event_copies = sum(n - 1 for n in copies.values())
        per_ref = collections.defaultdict(list)
        for eid, (etype, data) in events.items():
            per_ref[data["referralId"]].append(data["status"])
        for rid in refs:
            want = collections.Counter(history.get(rid, []))
            got = collections.Counter(per_ref.get(rid, []))
            for status, n in (want - got).items():
                for _ in range(n):
                    self.lose("event never published", {"referral": rid, "status": status}, rid)
            for status, n in (got - want).items():
                for _ in range(n):
                    self.duplicate("event without a committed change", {"referral": rid, "status": status}, rid)
        self.history_rows = sum(len(h) for h in history.values())
        self.events = events
        return events

    def check_inbox(self, refs, events, inbox):
        """Each event: exactly one inbox item per recipient its routing names."""
        self.items_expected = 0
        self.items_found = sum(len(v) for v in inbox.values())
        for eid, (etype, data) in events.items():
            want = routing(etype, data)
            self.items_expected += len(want)
            got = collections.Counter(key for key, _, _ in inbox.get(eid, []))
            for key, kind in want.items():
                rid = data["referralId"]
                if got[key] == 0:
                    self.lose("inbox item missing", {"event": eid, "type": etype, "recipient": key,
                                                     "referral": rid}, rid)
                elif got[key] > 1:
                    self.duplicate("inbox item twice", {"event": eid, "recipient": key, "count": got[key]}, rid)
            for key in got:
                if key not in want:
                    self.duplicate("inbox item for no recipient of the event", {"event": eid, "recipient": key},
                                   data["referralId"])
        for eid, items in inbox.items():
            if eid not in events:
                self.duplicate("inbox item of an event not on the topic", {"event": eid}, items[0][2])

    def check_cases(self, refs, history, case_records):
        """New cases reached the referral-service's projection; accepted transfers moved the case once."""
        self.cases_checked = len(self.load.new_cases)
        ids = list(self.load.new_cases)
        stored = {r[0]: r[1] for r in self.pg.q("cases", "select id, owner_agency from case_file "
                                                         f"where id in ({sql_list(ids)})")} if ids else {}
        projected = {r[0]: r[1] for r in self.pg.q("referrals", "select case_id, owner_agency from case_ownership "
                                                                f"where case_id in ({sql_list(ids)})")} if ids else {}
        transfers = {rid: row for rid, row in refs.items() if row["kind"] == "TRANSFER"}
        changes = collections.Counter(r[0] for r in self.pg.q(
            "cases", "select referral_id from case_ownership_change where referral_id in "
                     f"({sql_list(transfers)})")) if transfers else collections.Counter()
        accepted = {}
        for rid, row in transfers.items():
            if "ACCEPTED" in history.get(rid, []):
                accepted[row["case"]] = row
        self.transfers_accepted = len(accepted)
        transferred = collections.defaultdict(set)  # referral id -> ids of case.transferred events
        for r in case_records:
            try:
                ev = json.loads(r["value"])
            except ValueError:
                continue
            if ev.get("type", "").endswith("case.transferred.v1"):
                transferred[ev["data"].get("referralId")].add(ev["id"])
        for case_id, creator in self.load.new_cases.items():
            want = accepted[case_id]["to"] if case_id in accepted else creator
            if case_id not in stored:
                self.lose("case missing", {"case": case_id}, case_id)
                continue
            if stored[case_id] != want:
                self.lose("case owner wrong in the case-service", {"case": case_id, "owner": stored[case_id],
                                                                    "expected": want})
            if projected.get(case_id) != want:
                self.lose("case owner wrong in the referral-service projection",
                          {"case": case_id, "projected": projected.get(case_id), "expected": want})
        for case_id, row in accepted.items():
            rid = next(r for r, x in transfers.items() if x["case"] == case_id)
            n = changes.get(rid, 0)
            if n == 0:
                self.lose("accepted transfer not applied", {"referral": rid, "case": case_id}, rid)
            elif n > 1:
                self.duplicate("accepted transfer applied twice", {"referral": rid, "count": n}, rid)
            published = len(transferred.get(rid, ()))
            if n and not published:
                self.lose("case.transferred never published", {"referral": rid}, rid)
            elif published > 1:
                self.duplicate("case.transferred published twice", {"referral": rid, "events": published}, rid)

    def check_dead_letters(self, dead):
        """Dead letters since the start: the injected poison record is expected on the DLQ of each consumer of the
        referral topic; anything else was not applied and fails the run."""
        self.dead_letters = {}
        for svc, recs in dead.items():
            expected = [r for r in recs if self.poison_key and r["key"] == self.poison_key]
            unexpected = [r for r in recs if r not in expected]
            self.dead_letters[svc] = {
                "topic": DLQ[svc], "records": len(recs), "expected_poison": len(expected),
                "unexpected": [{"key": r["key"], "offset": r["offset"],
                                "reason": r["headers"].get("dead-letter-reason"),
                                "exception": r["headers"].get("dead-letter-exception-class-name"),
                                "cause": r["headers"].get("dead-letter-cause-class-name")} for r in unexpected],
            }
            if unexpected:
                self.failures.append(f"{len(unexpected)} unexpected record(s) on {DLQ[svc]}")
            if self.poison_key and svc in ("case-service", "notification-service") and not expected:
                self.failures.append(f"the poison record was not parked on {DLQ[svc]}")

    def poison_metrics(self):
        out = {}
        for svc in SERVICES:
            status, text = try_http("GET", service_url(svc) + "/q/metrics", timeout=10, raw=True,
                                    headers={"Accept": "text/plain"})
            if status != 200 and status is not None:
                out[svc] = f"HTTP {status}"
                continue
            total = 0.0
            if isinstance(text, str):
                for line in text.splitlines():
                    if line.startswith("uputnica_events_poison_total"):
                        total += float(line.rsplit(" ", 1)[1])
            out[svc] = total
        return out

    # -------------------------------------------------------------- report
    def report(self, total_s):
        load = self.load
        created = len(load.referrals)
        # verified: in the right status, and every change of it published once and in every recipient's inbox once
        verified = sum(1 for r in load.referrals if r.id not in self.bad_referrals)
        doc = {
            "meta": {
                "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "command": env("CHAOS_COMMAND", "deploy/local/chaos"),
                "config": self.config(),
                "total_s": round(total_s, 1),
                "machine": {"cores": os.cpu_count(), "loadavg": round(os.getloadavg()[0], 2)},
            },
            "figures": {
                "created": created, "verified": verified, "lost": sum(self.lost.values()),
                "duplicated": sum(self.duplicated.values()),
                "referrals_in_database": self.referrals_in_database,
                "creates_without_clear_answer": len(load.unsure_creates),
                "of_which_committed": self.unsure_created,
                "creates_rejected": len(load.rejected_creates),
                "actions_committed_despite_an_error": load.committed_despite_error,
                "final_status_of_an_action_without_clear_answer": self.ambiguous_final,
                "committed_changes": self.history_rows,
                "events_on_topic": len(self.events),
                "event_copies_on_topic": self.event_copies,
                "inbox_items_expected": self.items_expected,
                "inbox_items_found": self.items_found,
                "new_cases": self.cases_checked, "transfers_accepted": self.transfers_accepted,
                "unparsable_records": len(self.unparsable), "other_referral_events": self.other_events,
            },
            "lost": dict(self.lost), "duplicated": dict(self.duplicated),
            "examples": {k: v for k, v in self.details.items()},
            "drain": self.drained,
            "dead_letters": self.dead_letters,
            "poison_counters_since_start": self.poison_counters,
            "phases": self.earlier_phases + [p.to_json() for p in self.phases.all],
            "failures": self.failures,
            "gave_up": [r.to_json() for r in load.referrals if r.gave_up],
            "rejected_creates": load.rejected_creates[:50],
        }
        with open(os.path.join(self.out, self.results_name + ".json"), "w") as f:
            json.dump(doc, f, indent=2)
        fig = doc["figures"]
        lines = ["", f"Uputnica chaos run {doc['meta']['date']} ({doc['meta']['command']}), {total_s:.0f} s", ""]
        lines.append(f"{'phase':<28}{'s':>7}{'requests':>10}{'ok':>8}{'errors':>8}{'created':>9}  notes")
        for p in doc["phases"]:
            errs = ", ".join(f"{k} {v}" for k, v in sorted(p["errors_by_kind"].items()))
            notes = "; ".join(filter(None, [
                (f"restart {p['fault']['restart_s']} s ({', '.join(p['fault']['restarted'])})"
                 if p["fault"].get("restart_s") is not None else ""),
                errs and f"errors {errs}",
                (f"{p['errors_after_restart']} errors after the restart was ready"
                 if p["errors_after_restart"] else "")]))
            lines.append(f"{p['phase']:<28}{p['duration_s']:>7}{p['requests']:>10}{p['ok']:>8}{p['errors']:>8}"
                         f"{p['referrals_created']:>9}  {notes}")
        lines.append("")
        lines.append(f"created {created}   verified {verified}   lost {fig['lost']}   duplicated {fig['duplicated']}")
        lines.append(f"  referrals: {fig['creates_without_clear_answer']} creates without a clear answer "
                     f"({fig['of_which_committed']} of them committed all the same), {fig['creates_rejected']} "
                     f"rejected; {fig['actions_committed_despite_an_error']} actions committed though their answer "
                     "was an error or lost")
        lines.append(f"  events: {fig['committed_changes']} committed changes, {fig['events_on_topic']} distinct "
                     f"events on {REFERRAL_EVENTS} ({fig['event_copies_on_topic']} extra copies, dropped by the "
                     f"consumers)")
        lines.append(f"  inbox: {fig['inbox_items_found']} items for {fig['inbox_items_expected']} expected "
                     "(one per event and recipient)")
        lines.append(f"  cases: {fig['new_cases']} new cases, {fig['transfers_accepted']} accepted transfers")
        d = self.drained
        lines.append(f"  drained: outbox rows {d['outbox_rows']}, consumer lag {d['lag']} "
                     f"({d['waited_s']} s after the load stopped)")
        for svc, dl in self.dead_letters.items():
            lines.append(f"  {dl['topic']}: {dl['records']} new record(s), {dl['expected_poison']} the injected "
                         f"poison, {len(dl['unexpected'])} unexpected")
        lines.append(f"  poison counters (uputnica_events_poison_total since each service's last start): "
                     f"{self.poison_counters}")
        for what, n in list(self.lost.items()) + list(self.duplicated.items()):
            lines.append(f"  {what}: {n}, e.g. {json.dumps(self.details[what][:3])[:400]}")
        for f in self.failures:
            lines.append(f"  FAILED: {f}")
        ok = not (fig["lost"] or fig["duplicated"] or self.failures)
        lines.append("")
        lines.append(("PASSED: no loss, no duplicate" if ok else "FAILED")
                     + f"   JSON: {self.out}/{self.results_name}.json")
        text = "\n".join(lines)
        print(text, flush=True)
        with open(os.path.join(self.out, self.results_name.replace("results", "summary") + ".txt"), "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    try:
        chaos = Chaos()
        again = env("CHAOS_VERIFY", "")
        sys.exit(chaos.verify_again(again) if again else chaos.main())
    except (RuntimeError, OSError, subprocess.SubprocessError) as e:
        print(f"ERROR: {e}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("interrupted (a killed component may still be down: deploy/local/up starts it)", file=sys.stderr)
        sys.exit(130)
