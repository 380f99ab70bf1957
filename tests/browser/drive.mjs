// Drives headless Chromium over the Chrome DevTools Protocol to check attest's HTML report the
// way a reader uses it: counts, the verdict filter, the search box, the URL fragment, expanding
// a claim, the timelines, reading with JavaScript off, and that the page loads nothing.
//
// Zero dependencies: Node 20 or later, run with `node --experimental-websocket` (Node 22 has
// the global WebSocket without the flag). Talks to Chromium over loopback only.
//
//   node --experimental-websocket drive.mjs --report R.html --expect R.json \
//        --screenshot out.png --profile DIR [--chromium chromium]
//
// `--expect` is attest's JSON report of the same check: the numbers the page must show.
// Prints one line per check and `N passed, N failed` last; exits 1 when a check fails, 2 when
// the browser cannot be driven at all.

import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const STEP_TIMEOUT_MS = 15_000;
const TOTAL_TIMEOUT_MS = 120_000;

function args() {
  const out = { chromium: "chromium" };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "");
    if (argv[i + 1] === undefined) die(`missing value for --${key}`);
    out[key] = argv[i + 1];
  }
  for (const key of ["report", "expect", "screenshot", "profile"]) {
    if (!out[key]) die(`missing --${key}`);
  }
  return out;
}

let browser = null;

function die(message) {
  console.error(`drive: ${message}`);
  stopBrowser();
  process.exit(2);
}

function stopBrowser() {
  if (!browser || browser.exitCode !== null || browser.signalCode !== null) return;
  try {
    // The browser was started as a process group leader: this ends its helpers too.
    process.kill(-browser.pid, "SIGKILL");
  } catch {
    browser.kill("SIGKILL");
  }
}

/// Stop the browser and wait (briefly) until it has gone, so that its profile can be removed.
async function stopBrowserAndWait() {
  if (!browser || browser.exitCode !== null || browser.signalCode !== null) return;
  const gone = new Promise((resolve) => browser.once("exit", resolve));
  stopBrowser();
  await withTimeout(gone, 5000, "chromium to exit").catch(() => {});
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/// Start Chromium on a free port it picks itself, and return that port.
async function startBrowser(opts) {
  mkdirSync(opts.profile, { recursive: true });
  const flags = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--window-size=1280,900",
    `--user-data-dir=${opts.profile}`,
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
    "about:blank",
  ];
  browser = spawn(opts.chromium, flags, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  browser.stderr.on("data", (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  browser.on("error", (e) => die(`cannot start ${opts.chromium}: ${e.message}`));
  const portFile = resolve(opts.profile, "DevToolsActivePort");
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (browser.exitCode !== null) die(`chromium exited with ${browser.exitCode}:\n${stderr}`);
    if (existsSync(portFile)) {
      const port = Number(readFileSync(portFile, "utf8").split("\n")[0]);
      if (port > 0) return port;
    }
    await sleep(100);
  }
  die(`chromium did not open its debugging port within ${STEP_TIMEOUT_MS} ms:\n${stderr}`);
}

/// A minimal CDP session over one page's websocket.
class Session {
  constructor(ws) {
    this.ws = ws;
    this.next = 1;
    this.pending = new Map();
    this.listeners = new Map();
    ws.addEventListener("message", (event) => this.receive(JSON.parse(event.data)));
    ws.addEventListener("close", () => {
      for (const { reject } of this.pending.values()) reject(new Error("devtools connection closed"));
      this.pending.clear();
    });
  }

  static async connect(url) {
    const ws = new WebSocket(url);
    await withTimeout(
      new Promise((resolve, reject) => {
        ws.addEventListener("open", resolve, { once: true });
        ws.addEventListener("error", () => reject(new Error(`cannot connect to ${url}`)), { once: true });
      }),
      STEP_TIMEOUT_MS,
      "devtools websocket",
    );
    return new Session(ws);
  }

  receive(message) {
    if (message.id !== undefined) {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
      else waiter.resolve(message.result);
      return;
    }
    for (const listener of this.listeners.get(message.method) ?? []) listener(message.params);
  }

  send(method, params = {}) {
    const id = this.next++;
    const reply = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject, method }));
    this.ws.send(JSON.stringify({ id, method, params }));
    return withTimeout(reply, STEP_TIMEOUT_MS, method);
  }

  on(method, listener) {
    if (!this.listeners.has(method)) this.listeners.set(method, []);
    this.listeners.get(method).push(listener);
  }

  once(method) {
    return new Promise((resolve) => {
      const listener = (params) => {
        const list = this.listeners.get(method);
        list.splice(list.indexOf(listener), 1);
        resolve(params);
      };
      this.on(method, listener);
    });
  }

  /// Evaluate an expression in the page and return its value (JSON-serialisable).
  async eval(expression) {
    const result = await this.send("Runtime.evaluate", {
      expression,
      returnByValue: true,
      awaitPromise: true,
    });
    if (result.exceptionDetails) {
      const text = result.exceptionDetails.exception?.description ?? result.exceptionDetails.text;
      throw new Error(`page script failed: ${text}`);
    }
    return result.result.value;
  }

  async navigate(url) {
    const loaded = this.once("Page.loadEventFired");
    const nav = await this.send("Page.navigate", { url });
    if (nav.errorText) throw new Error(`cannot open ${url}: ${nav.errorText}`);
    await withTimeout(loaded, STEP_TIMEOUT_MS, `loading ${url}`);
  }

  close() {
    this.ws.close();
  }
}

