"""What the Python tools of deploy/local (bench.d/bench.py, chaos.d/chaos.py) share: the stack's ports and pid
files under run/, psql, HTTP with real tokens, the demo senders and the cases they refer. Standard library only.
"""

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from http.client import HTTPException

LOCAL_DIR = os.path.dirname(os.path.abspath(__file__))
RUN = os.environ.get("UPUTNICA_RUN_DIR") or os.path.join(LOCAL_DIR, "run")  # as lib.sh: another stack's state
SERVICES = ["case-service", "referral-service", "notification-service"]

# Senders: one caseworker (or supervisor) per agency that refers; each refers to the next agency of the ring.
USERS = [
    ("ana.csr", "csr-kikinda"),
    ("marko.rod", "udruzenje-rod"),
    ("ivana.iom", "iom-serbia"),
    ("dragan.kirs", "kirs"),
    ("senad.csr", "csr-bijeljina"),
    ("amra.otaharin", "otaharin"),
    ("milica.supervisor", "csr-kikinda"),
]
RING = {
    "csr-kikinda": "udruzenje-rod",
    "udruzenje-rod": "iom-serbia",
    "iom-serbia": "kirs",
    "kirs": "csr-bijeljina",
    "csr-bijeljina": "otaharin",
    "otaharin": "csr-kikinda",
}
AGENCIES = list(RING)


def env(name, default):
    v = os.environ.get(name, "")
    return v if v != "" else default


