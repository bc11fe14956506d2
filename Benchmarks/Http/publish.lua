-- wrk script: POST /domains/events/publish with the design's example body.
-- ./Benchmarks/Http/publish.sh runs it against a fresh embedded gateway.
wrk.method = "POST"
wrk.path = "/domains/events/publish"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"event_type": "ml.prediction", "source_domain": "ai_domain", "data": {"prediction": "positive"}}'

done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format('{"scenario":"http-publish","ops_per_sec":%.0f,"p50_us":%.0f,"p99_us":%.0f,"requests":%d,"non_2xx":%d,"socket_errors":%d}\n',
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99), summary.requests, non2xx,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