async function pageSocket(port) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/json/list`, {
        signal: AbortSignal.timeout(2000),
      });
      const targets = await res.json();
      const page = targets.find((t) => t.type === "page");
      if (page?.webSocketDebuggerUrl) return page.webSocketDebuggerUrl;
    } catch {
      // The endpoint answers a moment after the port file appears.
    }
    await sleep(100);
  }
  die("no page target in /json/list");
}

// ---------------------------------------------------------------------------------------------
// Checks.

const results = { passed: 0, failed: 0 };

function check(name, ok, detail = "") {
  if (ok) {
    results.passed += 1;
    console.log(`ok    ${name}`);
  } else {
    results.failed += 1;
    const shown = detail.length > 400 ? `${detail.slice(0, 400)}…` : detail;
    console.log(`FAIL  ${name}${shown ? `: ${shown}` : ""}`);
  }
}

function equal(name, actual, expected) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  check(name, a === e, `got ${a}, expected ${e}`);
}

// What the page shows, read in the page.
const VISIBLE_ROWS = `Array.from(document.querySelectorAll("tbody.claim"))
  .filter((t) => t.offsetParent !== null && getComputedStyle(t).display !== "none")
  .map((t) => ({ verdict: t.dataset.verdict, search: t.dataset.search,
                 id: t.querySelector(".claim-row").id.slice("claim-".length) }))`;

const SUMMARY = `Object.fromEntries(Array.from(document.querySelectorAll("[data-count]"))
  .map((e) => [e.dataset.count, Number(e.textContent.trim())]))`;

async function setFilter(session, verdict) {
  await session.eval(`(() => { const s = document.getElementById("verdict-filter");
    s.value = ${JSON.stringify(verdict)}; s.dispatchEvent(new Event("change", { bubbles: true })); })()`);
}

async function setSearch(session, text) {
  await session.eval(`(() => { const s = document.getElementById("claim-search");
    s.value = ${JSON.stringify(text)}; s.dispatchEvent(new Event("input", { bubbles: true })); })()`);
}

/// Click an element the way a reader does: scroll to it, then press and release the mouse on it.
async function click(session, selector) {
  const box = await session.eval(`(() => { const e = document.querySelector(${JSON.stringify(selector)});
    if (!e) return null; e.scrollIntoView({ block: "center" }); const r = e.getBoundingClientRect();
    return { x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2 }; })()`);
  if (!box) throw new Error(`nothing matches ${selector}`);
  for (const type of ["mousePressed", "mouseReleased"]) {
    await session.send("Input.dispatchMouseEvent", { type, x: box.x, y: box.y, button: "left", clickCount: 1 });
  }
}

async function screenshot(session, path) {
  const size = await session.eval(
    `({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight })`,
  );
  const shot = await session.send("Page.captureScreenshot", {
    format: "png",
    captureBeyondViewport: true,
    clip: { x: 0, y: 0, width: size.width, height: Math.min(size.height, 16_000), scale: 1 },
  });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.from(shot.data, "base64"));
}

/// A screenshot of one part of the page, at its place in the document.
async function screenshotOf(session, selector, path) {
  const r = await session.eval(`(() => { const r = document.querySelector(${JSON.stringify(selector)})
    .getBoundingClientRect(); return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height }; })()`);
  const shot = await session.send("Page.captureScreenshot", {
    format: "png",
    captureBeyondViewport: true,
    clip: { ...r, height: Math.min(r.height, 16_000), scale: 1 },
  });
  writeFileSync(path, Buffer.from(shot.data, "base64"));
}

async function run(opts) {
  const expect = JSON.parse(readFileSync(opts.expect, "utf8"));
  const summary = expect.summary;
  const dated = expect.claims.filter((c) => c.parsed?.date).length;
  const url = pathToFileURL(resolve(opts.report)).href;

  const port = await startBrowser(opts);
  const session = await Session.connect(await pageSocket(port));
  const requests = [];
  const errors = [];
  session.on("Network.requestWillBeSent", (p) => requests.push(p.request.url));
  session.on("Runtime.exceptionThrown", (p) =>
    errors.push(p.exceptionDetails.exception?.description ?? p.exceptionDetails.text),
  );
  session.on("Runtime.consoleAPICalled", (p) => {
    if (p.type === "error") errors.push(p.args.map((a) => a.value ?? a.description).join(" "));
  });
  await session.send("Page.enable");
  await session.send("Runtime.enable");
  await session.send("Network.enable");
  await session.send("Emulation.setDeviceMetricsOverride", {
    width: 1280,
    height: 900,
    deviceScaleFactor: 1,
    mobile: false,
  });

  await session.navigate(url);

  // The summary.
  const shown = await session.eval(SUMMARY);
  equal("summary shows the counts of each verdict", shown, {
    total: summary.total,
    supported: summary.supported,
    conflicting: summary.conflicting,
    contested: summary.contested,
    unsupported: summary.unsupported,
    failed: summary.failed,
  });
  const all = await session.eval(VISIBLE_ROWS);
  equal("every claim is a visible row at first", all.length, summary.total);
  equal(
    "the rows are the claims of the check, in order",
    all.map((r) => r.id),
    expect.claims.map((c) => c.id),
  );

  // The verdict filter.
  await setFilter(session, "conflicting");
  const conflicting = await session.eval(VISIBLE_ROWS);
  check(
    "filter `conflicting` leaves only conflicting rows",
    conflicting.length > 0 && conflicting.every((r) => r.verdict === "conflicting"),
    JSON.stringify(conflicting.map((r) => `${r.id}: ${r.verdict}`)),
  );
  equal("as many rows as the summary counts conflicting", conflicting.length, summary.conflicting);
  equal(
    "the filter is kept in the URL",
    await session.eval("location.hash"),
    "#verdict=conflicting",
  );
  equal(
    "the row counter says what is shown",
    await session.eval(`document.getElementById("shown").textContent`),
    `${summary.conflicting} of ${summary.total} claims shown`,
  );
  const figures = await session.eval(`Array.from(document.querySelectorAll("figure.timeline"))
    .filter((f) => !f.hidden).map((f) => f.dataset.verdict)`);
  check(
    "timelines follow the filter",
    figures.every((v) => v === "conflicting"),
    JSON.stringify(figures),
  );

  // Expanding a claim.
  const first = conflicting[0]?.id;
  const details = `#claim-${first} + tr details`;
  await click(session, `${details} > summary`);
  const opened = await session.eval(`(() => { const d = document.querySelector(${JSON.stringify(details)});
    const ev = Array.from(d.querySelectorAll("li.ev")).filter((e) => e.offsetHeight > 0);
    const marks = Array.from(d.querySelectorAll("mark")).filter((m) => m.offsetHeight > 0);
    return { open: d.open, evidence: ev.length, marks: marks.map((m) => m.textContent),
             conflicts: d.querySelectorAll("li.rel-conflicts").length,
             note: ev[0] ? ev[0].querySelector(".note").textContent : "" }; })()`);
  const claimJson = expect.claims.find((c) => c.id === first);
  check(`clicking \`${first}\` opens its evidence`, opened.open === true);
  equal("all its evidence is shown", opened.evidence, claimJson?.evidence.length);
  check(
    "the found value is highlighted",
    opened.marks.length > 0 && opened.marks.every((m) => m.trim().length > 0),
    JSON.stringify(opened.marks),
  );
  check(
    "the highlighted value is the evidence's value",
    opened.marks.includes(claimJson?.evidence[0]?.value),
    `${JSON.stringify(opened.marks)} vs ${JSON.stringify(claimJson?.evidence[0]?.value)}`,
  );
  check("a conflicting claim shows conflicting evidence", opened.conflicts > 0);
  equal("the evidence's note is shown", opened.note, claimJson?.evidence[0]?.note);
  await session.eval("window.scrollTo(0, 0)");
  await screenshot(session, opts.screenshot);
  console.log(`      screenshot: ${opts.screenshot}`);

  // The search box, on top of the verdict filter.
  await setFilter(session, "all");
  equal("filter `all` shows every claim again", (await session.eval(VISIBLE_ROWS)).length, summary.total);
  const overview = opts.screenshot.replace(/\.png$/, "-all.png");
  await session.eval("window.scrollTo(0, 0)");
  await screenshot(session, overview);
  console.log(`      screenshot: ${overview}`);
  await setSearch(session, "KARS");
  const kars = await session.eval(VISIBLE_ROWS);
  const karsExpected = expect.claims.filter((c) =>
    `${c.id} ${c.parsed.event}`.toLowerCase().includes("kars"),
  ).length;
  check(
    "search keeps the claims that mention it, in any case",
    kars.length >= karsExpected && kars.length > 0 && kars.every((r) => r.search.includes("kars")),
    `${kars.length} rows: ${kars.map((r) => r.id).join(", ")}`,
  );
  await setSearch(session, "no claim says this");
  equal("a search that matches nothing hides every row", (await session.eval(VISIBLE_ROWS)).length, 0);
  await setSearch(session, "");

  // A link that opens a filtered view.
  await session.navigate("about:blank");
  await session.navigate(`${url}#verdict=contested`);
  equal("`#verdict=contested` selects the filter", await session.eval(
    `document.getElementById("verdict-filter").value`), "contested");
  const contested = await session.eval(VISIBLE_ROWS);
  check(
    "and shows the contested claims only",
    contested.length === summary.contested && contested.every((r) => r.verdict === "contested"),
    JSON.stringify(contested),
  );

  // Timelines.
  await setFilter(session, "all");
  const svgs = await session.eval(`(() => {
    return Array.from(document.querySelectorAll("figure.timeline svg")).map((s) => ({
      width: s.getBoundingClientRect().width, marks: s.querySelectorAll("g.found").length,
      claimed: s.querySelectorAll("rect.claimed").length })); })()`);
  equal("one timeline per dated claim", svgs.length, dated);
  check(
    "every timeline is drawn with the claimed date",
    svgs.every((s) => s.width > 300 && s.claimed === 1),
    JSON.stringify(svgs),
  );
  const datedEvidence = expect.claims
    .filter((c) => c.parsed?.date)
    .reduce((n, c) => n + c.evidence.filter((e) => e.aspect === "date").length, 0);
  equal("every dated piece of evidence is on a timeline", svgs.reduce((n, s) => n + s.marks, 0), datedEvidence);
  const timelineShot = opts.screenshot.replace(/\.png$/, "-timeline.png");
  await screenshotOf(session, "#timeline", timelineShot);
  console.log(`      screenshot: ${timelineShot}`);

  // Reading without JavaScript.
  await session.send("Emulation.setScriptExecutionDisabled", { value: true });
  await session.navigate("about:blank");
  await session.navigate(`${url}#verdict=conflicting`);
  const noScript = await session.eval(`({ rows: ${VISIBLE_ROWS}.length,
    filters: getComputedStyle(document.querySelector("form.filters")).display,
    details: document.querySelectorAll("details").length })`);
  equal("without JavaScript every claim is shown and the filter is hidden", noScript, {
    rows: summary.total,
    filters: "none",
    details: summary.total,
  });
  await session.send("Emulation.setScriptExecutionDisabled", { value: false });

  // Nothing but the file itself was loaded.
  const external = requests.filter((u) => !u.startsWith("file:") && u !== "about:blank");
  check("the page loads nothing from anywhere", external.length === 0, external.join(", "));
  check("the page raises no script errors", errors.length === 0, errors.join(" | "));

  session.close();
}

async function main() {
  const opts = args();
  const watchdog = setTimeout(() => die(`gave up after ${TOTAL_TIMEOUT_MS} ms`), TOTAL_TIMEOUT_MS);
  if (typeof WebSocket === "undefined") die("this Node has no WebSocket: run it with --experimental-websocket (Node 20 or later)");
  try {
    await run(opts);
  } catch (e) {
    check("the browser session runs to the end", false, e.message);
  } finally {
    clearTimeout(watchdog);
    await stopBrowserAndWait();
  }
  console.log(`${results.passed} passed, ${results.failed} failed`);
  process.exit(results.failed === 0 ? 0 : 1);
}

main();
