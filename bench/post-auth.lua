-- wrk script: POST a fixed body with an Authorization header, count non-2xx and 200-with-error answers.
-- usage: AUTH="Bearer ..." EXPECT_BODY='"code":0' wrk -t1 -cN -dNs --latency -s post-auth.lua URL -- BODYFILE
local threads = {}
function setup(thread) table.insert(threads, thread) end

function init(args)
  local f = assert(io.open(args[1], "rb"), "cannot open body file " .. tostring(args[1]))
  wrk.body = f:read("*a"); f:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = os.getenv("AUTH")
  expect = os.getenv("EXPECT_BODY")
  non2xx, badbody = 0, 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1
  elseif expect and not string.find(body, expect, 1, true) then badbody = badbody + 1 end
end

function done(summary, latency, requests)
  local n2, bb = 0, 0
  for _, t in ipairs(threads) do n2 = n2 + t:get("non2xx"); bb = bb + t:get("badbody") end
  local e = summary.errors
  io.write(string.format("RESULT req/s=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d non2xx=%d badbody=%d sockerr=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, n2, bb, e.connect + e.read + e.write + e.timeout))
end
