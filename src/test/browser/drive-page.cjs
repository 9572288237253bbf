// Opens the test's page in headless Chromium and runs its otel-ui calls against the API. Prints
// one JSON object on stdout: what the page's script saw, every request the browser failed (with
// CDP's CORS error, if any), the console's errors and warnings, and uncaught page errors.
// Diagnostics go to stderr. The token comes in the environment and is never printed.
//
// Environment: PAGE_URL, API_BASE_URL, API_TOKEN, CHROMIUM_PATH, USER_DATA_DIR; NODE_PATH names
// the folder that holds playwright-core (install.sh puts it in target/browser/node_modules).
"use strict";

const { chromium } = require("playwright-core");

function setting(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

// Chromium resolves no host but the loopback ones, and does nothing on its own on the network.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-quic",
  "--disable-sync",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
];

// What the browser reports while the page runs, gathered from CDP and the page's events.
function observe(page, cdp) {
  const urls = new Map();
  const seen = { loading_failed: [], console: [], page_errors: [] };
  cdp.on("Network.requestWillBeSent", (event) => urls.set(event.requestId, event.request.url));
  cdp.on("Network.loadingFailed", (event) =>
    seen.loading_failed.push({
      url: urls.get(event.requestId) ?? null,
      error_text: event.errorText,
      cors_error: event.corsErrorStatus ? event.corsErrorStatus.corsError : null,
      blocked_reason: event.blockedReason ?? null,
    }));
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      seen.console.push({ type: message.type(), text: message.text() });
    }
  });
  page.on("pageerror", (error) => seen.page_errors.push(String(error)));
  return seen;
}

async function main() {
  const context = await chromium.launchPersistentContext(setting("USER_DATA_DIR"), {
    executablePath: setting("CHROMIUM_PATH"),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const seen = observe(page, cdp);
    const pageUrl = setting("PAGE_URL");
    await page.goto(pageUrl);
    const calls = await page.evaluate(
      ([apiBase, token]) => window.otelUiCalls.run(apiBase, token),
      [setting("API_BASE_URL"), setting("API_TOKEN")]);
    const version = await cdp.send("Browser.getVersion");
    process.stdout.write(
      JSON.stringify({
        browser: version.product,
        page: pageUrl,
        ...calls,
        ...seen,
      }) + "\n");
  } finally {
    await context.close();
  }
}

main().catch((error) => {
  process.stderr.write(`drive-page: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