def seconds(text):
    t = str(text).strip().lower()
    for suffix, factor in (("ms", 0.001), ("s", 1), ("m", 60)):
        if t.endswith(suffix) and t[: -len(suffix)].replace(".", "", 1).isdigit():
            return float(t[: -len(suffix)]) * factor
    return float(t)


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def read_file(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return None


def port_of(name, default):
    """The port a component was started with (run/NAME.port), as deploy/local/lib.sh port_of."""
    v = read_file(os.path.join(RUN, name + ".port"))
    return int(v.strip()) if v and v.strip().isdigit() else default


def pid_file(name):
    v = read_file(os.path.join(RUN, name + ".pid"))
    return int(v.strip()) if v and v.strip().isdigit() else None


def instances_of(name):
    """The instances of a service that runs behind a balancer (deploy/local/up with UPUTNICA_INSTANCES): the names
    NAME-1 .. NAME-9 that have a pid file; empty for a service that runs alone."""
    return [f"{name}-{k}" for k in range(1, 10) if os.path.exists(os.path.join(RUN, f"{name}-{k}.pid"))]


def token_url():
    return f"http://localhost:{port_of('keycloak', 8180)}/realms/uputnica/protocol/openid-connect/token"


DEFAULT_PORTS = {"case-service": 8081, "referral-service": 8082, "notification-service": 8083}


def service_url(name):
    return f"http://localhost:{port_of(name, DEFAULT_PORTS[name])}"


# ------------------------------------------------------------------------------------------------ PostgreSQL

class Pg:
    def __init__(self, port=None):
        self.port = port or port_of("postgres", 5432)
        self.env = dict(os.environ, PGPASSWORD="postgres", PGCONNECT_TIMEOUT="5")

    def q(self, db, sql):
        r = subprocess.run(["psql", "-h", "localhost", "-p", str(self.port), "-U", "postgres", "-d", db, "-AtqX",
                            "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                           env=self.env, capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"psql {db}: {r.stderr.strip()}")
        return [line.split("\t") for line in r.stdout.splitlines() if line != ""]

    def one(self, db, sql):
        rows = self.q(db, sql)
        return rows[0][0] if rows else None


# ------------------------------------------------------------------------------------------------ HTTP

def http(method, url, token=None, body=None, form=None, timeout=30, headers=None, raw=False):
    """(status, parsed JSON body, or the text with raw=True or of an error). Raises on transport errors (see
    try_http)."""
    h = {"Accept": "application/json"}
    h.update(headers or {})
    data = None
    if token:
        h["Authorization"] = "Bearer " + token
    if body is not None:
        data = json.dumps(body).encode()
        h["Content-Type"] = "application/json"
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        h["Content-Type"] = "application/x-www-form-urlencoded"
    req = urllib.request.Request(url, data=data, headers=h, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            data = r.read()
            return r.status, data.decode(errors="replace") if raw else json.loads(data or b"null")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")


def try_http(method, url, **kwargs):
    """As http, but a request that got no answer is (None, kind): 'refused' (never reached the server, so nothing
    happened), 'timeout' or 'broken' (the connection failed after the request may have arrived)."""
    try:
        return http(method, url, **kwargs)
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, ConnectionRefusedError):
            return None, "refused"
        if isinstance(reason, (socket.timeout, TimeoutError)):
            return None, "timeout"
        return None, "broken"
    except ConnectionRefusedError:
        return None, "refused"
    except (socket.timeout, TimeoutError):
        return None, "timeout"
    except (ConnectionError, HTTPException, OSError, ValueError):
        return None, "broken"


def password_token(user):
    """An access token of a demo user (password grant on the public client uputnica-cli)."""
    status, body = http("POST", token_url(), form={"grant_type": "password", "client_id": "uputnica-cli",
                                                   "username": user, "password": "demo"})
    if status != 200:
        raise RuntimeError(f"token for {user}: HTTP {status} {str(body)[:200]}")
    return body["access_token"]


def create_cases(pg, token_of_agency, per_agency, family="B", given="Bench"):
    """per_agency cases for each agency of the ring (with that agency's token), each with the guardian's consent to
    share IDENTITY with the next agency of the ring (a referral under consent needs a consent record), then waits
    until the referral-service knows their owners and consents (its projections). Returns ({agency: [case id, ...]},
    {case id: consent id})."""
    case_url = service_url("case-service")
    cases = {}
    consents = {}
    ids = []
    today = time.strftime("%Y-%m-%d")
    for agency in AGENCIES:
        cases[agency] = []
        for i in range(per_agency):
            status, body = http("POST", case_url + "/api/v1/cases", token_of_agency[agency], {
                "person": {"givenName": given, "familyName": f"{family}{i}", "dateOfBirth": "2011-03-14",
                           "sex": "FEMALE" if i % 2 else "MALE"},
                "category": "UNACCOMPANIED_MINOR"})
            if status != 201:
                raise RuntimeError(f"case for {agency}: HTTP {status} {str(body)[:300]}")
            case_id = body["id"]
            status, body = http("POST", f"{case_url}/api/v1/cases/{case_id}/consents", token_of_agency[agency], {
                "givenBy": "GUARDIAN", "giverName": f"{given} guardian", "purpose": "Load and fault tests",
                "toAgency": RING[agency], "data": ["IDENTITY"], "validFrom": today, "method": "SIGNED_FORM"})
            if status != 201:
                raise RuntimeError(f"consent for {agency}: HTTP {status} {str(body)[:300]}")
            cases[agency].append(case_id)
            consents[case_id] = body["id"]
            ids.append(case_id)
    in_list = sql_list(ids)
    consent_list = sql_list(consents.values())
    deadline = time.time() + 120
    while True:
        known = int(pg.one("referrals", f"select count(*) from case_ownership where case_id in ({in_list})"))
        known_consents = int(pg.one("referrals", f"select count(*) from consent where consent_id in ({consent_list})"))
        if known == len(ids) and known_consents == len(ids):
            return cases, consents
        if time.time() > deadline:
            raise RuntimeError(f"the referral-service learned the owner of only {known} of {len(ids)} cases "
                               f"and {known_consents} of their consents")
        time.sleep(0.5)


def sql_list(values):
    return ",".join("'" + str(v).replace("'", "''") + "'" for v in values) or "null"
