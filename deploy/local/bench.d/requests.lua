-- wrk script of deploy/local/bench: replays prepared requests, one virtual user (token) per line group.
--
-- [BENCH_RATE=R] BENCH_WRK_OUT=F wrk -t T -c C -d D -s requests.lua http://localhost:PORT -- REQUEST_FILE T
--
-- REQUEST_FILE has one request per line: METHOD<TAB>PATH<TAB>BEARER_TOKEN<TAB>BODY (BODY may be empty). bench.py
-- writes the lines of the virtual users interleaved (user 0, 1, ..., C-1, user 0, ...), so that each wrk thread,
-- taking every T-th line, cycles through its own share of the virtual users and their tokens. wrk does not say
-- which connection asks for a request, so a "virtual user" is a token plus its data, used in turn by the thread's
-- connections (C/T of them), not pinned to one socket.
-- With BENCH_RATE (requests per second for the whole run), each thread paces its requests at RATE/T per second on a fixed schedule
-- (an open-loop arrival rate as long as a connection is free; when none is, requests wait and the rate falls).
-- done() writes wrk's summary and latency percentiles as JSON to the file named by BENCH_WRK_OUT.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local thread_count = 0
function setup(thread)
  thread:set("tid", thread_count)
  thread_count = thread_count + 1
end

local reqs = {}
local n = 0
local idx = 0
local interval_ms = nil
local next_slot = nil

function init(args)
  local file = args[1]
  local threads = tonumber(args[2]) or 1
  local rate = tonumber(os.getenv("BENCH_RATE") or "")
  local line_no = 0
  for line in io.lines(file) do
    if line_no % threads == tid then
      local method, path, token, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$")
      local headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
      if body ~= nil and body ~= "" then
        headers["Content-Type"] = "application/json"
      else
        body = nil
      end
      n = n + 1
      reqs[n] = wrk.format(method, path, headers, body)
    end
    line_no = line_no + 1
  end
  if n == 0 then
    error("no request lines for thread " .. tid .. " in " .. file)
  end
  idx = math.random(n) - 1
  if rate ~= nil and rate > 0 then
    interval_ms = 1000.0 * threads / rate
  end
end

function request()
  idx = idx % n + 1
  return reqs[idx]
end

-- Only with a rate: the next free slot of this thread's schedule. A slot in the past is taken at once. (Defined only
-- then: wrk calls delay() before every request as soon as the script has one.)
if tonumber(os.getenv("BENCH_RATE") or "") then
  function delay()
    local t = now_ms()
    if next_slot == nil or next_slot < t - 1000 then
      next_slot = t -- start, or more than 1 s behind: do not send a burst to catch up
    end
    local wait = next_slot - t
    next_slot = next_slot + interval_ms
    if wait < 1 then
      return 0
    end
    return math.floor(wait)
  end
end

function done(summary, latency, requests)
  local out = os.getenv("BENCH_WRK_OUT")
  if out == nil or out == "" then
    return
  end
  local f = assert(io.open(out, "w"))
  local e = summary.errors
  f:write(string.format(
    '{"duration_us": %d, "requests": %d, "bytes": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
    '"latency_us": {"min": %d, "mean": %.1f, "stdev": %.1f, "max": %d, ' ..
    '"p50": %d, "p75": %d, "p90": %d, "p95": %d, "p99": %d, "p999": %d}}\n',
    summary.duration, summary.requests, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.min, latency.mean, latency.stdev, latency.max,
    latency:percentile(50), latency:percentile(75), latency:percentile(90), latency:percentile(95),
    latency:percentile(99), latency:percentile(99.9)))
  f:close()
end
