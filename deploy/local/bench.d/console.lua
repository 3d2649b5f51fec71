-- wrk script of the console workload (console.py): signed-in users loading the referral list and a referral page.
--
-- BENCH_WRK_OUT=F wrk -t T -c C -d D -s console.lua http://localhost:8084 -- REQUEST_FILE T
--
-- REQUEST_FILE has one request per line: PATH<TAB>COOKIE (the user's console session cookies). Each wrk thread takes
-- every T-th line and cycles through them. done() writes the summary and latency percentiles as JSON to F.

local thread_count = 0
function setup(thread)
  thread:set("tid", thread_count)
  thread_count = thread_count + 1
end

local reqs = {}
local n = 0
local idx = 0

function init(args)
  local threads = tonumber(args[2]) or 1
  local line_no = 0
  for line in io.lines(args[1]) do
    if line_no % threads == tid then
      local path, cookie = line:match("^([^\t]*)\t(.*)$")
      n = n + 1
      reqs[n] = wrk.format("GET", path, { ["Cookie"] = cookie, ["Accept"] = "text/html" })
    end
    line_no = line_no + 1
  end
  if n == 0 then
    error("no request lines for thread " .. tid)
  end
  idx = math.random(n) - 1
end

function request()
  idx = idx % n + 1
  return reqs[idx]
end

function done(summary, latency, requests)
  local f = assert(io.open(os.getenv("BENCH_WRK_OUT"), "w"))
  local e = summary.errors
  f:write(string.format(
    '{"duration_us": %d, "requests": %d, "bytes": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
    '"latency_us": {"p50": %d, "p90": %d, "p95": %d, "p99": %d, "max": %d}}\n',
    summary.duration, summary.requests, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99), latency.max))
  f:close()
end
