// The calls otel-ui makes to otel-demo, made the same way from this page's own origin: XHR (what
// axios uses in a browser), a bearer token and a JSON content type on every request (so the browser
// sends a preflight first), x-trace-id read from script, and otel-ui's retries of transient
// statuses with exponential backoff. The page reports what the browser let its script see; the
// test decides whether that is what otel-ui needs.
"use strict";

window.otelUiCalls = (() => {
  const TIMEOUT_MS = 30000;
  const RETRIED_STATUSES = [408, 429, 500, 502, 503, 504];
  const MAX_RETRIES = 3;
  const BACKOFF_BASE_MS = 1000;
  const BACKOFF_MAX_MS = 10000;

  // The OTel Testing page's cards, in its order.
  const OTEL_TESTING_PATHS = [
    "/health", "/ready", "/info", "/chain", "/slow", "/error", "/db/locations", "/db/status",
  ];

  function parse(text) {
    try {
      return JSON.parse(text);
    } catch (e) {
      return undefined;
    }
  }

  // One request. A blocked or failed request is reported as status 0 with the XHR event's type,
  // which is all a page's script ever learns about a CORS failure.
  function send(apiBase, token, path) {
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      const started = performance.now();
      const answer = (fields) =>
        resolve({ ...fields, duration_ms: Math.round(performance.now() - started) });
      xhr.open("GET", apiBase + path);
      xhr.timeout = TIMEOUT_MS;
      xhr.setRequestHeader("Content-Type", "application/json");
      xhr.setRequestHeader("Authorization", "Bearer " + token);
      xhr.onload = () => {
        const body = parse(xhr.responseText);
        answer({
          status: xhr.status,
          trace_id_header: xhr.getResponseHeader("x-trace-id"),
          body: body === undefined ? null : body,
          text: body === undefined ? xhr.responseText.slice(0, 500) : null,
        });
      };
      xhr.onerror = () => answer({ status: 0, failure: "error" });
      xhr.ontimeout = () => answer({ status: 0, failure: "timeout" });
      xhr.send();
    });
  }

  function backoff(retry) {
    const delay = BACKOFF_BASE_MS * Math.pow(2, retry);
    return Math.min(delay + Math.random() * 0.3 * delay, BACKOFF_MAX_MS);
  }

  // One call as otel-ui's client makes it: the first attempt and up to three retries.
  async function call(apiBase, token, path) {
    const attempts = [];
    for (;;) {
      const attempt = await send(apiBase, token, path);
      attempts.push(attempt);
      const retries = attempts.length - 1;
      if (!RETRIED_STATUSES.includes(attempt.status) || retries >= MAX_RETRIES) {
        return { path, attempts };
      }
      await new Promise((resume) => setTimeout(resume, backoff(retries)));
    }
  }

  async function run(apiBase, token) {
    // The Dashboard: both together, and it shows nothing unless both succeed.
    const [health, info] = await Promise.all([
      call(apiBase, token, "/health"),
      call(apiBase, token, "/info"),
    ]);
    // The OTel Testing page's "test all": every card at once.
    const otelTesting = await Promise.all(
      OTEL_TESTING_PATHS.map((path) => call(apiBase, token, path)));
    return { dashboard: [health, info], otel_testing: otelTesting };
  }

  return { run };
})();
